namespace HarmonySim.Protocol.Consensus;

/// <summary>Who may lead after a view change (reference §1.8).</summary>
public enum ViewChangeLeaderPolicy
{
    /// <summary>Mainnet before epoch 2152: the gap-th next Harmony-operated key (NthNextHmy).</summary>
    HarmonyKeysOnly,

    /// <summary>Mainnet from epoch 2152: the gap-th next key of any validator, skipping the failed leader's own keys (NthNextValidator).</summary>
    AllValidators,
}

/// <summary>
/// FBFT timing and policy. Every default is mainnet's current value (reference §1.7, §1.9); all of them
/// can be changed for a scenario.
/// </summary>
public sealed record FbftConfig
{
    /// <summary>Minimum spacing between proposals (mainnet: 2 s since epoch 366).</summary>
    public TimeSpan BlockPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Without a committed block for this long, a node starts a view change.</summary>
    public TimeSpan PhaseTimeout { get; init; } = TimeSpan.FromSeconds(27);

    /// <summary>A view change that has not produced a new view in this long starts again with a higher view ID.</summary>
    public TimeSpan ViewChangeTimeout { get; init; } = TimeSpan.FromSeconds(27);

    /// <summary>Granularity of time-derived view IDs.</summary>
    public TimeSpan ViewChangeSlot { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>First consensus timeout after start-up.</summary>
    public TimeSpan BootstrapTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Shortest grace period after commit quorum for gathering more commit signatures.</summary>
    public TimeSpan MinCommitGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The grace period ends this long before the next block is due.</summary>
    public TimeSpan CommitGraceMargin { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>ANNOUNCEs further ahead of the local height than this are dropped.</summary>
    public ulong MaxBlockNumDiff { get; init; } = 100;

    /// <summary>VIEWCHANGEs further ahead of the local view-changing ID than this are dropped.</summary>
    public ulong MaxViewIdDiff { get; init; } = 249;

    /// <summary>Messages whose view is this far behind the local view are dropped (the p2p filter).</summary>
    public ulong StaleViewWindow { get; init; } = 5;

    /// <summary>How soon a leader tries again when its host could not build the proposal yet.</summary>
    public TimeSpan ProposalRetry { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Blocks per epoch (mainnet 32,768 since epoch 366).</summary>
    public ulong BlocksPerEpoch { get; init; } = 32_768;

    /// <summary>Unix time of virtual time zero; block times are this plus whole virtual seconds.</summary>
    public ulong GenesisUnixTime { get; init; } = 1_700_000_000;

    public ViewChangeLeaderPolicy ViewChangeLeaders { get; init; } = ViewChangeLeaderPolicy.HarmonyKeysOnly;

    public LeaderRotation Rotation { get; init; } = LeaderRotation.None;

    /// <summary>Future-height messages kept until the node catches up to them.</summary>
    public int FutureMessageBuffer { get; init; } = 512;

    /// <summary>A deliberately broken view-change rule for the mutation check (tests only; see <see cref="Mutants.PlantedBug"/>).</summary>
    internal Mutants.PlantedBug PlantedBug { get; init; }

    /// <summary>An explorer's choice of view-change leaders (campaigns only; see <see cref="Consensus.ExploredLeaders"/>); null: Harmony's rotation.</summary>
    internal ExploredLeaders? ExploredLeaders { get; init; }

    public bool IsLastBlockInEpoch(ulong blockNumber) => (blockNumber + 1) % BlocksPerEpoch == 0;

    public ulong EpochOf(ulong blockNumber) => blockNumber / BlocksPerEpoch;
}

/// <summary>
/// Leader rotation between blocks (reference §1.9). Without rotation the leader keeps proposing until a
/// view change; with it, a leader hands over after a number of consecutive blocks.
/// </summary>
public sealed record LeaderRotation
{
    public static readonly LeaderRotation None = new() { Enabled = false };

    /// <summary>Mainnet's rule: hand over after max(blocksPerEpoch / committee size, 4) consecutive blocks.</summary>
    public static readonly LeaderRotation Mainnet = new() { Enabled = true };

    /// <summary>Hand over after a fixed number of consecutive blocks.</summary>
    public static LeaderRotation After(int blocks) =>
        blocks < 1 ? throw new ArgumentOutOfRangeException(nameof(blocks), "a leader serves at least one block") : new() { Enabled = true, FixedBlocks = blocks };

    public bool Enabled { get; init; }

    /// <summary>Blocks per leader; null for mainnet's formula.</summary>
    public int? FixedBlocks { get; init; }

    /// <summary>A candidate that signed none of this many recent blocks is skipped.</summary>
    public int SignatureLookback { get; init; } = 4;

    public int BlocksPerLeader(ulong blocksPerEpoch, int committeeSize) =>
        FixedBlocks ?? (int)Math.Max(blocksPerEpoch / (ulong)committeeSize, 4);
}
