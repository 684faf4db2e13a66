namespace HarmonySim.Simulation.Results;

/// <summary>
/// What a shard recorded over a stretch of the run, in the order it recorded them: its new canonical commits, the
/// times of its view changes and its event-log lines. A host takes these step by step and writes them out, so a
/// shard's memory does not grow with the length of the run.
/// </summary>
public sealed record ShardRecords(int Shard, IReadOnlyList<CommitRecord> Commits, IReadOnlyList<TimeSpan> ViewChangeTimes, IReadOnlyList<LoggedEvent> Events)
{
    /// <summary>Consensus messages delivered so far by type (running totals when the records were taken; lower-case
    /// type names, only types seen). Watchers read telemetry counters from here rather than asking the shard again.</summary>
    public IReadOnlyDictionary<string, long> MessagesByType { get; init; } = new Dictionary<string, long>();

    /// <summary>Signature verifications the shard's validators made so far (a running total).</summary>
    public long SignatureChecks { get; init; }

    /// <summary>The shard's load records (a run with a load section), else null.</summary>
    public TransactionRecords? Transactions { get; init; }

    public bool IsEmpty => Commits.Count == 0 && ViewChangeTimes.Count == 0 && Events.Count == 0 && Transactions?.IsEmpty != false;
}
