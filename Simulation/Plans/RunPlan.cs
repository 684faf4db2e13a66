namespace HarmonySim.Simulation.Plans;

/// <summary>
/// Everything a run needs, resolved from a scenario: small, serializable, and enough for any silo to rebuild the
/// same keys, committees and network from it (keys derive from the seed), so a run is the same on one silo or many.
/// </summary>
public sealed record RunPlan(
    string RunId,
    string Scenario,
    ulong Seed,
    string SignatureScheme,
    bool QuorumByStake,
    decimal HarmonyVoteShare,
    TimingPlan Timing,
    IReadOnlyList<NodePlan> Nodes,
    int Shards,
    LatencyPlan Latency,
    IReadOnlyList<FaultPlan> Faults,
    TimeSpan Duration,
    TimeSpan LivenessMaxGap,
    IReadOnlyList<OutageWindow> ExpectedOutages,
    ulong? StopAtHeight = null,
    CostPlan? Cost = null,
    StakingPlan? Staking = null,
    ulong? StopAtEpoch = null,
    IReadOnlyList<string>? ExpectedSlashedCohorts = null,
    IReadOnlyList<string>? ExpectedJailedCohorts = null,
    IReadOnlyList<VotingPowerBound>? VotingPowerBounds = null,
    TransfersPlan? Transfers = null)
{
    public IEnumerable<NodePlan> NodesOf(int shard) => Nodes.Where(n => n.Shard == shard);
}

/// <summary>FBFT timing and policies for the run (mainnet defaults come from the scenario loader).</summary>

public sealed record TimingPlan(
    TimeSpan BlockTime,
    TimeSpan PhaseTimeout,
    TimeSpan ViewChangeTimeout,
    TimeSpan ViewChangeSlot,
    TimeSpan BootstrapTimeout,
    ulong BlocksPerEpoch,
    bool AllValidatorsLeadViewChanges,
    int? RotateAfterBlocks,
    bool MainnetRotation,
    TimeSpan? CommitGrace = null);

/// <summary>A bound the scenario sets on the largest share of one shard's voting power a cohort may hold in any epoch.</summary>

public sealed record VotingPowerBound(string Cohort, decimal? Above, decimal? Below);
