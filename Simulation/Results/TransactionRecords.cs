namespace HarmonySim.Simulation.Results;

/// <summary>
/// A shard's load over a stretch of the run, taken off the shard step by step like its other records: what was
/// offered and submitted each virtual second, what each canonical block included and finalised (with each load
/// transaction's latencies from its intended send time, in microseconds), and the cross-shard credits it made.
/// The host folds these into histograms and series and drops them, so neither side grows with the run.
/// </summary>
public sealed record TransactionRecords(
    IReadOnlyList<SubmissionSecond> Seconds,
    IReadOnlyList<BlockTransactions> Blocks,
    IReadOnlyList<CreditBatch> Credits)
{
    public bool IsEmpty => Seconds.Count == 0 && Blocks.Count == 0 && Credits.Count == 0;
}

/// <summary>
/// Virtual second <paramref name="Second"/> on a shard: transactions offered (intended in it), submitted to the pool,
/// late (submitted after their intended time), rejected by reason, and evicted from the pool. A second may come in
/// several records (one per take); their counts add up.
/// </summary>
public sealed record SubmissionSecond(long Second, int Offered, int Submitted, int Late, IReadOnlyDictionary<string, int> Rejected, int Evicted);

/// <summary>
/// A canonical block's transactions: when it was proposed and committed, how many transactions it carried, how many
/// were cross-shard, its gas, the pool's depth after it, and each load transaction's latency to inclusion (proposal)
/// and to finality (commit), in microseconds (one sample each, so their count is the block's load transactions).
/// </summary>
public sealed record BlockTransactions(
    ulong Height,
    TimeSpan ProposedAt,
    TimeSpan CommittedAt,
    int Transactions,
    int CrossShard,
    ulong GasUsed,
    ulong GasLimit,
    int MempoolDepth,
    long[] InclusionMicros,
    long[] FinalityMicros)
{
    public int LoadTransactions => FinalityMicros.Length;
}

/// <summary>Load transactions from <paramref name="SourceShard"/> credited here at <paramref name="At"/>: each one's latency from its intended send time, in microseconds.</summary>
public sealed record CreditBatch(TimeSpan At, int SourceShard, long[] CreditMicros);
