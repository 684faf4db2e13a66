namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// Everything a run needs, resolved from a scenario: small, serializable, and enough for any silo to rebuild the
/// same keys, committees and network from it (keys derive from the seed), so a run is the same on one silo or many.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunPlan(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] ulong Seed,
    [property: Id(3)] string SignatureScheme,
    [property: Id(4)] bool QuorumByStake,
    [property: Id(5)] decimal HarmonyVoteShare,
    [property: Id(6)] TimingPlan Timing,
    [property: Id(7)] IReadOnlyList<NodePlan> Nodes,
    [property: Id(8)] int Shards,
    [property: Id(9)] LatencyPlan Latency,
    [property: Id(10)] IReadOnlyList<FaultPlan> Faults,
    [property: Id(11)] TimeSpan Duration,
    [property: Id(12)] TimeSpan LivenessMaxGap,
    [property: Id(13)] IReadOnlyList<OutageWindow> ExpectedOutages,
    [property: Id(14)] ulong? StopAtHeight = null,
    [property: Id(15)] CostPlan? Cost = null,
    [property: Id(16)] StakingPlan? Staking = null,
    [property: Id(17)] ulong? StopAtEpoch = null,
    [property: Id(18)] IReadOnlyList<string>? ExpectedSlashedCohorts = null,
    [property: Id(19)] IReadOnlyList<string>? ExpectedJailedCohorts = null,
    [property: Id(20)] IReadOnlyList<VotingPowerBound>? VotingPowerBounds = null,
    [property: Id(21)] TransfersPlan? Transfers = null)
{
    public IEnumerable<NodePlan> NodesOf(int shard) => Nodes.Where(n => n.Shard == shard);
}

/// <summary>FBFT timing and policies for the run (mainnet defaults come from the scenario loader).</summary>
[GenerateSerializer, Immutable]
public sealed record TimingPlan(
    [property: Id(0)] TimeSpan BlockTime,
    [property: Id(1)] TimeSpan PhaseTimeout,
    [property: Id(2)] TimeSpan ViewChangeTimeout,
    [property: Id(3)] TimeSpan ViewChangeSlot,
    [property: Id(4)] TimeSpan BootstrapTimeout,
    [property: Id(5)] ulong BlocksPerEpoch,
    [property: Id(6)] bool AllValidatorsLeadViewChanges,
    [property: Id(7)] int? RotateAfterBlocks,
    [property: Id(8)] bool MainnetRotation,
    [property: Id(9)] TimeSpan? CommitGrace = null);

/// <summary>One validator node: its shard, cohort, keys, stake per key (none for Harmony-operated), region and behaviour.</summary>
[GenerateSerializer, Immutable]
public sealed record NodePlan(
    [property: Id(0)] int Id,
    [property: Id(1)] int Shard,
    [property: Id(2)] string Cohort,
    [property: Id(3)] int Keys,
    [property: Id(4)] decimal? StakePerKey,
    [property: Id(5)] int Region,
    [property: Id(6)] NodeBehaviour Behaviour,
    [property: Id(7)] TimeSpan? BehaviourFrom = null,
    [property: Id(8)] TimeSpan? JoinsAt = null)
{
    /// <summary>Whether the node's behaviour is in force at <paramref name="now"/> (from the start unless it has a start time).</summary>
    public bool Misbehaves(TimeSpan now) => Behaviour != NodeBehaviour.Honest && (BehaviourFrom is not { } from || now >= from);
}

public enum NodeBehaviour
{
    Honest,
    SilentLeader,
    WithholdVotes,

    /// <summary>Split brain: two honest replicas with the node's keys, each talking to one side of the shard.</summary>
    Equivocate,

    /// <summary>From <see cref="NodePlan.BehaviourFrom"/>, every COMMIT vote goes with a second one for a conflicting block.</summary>
    DoubleSign,
}

/// <summary>One-way latency between regions in milliseconds, plus jitter, loss and optional bandwidth.</summary>
[GenerateSerializer, Immutable]
public sealed record LatencyPlan(
    [property: Id(0)] IReadOnlyList<string> Regions,
    [property: Id(1)] IReadOnlyList<IReadOnlyList<double>> OneWayMs,
    [property: Id(2)] TimeSpan Jitter,
    [property: Id(3)] double Loss,
    [property: Id(4)] double? BandwidthMbps);

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
[GenerateSerializer, Immutable]
public sealed record FaultPlan(
    [property: Id(0)] TimeSpan At,
    [property: Id(1)] FaultKind Kind,
    [property: Id(2)] IReadOnlyList<int> Nodes,
    [property: Id(3)] int? Shard,
    [property: Id(4)] TimeSpan? Duration,
    [property: Id(5)] IReadOnlyList<IReadOnlyList<int>> Groups,
    [property: Id(6)] TimeSpan? ExtraDelay = null);

/// <summary>A window in which the scenario expects commits to stop (the liveness check accepts gaps inside it).</summary>
[GenerateSerializer, Immutable]
public sealed record OutageWindow([property: Id(0)] TimeSpan From, [property: Id(1)] TimeSpan To);

/// <summary>Virtual CPU time per operation a node performs; its messages leave, and its next inputs start, only after it.</summary>
[GenerateSerializer, Immutable]
public sealed record CostPlan(
    [property: Id(0)] TimeSpan Sign,
    [property: Id(1)] TimeSpan Verify,
    [property: Id(2)] TimeSpan AggregateVerify,
    [property: Id(3)] TimeSpan BlockValidation)
{
    public TimeSpan Of(OperationCounts ops) =>
        Sign * ops.Signs + Verify * ops.Verifies + AggregateVerify * ops.AggregateVerifies + BlockValidation * ops.BlockValidations;
}

/// <summary>A bound the scenario sets on the largest share of one shard's voting power a cohort may hold in any epoch.</summary>
[GenerateSerializer, Immutable]
public sealed record VotingPowerBound([property: Id(0)] string Cohort, [property: Id(1)] decimal? Above, [property: Id(2)] decimal? Below);
