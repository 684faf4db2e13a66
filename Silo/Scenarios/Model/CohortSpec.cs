using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>How the validators of a cohort behave.</summary>
public enum CohortBehaviour
{
    /// <summary>Follows the protocol (file value <c>honest</c>).</summary>
    Honest,

    /// <summary>Sends nothing while it leads, forcing a view change (file value <c>silent-leader</c>).</summary>
    SilentLeader,

    /// <summary>Never sends its own PREPARE or COMMIT votes (file value <c>withhold-votes</c>).</summary>
    WithholdVotes,

    /// <summary>Split brain: one honest replica per side of the network, so it signs conflicting blocks (file value <c>equivocate</c>).</summary>
    Equivocate,

    /// <summary>Honest until <see cref="CohortSpec.DarkFrom"/>, then neither sends nor receives anything for good (file value <c>dark-from</c>).</summary>
    DarkFrom,

    /// <summary>
    /// Honest until <see cref="CohortSpec.DoubleSignFrom"/>, then each COMMIT vote goes with a second one, signed with
    /// the same keys, for a conflicting block (file value <c>double-sign-from</c>).
    /// </summary>
    DoubleSignFrom,

    // Game of stakes (issue 13): each may be bounded by CohortSpec.ActiveFrom / ActiveUntil.

    /// <summary>Neither votes nor, as leader, sends anything: its voting power is out of every quorum (file value <c>withhold-power</c>).</summary>
    WithholdPower,

    /// <summary>As a new leader carries the oldest prepared certificate it saw, and hides its own (file value <c>stale-certificate-leader</c>).</summary>
    StaleCertificateLeader,

    /// <summary>Sends a forged or malformed copy ahead of each consensus message (file value <c>forge</c>).</summary>
    Forge,

    /// <summary>Sends every member VIEWCHANGEs for future views (file value <c>view-change-spam</c>).</summary>
    ViewChangeSpam,

    /// <summary>Sends each vote just before the leader would time out, stretching every round it is needed in (file value <c>delay-votes</c>).</summary>
    DelayVotes,

    /// <summary>As leader, leaves the transactions of <see cref="CohortSpec.Censor"/>'s senders out of its blocks (file value <c>censor</c>).</summary>
    Censor,
}

/// <summary>Stake per key in ONE: a fixed amount (<see cref="Min"/> = <see cref="Max"/>) or drawn uniformly from [min, max] with the scenario seed.</summary>
public sealed record StakeSpec
{
    public static StakeSpec Fixed(decimal amount) => new() { Min = amount, Max = amount };

    public static StakeSpec Range(decimal min, decimal max) => new() { Min = min, Max = max };

    public decimal Min { get; init; }

    public decimal Max { get; init; }

    public bool IsFixed => Min == Max;
}

/// <summary>A group of validator nodes that share size, region, stake rule and behaviour.</summary>
public sealed record CohortSpec
{
    /// <summary>Unique name; faults, partitions and checks refer to cohorts by it.</summary>
    public string Name { get; init; } = "";

    /// <summary>Number of validator nodes (each its own operator) in the cohort.</summary>
    public int Validators { get; init; } = 1;

    /// <summary>BLS keys held by each node (default 1); each key fills one committee slot.</summary>
    public int KeysPerNode { get; init; } = 1;

    /// <summary>Harmony-operated keys have no stake and share the Harmony vote share (default false).</summary>
    public bool HarmonyOperated { get; init; }

    /// <summary>Stake per key in ONE; null for Harmony-operated cohorts and for external cohorts of a count-quorum network that give none.</summary>
    public StakeSpec? StakePerKey { get; init; }

    /// <summary>One of <see cref="LatencySpec.Regions"/> (default: the first region).</summary>
    public string Region { get; init; } = "";

    public CohortBehaviour Behaviour { get; init; } = CohortBehaviour.Honest;

    /// <summary>When the cohort goes dark; set exactly when <see cref="Behaviour"/> is <see cref="CohortBehaviour.DarkFrom"/>.</summary>
    public TimeSpan? DarkFrom { get; init; }

    /// <summary>When a bounded behaviour starts (null: from the start); only for the behaviours that take it.</summary>
    public TimeSpan? ActiveFrom { get; init; }

    /// <summary>When a bounded behaviour ends, the cohort honest from then on (null: never).</summary>
    public TimeSpan? ActiveUntil { get; init; }

    /// <summary>When the cohort starts double signing; set exactly when <see cref="Behaviour"/> is <see cref="CohortBehaviour.DoubleSignFrom"/>.</summary>
    public TimeSpan? DoubleSignFrom { get; init; }

    /// <summary>
    /// The shard every node of the cohort is placed in (its keys ground to it under Harmony's key-mod rule); null lets
    /// placement spread the cohort over the shards with the most free slots.
    /// </summary>
    public int? Shard { get; init; }

    /// <summary>
    /// In a staking run, when the cohort's validators register (CreateValidator, signed by each validator's account);
    /// null registers them at genesis. Until then the nodes run and follow their shard without a seat.
    /// </summary>
    public TimeSpan? JoinsAt { get; init; }

    /// <summary>
    /// The share the cohort was sized to (file <c>stake_share</c>): of its shard's voting power when <see cref="Shard"/>
    /// is set, else of the network's effective stake, in the first election. The loader resolves it into a fixed
    /// <see cref="StakePerKey"/> (docs/GAME-OF-STAKES.md, "Sizing by stake share"); null for a cohort sized by its stake.
    /// </summary>
    public decimal? StakeShare { get; init; }

    /// <summary>A censor's victims: load sources and transfer accounts by name; empty: every load source (file field <c>censor</c>).</summary>
    public ImmutableArray<string> Censor { get; init; } = [];

    /// <summary>Of each censored load source, the share of its accounts (the first by index) left out (file field <c>censor_share</c>).</summary>
    public decimal CensorShare { get; init; } = 1m;

    public int Keys => Validators * KeysPerNode;
}
