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

    /// <summary>Atto-ONE per unit of gas; 0 makes the transfer free, as before fees were modelled.</summary>
    public BigInteger GasPrice { get; init; } = BigInteger.Zero;

    /// <summary>The most gas the sender allows; at least <see cref="IntrinsicGas"/> to be valid.</summary>
    public ulong GasLimit { get; init; } = IntrinsicGas;

    public bool IsCrossShard => ShardId != ToShardId;

    /// <summary>What the sender must hold for the transfer to apply: the amount plus the whole gas allowance.</summary>
    public BigInteger MaxCost => Amount + (GasPrice * GasLimit);

    /// <summary>The fee actually charged (and burned): the intrinsic gas at the offered price.</summary>
    public BigInteger Fee => GasPrice * IntrinsicGas;
}
