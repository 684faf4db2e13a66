namespace HarmonySim.Simulation.Plans;

/// <summary>What a fault does to a shard's network. Scenario files name the first six and OverlayPartition in kebab case (<see cref="FaultKinds.Name"/>).</summary>
public enum FaultKind
{
    /// <summary>Target nodes stop (lose nothing committed); in a scenario, with a duration they restart after it.</summary>
    Crash,

    /// <summary>Crashed target nodes restart from their own committed chain.</summary>
    Restart,

    /// <summary>The network splits into groups that cannot talk to each other; in a scenario, with a duration it heals after it.</summary>
    Partition,

    /// <summary>Ends every active partition, leader isolation and slow link.</summary>
    Heal,

    /// <summary>The current leader of each target shard is cut off from everyone.</summary>
    IsolateLeader,

    /// <summary>Every link to and from the target nodes gets extra one-way delay.</summary>
    SlowLink,

    /// <summary>A timed partition ends (other faults stay); made by the planner, not named in scenario files.</summary>
    EndPartition,

    /// <summary>A timed slow link ends for its nodes; made by the planner, not named in scenario files.</summary>
    EndSlowLink,

    /// <summary>
    /// The overlay splits into groups: peers drop their routing-table entries and mesh links across the cut while the
    /// links themselves still work (gossip and IDA only); in a scenario, with a duration it heals after it.
    /// </summary>
    OverlayPartition,

    /// <summary>A timed overlay partition ends; made by the planner, not named in scenario files.</summary>
    EndOverlayPartition,

    /// <summary>
    /// A denial of service on the next <see cref="FaultPlan.Count"/> leaders of each target shard: the current leader
    /// and each node that takes the lead after it, as it takes it, are cut off from everyone until the fault ends.
    /// </summary>
    IsolateNextLeaders,
}

public static class FaultKinds
{
    /// <summary>The kinds a scenario file may name.</summary>
    public static IReadOnlyList<FaultKind> InScenarios { get; } =
        [FaultKind.Crash, FaultKind.Restart, FaultKind.Partition, FaultKind.Heal, FaultKind.IsolateLeader, FaultKind.SlowLink, FaultKind.OverlayPartition, FaultKind.IsolateNextLeaders];

    /// <summary>The kebab-case name of a fault kind, as scenario files and the event log write it (IsolateLeader → isolate-leader).</summary>
    public static string Name(FaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>A fault at a virtual time: which nodes it hits, for partitions the groups (node ids) that can still talk, for slow links the extra delay.</summary>

public sealed record FaultPlan(
    TimeSpan At,
    FaultKind Kind,
    IReadOnlyList<int> Nodes,
    int? Shard,
    TimeSpan? Duration,
    IReadOnlyList<IReadOnlyList<int>> Groups,
    TimeSpan? ExtraDelay = null)
{
    /// <summary>How many leaders an <see cref="FaultKind.IsolateNextLeaders"/> fault cuts off (the current one included).</summary>
    public int Count { get; init; } = 1;
}

/// <summary>A window in which the scenario expects commits to stop (the liveness check accepts gaps inside it).</summary>

public sealed record OutageWindow(TimeSpan From, TimeSpan To);
