using System.Numerics;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// A plain value transfer (reference §8.2, reduced): <paramref name="Amount"/> atto-ONE from <paramref name="From"/> on
/// shard <paramref name="ShardId"/> to <paramref name="To"/> on shard <paramref name="ToShardId"/>. When the shards
/// differ it is a cross-shard transfer: the source debits and emits a receipt, the destination credits (§3.5).
/// </summary>
/// <remarks>
/// Gas follows Ethereum's model for a plain transfer (§8.2): the sender offers <see cref="GasLimit"/> gas at
/// <see cref="GasPrice"/> atto-ONE each and must be able to cover all of it, but a payload-free transfer uses exactly
/// <see cref="IntrinsicGas"/>, so that is what it pays. There is no payload. <paramref name="From"/> is carried
/// explicitly and must be the address the signature recovers to.
/// </remarks>
public sealed record Transfer(Address From, Address To, uint ShardId, uint ToShardId, BigInteger Amount, ulong Nonce)
{
    /// <summary>The gas a transfer without payload uses (Ethereum's and Harmony's <c>TxGas</c>).</summary>
    public const ulong IntrinsicGas = 21_000;

    // The fee, maximum cost and spend are computed once, on first use, and published as one immutable object (so
    // threads sharing the transfer never see a half-written value). Setting any field they derive from clears them,
    // so a `with` copy changing one recomputes; the ledger and the pool read them for every transfer.
    private readonly BigInteger _amount = Amount;
    private readonly BigInteger _gasPrice = BigInteger.Zero;
    private readonly ulong _gasLimit = IntrinsicGas;
    private Costs? _costs;

    /// <summary>Atto-ONE, moved from <see cref="From"/> to <see cref="To"/>.</summary>
    public BigInteger Amount
    {
        get => _amount;
        init
        {
            _amount = value;
            _costs = null;
        }
    }

    /// <summary>Atto-ONE per unit of gas; 0 makes the transfer free, as before fees were modelled.</summary>
    public BigInteger GasPrice
    {
        get => _gasPrice;
        init
        {
            _gasPrice = value;
            _costs = null;
        }
    }

    /// <summary>The most gas the sender allows; at least <see cref="IntrinsicGas"/> to be valid.</summary>
    public ulong GasLimit
    {
        get => _gasLimit;
        init
        {
            _gasLimit = value;
            _costs = null;
        }
    }

    public bool IsCrossShard => ShardId != ToShardId;

    /// <summary>What the sender must hold for the transfer to apply: the amount plus the whole gas allowance.</summary>
    public BigInteger MaxCost => Derived.MaxCost;

    /// <summary>The fee actually charged (and burned): the intrinsic gas at the offered price.</summary>
    public BigInteger Fee => Derived.Fee;

    /// <summary>What applying the transfer takes from the sender: the amount and the fee.</summary>
    public BigInteger Spend => Derived.Spend;

    private Costs Derived => _costs ??= Costs.Of(_amount, _gasPrice, _gasLimit);

    private sealed class Costs(BigInteger fee, BigInteger maxCost, BigInteger spend)
    {
        public BigInteger Fee { get; } = fee;
        public BigInteger MaxCost { get; } = maxCost;
        public BigInteger Spend { get; } = spend;

        public static Costs Of(BigInteger amount, BigInteger gasPrice, ulong gasLimit)
        {
            var fee = gasPrice * IntrinsicGas;
            return new(fee, amount + (gasPrice * gasLimit), amount + fee);
        }
    }

    // Written out so that the derived costs, computed or not, never take part.
    public bool Equals(Transfer? other) =>
        other is not null && From == other.From && To == other.To && ShardId == other.ShardId && ToShardId == other.ToShardId &&
        _amount == other._amount && Nonce == other.Nonce && _gasPrice == other._gasPrice && _gasLimit == other._gasLimit;

    public override int GetHashCode() => HashCode.Combine(From, To, ShardId, ToShardId, _amount, Nonce, _gasPrice, _gasLimit);
}
