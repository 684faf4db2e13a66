using System.Text.Json.Serialization;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Simulation.Plans;

/// <summary>
/// Everything a run needs, resolved from a scenario: small, serializable, and enough for any silo to rebuild the
/// same keys, committees and network from it (keys derive from the seed), so a run is the same on one silo or many.
/// The optional parts (faults, cost model, staking, transfers, the checks' expectations) are set by name.
/// </summary>
public sealed record RunPlan(
    string RunId,
    string Scenario,
    ulong Seed,
    ConsensusPlan Consensus,
    IReadOnlyList<NodePlan> Nodes,
    LatencyPlan Latency,
    RunLength Length)
{
    public IReadOnlyList<FaultPlan> Faults { get; init; } = [];

    /// <summary>Virtual CPU time per operation (none: computing takes no virtual time).</summary>
    public CostPlan? Cost { get; init; }

    /// <summary>With it, shard 0 runs the beacon chain's state and elects every epoch's committees; without, committees are fixed.</summary>
    public StakingPlan? Staking { get; init; }

    public TransfersPlan? Transfers { get; init; }

    /// <summary>Open-loop transaction load; with it, leaders fill blocks from each shard's mempool up to the block gas limit.</summary>
    public LoadPlan? Load { get; init; }

    /// <summary>A testnet's outside input and genesis accounts; with it every shard has a mempool that takes submitted transactions.</summary>
    public TestnetPlan? Testnet { get; init; }

    /// <summary>How consensus messages travel inside a shard: direct links (the default) or a gossip mesh.</summary>
    public PropagationPlan Propagation { get; init; } = PropagationPlan.Direct;

    /// <summary>How a node that fell behind catches up (issue 14, fast state sync).</summary>
    public SyncPlan Sync { get; init; } = SyncPlan.Fixed;

    /// <summary>Message omission per protocol round until a time (a campaign's exploration), else none.</summary>
    public OmissionPlan? Omissions { get; init; }

    /// <summary>An adaptive cut of a height's first committer until a time (a campaign's exploration), else none.</summary>
    public CommitCutPlan? CommitCuts { get; init; }

    /// <summary>What the checks expect; read by the host that judges the run, never by the kernel.</summary>
    public ChecksPlan Checks { get; init; } = new();

    /// <summary>Game-of-stakes teams, for the scoreboard; read by the host, never by the kernel.</summary>
    public IReadOnlyList<TeamPlan> Teams { get; init; } = [];

    /// <summary>Cohorts with a behaviour other than honest, for the per-adversary verdicts; read by the host, never by the kernel.</summary>
    public IReadOnlyList<AdversaryPlan> Adversaries { get; init; } = [];

    /// <summary>
    /// A safety rule broken on purpose (the mutation check). Internal, so no scenario, JSON plan or command can set it:
    /// only the kernel's campaign code and the test assemblies do.
    /// </summary>
    [JsonIgnore]
    internal Protocol.Consensus.Mutants.PlantedBug PlantedBug { get; init; }

    /// <summary>
    /// In an explored run (campaigns), the share of view changes whose new leader is one of the byzantine nodes, drawn
    /// per (height, view) from the seed (<see cref="Protocol.Consensus.ExploredLeaders"/>); null: Harmony's rotation.
    /// Internal for the same reason as <see cref="PlantedBug"/>.
    /// </summary>
    [JsonIgnore]
    internal double? ByzantineLeaderShare { get; init; }

    /// <summary>Until when <see cref="ByzantineLeaderShare"/> picks leaders (the explorer's heal); after it, the rotation.</summary>
    [JsonIgnore]
    internal TimeSpan ByzantineLeadersUntil { get; init; }

    [JsonIgnore]
    public int Shards => Consensus.Shards;

    [JsonIgnore]
    public TimingPlan Timing => Consensus.Timing;

    [JsonIgnore]
    public TimeSpan Duration => Length.Duration;

    public IEnumerable<NodePlan> NodesOf(int shard) => Nodes.Where(n => n.Shard == shard);
}

/// <summary>The consensus every shard runs: how many shards, the signature scheme, the quorum rule, the Harmony-operated slots' share of voting power, and timing.</summary>
public sealed record ConsensusPlan(int Shards, SignatureSchemeKind Scheme, QuorumMode Quorum, decimal HarmonyVoteShare, TimingPlan Timing);

/// <summary>How long a run lasts: virtual time, or until every shard reached a height, or until the beacon completed some epochs (with the time as a cap).</summary>
public sealed record RunLength(TimeSpan Duration, ulong? StopAtHeight = null, ulong? StopAtEpoch = null);

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
