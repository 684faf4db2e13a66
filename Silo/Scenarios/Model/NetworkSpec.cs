using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;

using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Silo.Scenarios.Model;


/// <summary>Who may lead after a view change (reference §1.8); mirrors <see cref="ViewChangeLeaderPolicy"/>.</summary>
public enum ViewChangeLeadersKind
{
    /// <summary>Only Harmony-operated keys (mainnet before epoch 2152; file value <c>harmony-keys</c>).</summary>
    HarmonyKeys,

    /// <summary>Any validator's key (mainnet from epoch 2152; file value <c>all-validators</c>).</summary>
    AllValidators,
}

/// <summary>Leader rotation between blocks (reference §1.9).</summary>
public enum LeaderRotationKind
{
    /// <summary>The leader proposes until a view change (file value <c>none</c>).</summary>
    None,

    /// <summary>Mainnet's rule: max(blocks per epoch / committee size, 4) blocks per leader (file value <c>mainnet</c>).</summary>
    Mainnet,

    /// <summary>A fixed number of blocks per leader (file value: a whole number).</summary>
    FixedBlocks,
}

/// <summary>Leader rotation as the scenario gives it.</summary>
public sealed record LeaderRotationSpec
{
    public static readonly LeaderRotationSpec None = new() { Kind = LeaderRotationKind.None };
    public static readonly LeaderRotationSpec Mainnet = new() { Kind = LeaderRotationKind.Mainnet };

    public static LeaderRotationSpec After(int blocks) => new() { Kind = LeaderRotationKind.FixedBlocks, Blocks = blocks };

    public LeaderRotationKind Kind { get; init; }

    /// <summary>Blocks per leader when <see cref="Kind"/> is <see cref="LeaderRotationKind.FixedBlocks"/>; otherwise null.</summary>
    public int? Blocks { get; init; }

    public LeaderRotation ToProtocol() => Kind switch
    {
        LeaderRotationKind.None => LeaderRotation.None,
        LeaderRotationKind.Mainnet => LeaderRotation.Mainnet,
        _ => LeaderRotation.After(Blocks ?? 1),
    };
}

/// <summary>FBFT timers (reference §1.7). Every default is mainnet's value and equals <see cref="FbftConfig"/>'s.</summary>
public sealed record TimingSpec
{
    /// <summary>Without a committed block for this long a node starts a view change (default 27 s).</summary>
    public TimeSpan PhaseTimeout { get; init; } = TimeSpan.FromSeconds(27);

    /// <summary>A view change without a new view for this long starts again (default 27 s).</summary>
    public TimeSpan ViewChangeTimeout { get; init; } = TimeSpan.FromSeconds(27);

    /// <summary>Granularity of time-derived view IDs (default 45 s).</summary>
    public TimeSpan ViewChangeSlot { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>First consensus timeout after start-up (default 120 s).</summary>
    public TimeSpan BootstrapTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Shortest grace after commit quorum for gathering more commit signatures (default 1 s).</summary>
    public TimeSpan CommitGrace { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>The network: shards, committee make-up, quorum rule, block timing and consensus policy.</summary>
public sealed record NetworkSpec
{
    /// <summary>Number of shards, shard 0 being the beacon chain (1–64).</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Committee slots (BLS keys) per shard.</summary>
    public int SlotsPerShard { get; init; } = 4;

    /// <summary>Slots per shard held by Harmony-operated keys (listed first in each committee).</summary>
    public int HarmonySlotsPerShard { get; init; } = 4;

    /// <summary>
    /// Voting power shared equally by the Harmony-operated slots of a shard (reference §1.5 <c>hp</c>); set only
    /// with <see cref="QuorumMode.ByVotingPower"/> and both kinds of slot, null otherwise.
    /// </summary>
    public decimal? HarmonyVoteShare { get; init; }

    /// <summary>Quorum rule (default <c>stake</c>, as on mainnet since epoch 186).</summary>
    public QuorumMode Quorum { get; init; } = QuorumMode.ByVotingPower;

    /// <summary>Blocks per epoch (default 32,768: mainnet since epoch 366).</summary>
    public ulong BlocksPerEpoch { get; init; } = 32_768;

    /// <summary>Minimum spacing between proposals (default 2 s: mainnet since epoch 366).</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(2);

    public SignatureSchemeKind SignatureScheme { get; init; } = SignatureSchemeKind.Simulated;

    /// <summary>Default <c>harmony-keys</c>, as on mainnet before epoch 2152.</summary>
    public ViewChangeLeadersKind ViewChangeLeaders { get; init; } = ViewChangeLeadersKind.HarmonyKeys;

    /// <summary>Default <c>none</c>, as on mainnet before epoch 2152.</summary>
    public LeaderRotationSpec LeaderRotation { get; init; } = LeaderRotationSpec.None;

    public TimingSpec Timing { get; init; } = new();

    /// <summary>How consensus messages travel inside a shard (issue 14): direct links (the default) or a gossip mesh.</summary>
    public HarmonySim.Simulation.Plans.PropagationKind Propagation { get; init; } = HarmonySim.Simulation.Plans.PropagationKind.Direct;

    /// <summary>How a node that fell behind catches up (issue 14): the fixed 500 ms catch-up (the default), staged stream sync or fast sync.</summary>
    public HarmonySim.Simulation.Plans.SyncPlan Sync { get; init; } = HarmonySim.Simulation.Plans.SyncPlan.Fixed;

    public int ExternalSlotsPerShard => SlotsPerShard - HarmonySlotsPerShard;

    public QuorumMode QuorumMode => Quorum == QuorumMode.ByCount ? QuorumMode.ByCount : QuorumMode.ByVotingPower;

    /// <summary>The Harmony share in the protocol library's fixed point (0 when unset).</summary>
    public long HarmonyShareFixedPoint => HarmonyVoteShare is { } share ? VotingPower.FromDecimal(share) : 0;

    /// <summary>The FBFT configuration this network runs with (timing, epoch length, leader policies).</summary>
    public FbftConfig ToFbftConfig() => new()
    {
        BlockPeriod = BlockTime,
        PhaseTimeout = Timing.PhaseTimeout,
        ViewChangeTimeout = Timing.ViewChangeTimeout,
        ViewChangeSlot = Timing.ViewChangeSlot,
        BootstrapTimeout = Timing.BootstrapTimeout,
        MinCommitGrace = Timing.CommitGrace,
        BlocksPerEpoch = BlocksPerEpoch,
        ViewChangeLeaders = ViewChangeLeaders == ViewChangeLeadersKind.HarmonyKeys ? ViewChangeLeaderPolicy.HarmonyKeysOnly : ViewChangeLeaderPolicy.AllValidators,
        Rotation = LeaderRotation.ToProtocol(),
    };
}
