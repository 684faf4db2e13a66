namespace HarmonySim.Simulation.Results;

/// <summary>
/// What a shard recorded over a stretch of the run, in the order it recorded them: its new canonical commits, the
/// times of its view changes and its event-log lines. A host takes these step by step and writes them out, so a
/// shard's memory does not grow with the length of the run.
/// </summary>
public sealed record ShardRecords(int Shard, IReadOnlyList<CommitRecord> Commits, IReadOnlyList<TimeSpan> ViewChangeTimes, IReadOnlyList<LoggedEvent> Events)
{
    /// <summary>The shard's load records (a run with a load section), else null.</summary>
    public TransactionRecords? Transactions { get; init; }

    public bool IsEmpty => Commits.Count == 0 && ViewChangeTimes.Count == 0 && Events.Count == 0 && Transactions?.IsEmpty != false;
}
