using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.State;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// A shard's open-loop load: it submits each generated transaction to the shard's mempool at its intended time,
/// remembers the intended time of every transaction the pool holds, and, as canonical blocks commit, prunes the pool
/// and records what each block included with each load transaction's latency to inclusion and finality. Its records
/// are taken off step by step (<see cref="TakeRecords"/>); what it holds is bounded by the pool and the blocks in flight.
/// </summary>
public sealed class LoadTraffic(LoadGenerator generator, ShardMempool mempool)
{
    private readonly Dictionary<Hash32, LoadTransaction> _pending = [];
    private List<SubmissionSecond> _seconds = [];
    private List<BlockTransactions> _blocks = [];
    private List<CreditBatch> _credits = [];
    private SecondTally _second = new(0);

    public ShardMempool Mempool => mempool;

    /// <summary>The next intended send time.</summary>
    public TimeSpan NextArrivalAt => generator.NextAt;

    /// <summary>Submits every transaction intended at or before <paramref name="now"/> against the committed <paramref name="head"/>.</summary>
    public void SubmitDue(TimeSpan now, ShardLedger head)
    {
        while (generator.Next(now) is { } tx)
        {
            var second = (long)(tx.IntendedAt.Ticks / TimeSpan.TicksPerSecond);
            if (second != _second.Second) FlushSecond(second);
            _second.Offered++;
            if (now > tx.IntendedAt) _second.Late++;
            var admission = mempool.Add(tx.Transaction, head);
            if (admission.Rejection is { } reason)
            {
                _second.Rejected[reason] = _second.Rejected.GetValueOrDefault(reason) + 1;
                generator.Returned(tx);
                continue;
            }
            _second.Submitted++;
            _pending[tx.Hash] = tx;
            foreach (var dropped in admission.Dropped)
            {
                _second.Evicted++;
                if (_pending.Remove(dropped.Hash, out var lost)) generator.Returned(lost);
            }
        }
    }

    /// <summary>The intended send times (ticks; −1 when not a load transaction) of the transactions behind <paramref name="receipts"/>.</summary>
    public long[] IntendedTicks(IReadOnlyList<CXReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var ticks = new long[receipts.Count];
        for (var i = 0; i < ticks.Length; i++) ticks[i] = _pending.TryGetValue(receipts[i].TxHash, out var tx) ? tx.IntendedAt.Ticks : -1;
        return ticks;
    }

    /// <summary>A canonical block committed at <paramref name="now"/> (proposed at <paramref name="proposedAt"/>): prune the pool and record its transactions.</summary>
    public void Committed(TimeSpan now, TimeSpan proposedAt, Transfers.TransferState state, Protocol.Chain.BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(header);
        var inclusion = new List<long>(state.Transfers.Count);
        var finality = new List<long>(state.Transfers.Count);
        var crossShard = 0;
        foreach (var tx in state.Transfers)
        {
            if (tx.Message.IsCrossShard) crossShard++;
            if (!_pending.Remove(tx.Hash, out var load)) continue;
            inclusion.Add(Micros(proposedAt - load.IntendedAt));
            finality.Add(Micros(now - load.IntendedAt));
        }
        // What the pool drops besides the block's own transactions can never apply now: lost, as an eviction is.
        foreach (var dropped in mempool.Prune(state.Ledger))
            if (_pending.Remove(dropped.Hash, out var lost))
            {
                _second.Evicted++;
                generator.Returned(lost);
            }
        _blocks.Add(new BlockTransactions(header.Number, proposedAt, now, state.Transfers.Count, crossShard, header.GasUsed, header.GasLimit,
            mempool.Count, [.. inclusion], [.. finality]));
    }

    /// <summary>Load transactions of <paramref name="sourceShard"/> credited here at <paramref name="now"/>, by their intended send times.</summary>
    public void Credited(TimeSpan now, int sourceShard, IReadOnlyList<long> intendedTicks)
    {
        ArgumentNullException.ThrowIfNull(intendedTicks);
        var micros = new List<long>(intendedTicks.Count);
        foreach (var t in intendedTicks) if (t >= 0) micros.Add(Micros(now - new TimeSpan(t)));
        if (micros.Count > 0) _credits.Add(new CreditBatch(now, sourceShard, [.. micros]));
    }

    /// <summary>The records since the last take; the current second's tally is included once <paramref name="now"/> has passed it.</summary>
    public TransactionRecords TakeRecords(TimeSpan now)
    {
        var nowSecond = now.Ticks / TimeSpan.TicksPerSecond;
        FlushSecond(Math.Max(_second.Second, nowSecond));
        var records = new TransactionRecords(_seconds, _blocks, _credits);
        (_seconds, _blocks, _credits) = ([], [], []);
        return records;
    }

    /// <summary>Load transactions the pool still holds (intended, not yet final).</summary>
    public int Pending => _pending.Count;

    private void FlushSecond(long next)
    {
        if (_second.Offered > 0 || _second.Evicted > 0)
            _seconds.Add(new SubmissionSecond(_second.Second, _second.Offered, _second.Submitted, _second.Late,
                new SortedDictionary<string, int>(_second.Rejected, StringComparer.Ordinal), _second.Evicted));
        _second = new SecondTally(next);
    }

    private static long Micros(TimeSpan t) => t.Ticks / 10;

    private sealed class SecondTally(long second)
    {
        public long Second { get; } = second;
        public int Offered { get; set; }
        public int Submitted { get; set; }
        public int Late { get; set; }
        public int Evicted { get; set; }
        public Dictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);
    }
}
