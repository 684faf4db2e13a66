using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The testnet's faucet: it signs ordinary Harmony transfers from its genesis-funded account (the same bytes a
/// wallet would send, so they enter the pool, the journal and a replay like any other), keeps each shard's next
/// nonce so that several payments can wait for the same step, and pays one address at most once per interval.
/// The interval is wall-clock time (a courtesy limit of the host, not part of the chain: it is not journaled).
/// </summary>
public sealed class TestnetFaucet
{
    private const int ForgetAbove = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<Address, DateTimeOffset> _paid = [];
    private readonly ulong?[] _nextNonce;
    private readonly AccountKey _key;
    private readonly TestnetPlan _testnet;
    private readonly TimeProvider _clock;

    public TestnetFaucet(RunPlan plan, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _testnet = plan.Testnet ?? throw new ArgumentException("not a testnet plan", nameof(plan));
        Plan = _testnet.Faucet ?? throw new ArgumentException("the testnet has no faucet", nameof(plan));
        _key = FaucetAccount.Key(plan.Seed);
        Address = new Address(_key.Address);
        _nextNonce = new ulong?[plan.Shards];
        _clock = clock ?? TimeProvider.System;
    }

    public FaucetPlan Plan { get; }

    public Address Address { get; }

    public BigInteger DefaultAmount => ToAtto(Plan.Amount);

    public BigInteger MaxAmount => ToAtto(Plan.MaxAmount);

    /// <summary>Claims the address's turn; null when it may be paid now, else why not (with the wait left).</summary>
    public string? Reserve(Address to)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_paid.TryGetValue(to, out var last) && now - last < Plan.Interval)
                return $"the faucet paid {to} {(now - last).TotalSeconds:0} s ago; one payment per address every {Plan.Interval.TotalSeconds:0} s (try again in {(Plan.Interval - (now - last)).TotalSeconds:0} s)";
            if (_paid.Count > ForgetAbove)
                foreach (var old in _paid.Where(p => now - p.Value >= Plan.Interval).Select(p => p.Key).ToList()) _paid.Remove(old);
            _paid[to] = now;
            return null;
        }
    }

    /// <summary>Gives the address its turn back (its payment was not made).</summary>
    public void Release(Address to)
    {
        lock (_gate) _paid.Remove(to);
    }

    /// <summary>
    /// A signed payment on <paramref name="shard"/>: the nonce follows the faucet's own last one or the chain's
    /// pending nonce, whichever is higher (payments waiting for the next step are not in the pool yet).
    /// </summary>
    public SignedTransfer Pay(int shard, Address to, BigInteger amount, ulong pendingNonce)
    {
        ulong nonce;
        lock (_gate)
        {
            nonce = Math.Max(_nextNonce[shard] ?? 0, pendingNonce);
            _nextNonce[shard] = nonce + 1;
        }
        var message = new Transfer(Address, to, (uint)shard, (uint)shard, amount, nonce) { GasPrice = _testnet.Mempool.MinGasPrice, GasLimit = Transfer.IntrinsicGas };
        return SignedTransfer.Sign(message, _key, _testnet.ChainId, TransactionFormat.Harmony);
    }

    /// <summary>After a refused payment: the next one reads its nonce from the chain again.</summary>
    public void Forget(int shard)
    {
        lock (_gate) _nextNonce[shard] = null;
    }

    private static BigInteger ToAtto(decimal ones) => Simulation.Staking.StakingWorld.ToAtto(ones);
}
