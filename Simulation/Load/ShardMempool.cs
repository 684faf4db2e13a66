using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// A shard's transaction pool in a load run: the protocol's <see cref="TxPool"/> with the plan's rules and the run's
/// block gas limit, answering in the terms the load traffic counts by (a rejection reason's name, what a full pool
/// dropped). One per shard network, so its state belongs to the shard and never to the silo.
/// </summary>
public sealed class ShardMempool
{
    private readonly TxPool _pool;

    public ShardMempool(MempoolPlan rules, ulong blockGasLimit, int shard)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _pool = new TxPool((uint)shard, new TxPoolRules
        {
            Capacity = rules.Capacity,
            MinGasPrice = rules.MinGasPrice,
            PriceBumpPercent = (uint)rules.PriceBumpPercent,
            BlockGasLimit = blockGasLimit,
        });
    }

    public int Count => _pool.Count;

    /// <summary>The sender's next nonce counting what the pool holds for it on top of <paramref name="head"/>.</summary>
    public ulong NextNonce(ShardLedger head, Protocol.Chain.Address sender)
    {
        ArgumentNullException.ThrowIfNull(head);
        var next = head.AccountOf(sender).Nonce;
        foreach (var tx in _pool.PendingOf(sender))
            if (tx.Message.Nonce == next) next++;
        return next;
    }

    /// <summary>Offers a transaction against the committed head: null rejection when the pool took it, with what it dropped for it.</summary>
    public Admission Add(SignedTransfer tx, ShardLedger head)
    {
        var outcome = _pool.Add(tx, head);
        return outcome.Rejection is { } reason
            ? new Admission(Names[(int)reason], [])
            : new Admission(null, outcome.Evicted is { } evicted ? [evicted] : outcome.Replaced is { } replaced ? [replaced] : []);
    }

    /// <summary>What a leader building on <paramref name="parent"/> takes, within <paramref name="gas"/>.</summary>
    public IReadOnlyList<SignedTransfer> Select(ShardLedger parent, ulong gas) => _pool.Select(parent, gas);

    /// <summary>Removes what the committed ledger included and what it leaves unaffordable; returns the latter (dropped, never to be included).</summary>
    public IReadOnlyList<SignedTransfer> Prune(ShardLedger committed) => _pool.Prune(committed).Dropped;

    /// <summary>Each rejection reason's name in reports: its enum name in snake case (pool_full, nonce_gap, …).</summary>
    private static readonly string[] Names = ReportNames.Of<PoolRejection>();
}

/// <summary>The pool's answer: the rejection reason's name (null when it took the transaction) and what it dropped to take it.</summary>
public sealed record Admission(string? Rejection, IReadOnlyList<SignedTransfer> Dropped);
