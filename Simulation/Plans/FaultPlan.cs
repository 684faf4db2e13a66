namespace HarmonySim.Simulation.Plans;

/// <summary>What a fault does to a shard's network; scenario files name them in kebab case (<see cref="FaultKinds.Name"/>).</summary>
public enum FaultKind
{
    Crash,
    Restart,
    Partition,
    Heal,
    IsolateLeader,
    SlowLink,

    /// <summary>A timed partition ends (other faults stay).</summary>
    EndPartition,

    /// <summary>A timed slow link ends for its nodes.</summary>
    EndSlowLink,
}

/// <summary>A fault at a virtual time: which nodes it hits, for partitions the groups (node ids) that can still talk, for slow links the extra delay.</summary>

public sealed record FaultPlan(
    TimeSpan At,
    FaultKind Kind,
    IReadOnlyList<int> Nodes,
    int? Shard,
    TimeSpan? Duration,
    IReadOnlyList<IReadOnlyList<int>> Groups,
    TimeSpan? ExtraDelay = null);

/// <summary>A window in which the scenario expects commits to stop (the liveness check accepts gaps inside it).</summary>

public sealed record OutageWindow(TimeSpan From, TimeSpan To);

public static class FaultKinds
{
    /// <summary>The kebab-case name of a fault kind, as scenario files and the event log write it (IsolateLeader → isolate-leader).</summary>
    public static string Name(FaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
