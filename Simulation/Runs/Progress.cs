namespace HarmonySim.Simulation.Runs;

/// <summary>Where one shard stands after a window, with what it sent other shards in it.</summary>
public sealed record ShardProgress(
    int Shard,
    TimeSpan Now,
    ulong Height,
    int ViewChanges,
    long Deliveries,
    TimeSpan NextEventAt,
    IReadOnlyList<CrossShardMessage> Outbox,
    ulong EpochsCompleted = 0)
{
    /// <summary>View changes started so far (<see cref="ViewChanges"/> counts the completed ones); see <c>ShardResult</c>.</summary>
    public int ViewChangesStarted { get; init; }

    /// <summary>Virtual time the shard has spent view-changing so far, an unfinished view change included.</summary>
    public TimeSpan TimeViewChanging { get; init; }
}

/// <summary>Where a run stands: virtual time, its duration, each shard's progress and, for a run measured in epochs, the goal.</summary>
public sealed record RunProgress(TimeSpan Now, TimeSpan Duration, IReadOnlyList<ShardProgress> Shards, ulong? EpochGoal = null)
{
    public bool Done => Now >= Duration;
}
