using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>How the next epoch's slots are spread over shards (docs/RESHARDING.md).</summary>
public enum ReshardingKind
{
    /// <summary>Mainnet: a key's shard is its public key modulo the shard count (file value <c>harmony</c>).</summary>
    Harmony,

    /// <summary>The whitepaper: VRF + VDF randomness seeds the assignment (file value <c>randomness</c>).</summary>
    Randomness,
}

/// <summary>Which double-sign slashing rule applies (reference §5.2).</summary>
public enum SlashRuleKind
{
    /// <summary>Since 2023: half the self-stake, delegators 80 % of that (file value <c>current</c>).</summary>
    Current,

    /// <summary>The 2020 rule: rate by the double-signed keys' vote share, at least 2 % (file value <c>2020</c>).</summary>
    Rule2020,
}

/// <summary>A genesis-funded account that delegates during the run.</summary>
public sealed record DelegatorSpec
{
    public string Name { get; init; } = "";

    /// <summary>Genesis balance in ONE.</summary>
    public decimal Balance { get; init; }
}

public enum StakingActionKind
{
    /// <summary>File value <c>delegate</c>.</summary>
    Delegate,

    /// <summary>File value <c>undelegate</c>.</summary>
    Undelegate,

    /// <summary>File value <c>collect-rewards</c>.</summary>
    CollectRewards,

    /// <summary>Each validator of the cohort named by <c>from</c> sends EditValidator back to Active (file value <c>activate</c>).</summary>
    Activate,
}

/// <summary>A staking transaction a delegator submits at a virtual time, to every validator of a cohort (amount each).</summary>
public sealed record StakingActionSpec
{
    public TimeSpan At { get; init; }

    public StakingActionKind Kind { get; init; }

    /// <summary>A delegator's name; for <see cref="StakingActionKind.Activate"/> the cohort whose validators send it.</summary>
    public string From { get; init; } = "";

    /// <summary>The cohort whose validators receive the (un)delegation; empty for collect-rewards.</summary>
    public string To { get; init; } = "";

    /// <summary>ONE per validator; 0 for collect-rewards.</summary>
    public decimal Amount { get; init; }
}

/// <summary>
/// The staking section: with it the run has epochs with EPoS elections on the beacon chain, crosslinks, rewards,
/// availability and slashing; without it committees are fixed for the whole run.
/// </summary>
public sealed record StakingSpec
{
    public ReshardingKind Resharding { get; init; } = ReshardingKind.Harmony;

    /// <summary>c in the effective-stake clamp [(1−c)·median, (1+c)·median] (default 0.35).</summary>
    public decimal EffectiveStakeBound { get; init; } = 0.35m;

    /// <summary>HIP-16 cap on one validator's keys per shard; null = mainnet's 6 % rule, 0 = no cap.</summary>
    public int? SlotsLimit { get; init; }

    /// <summary>Block reward to validators in ONE per block per shard (default 7: mainnet's two-second era).</summary>
    public decimal BlockReward { get; init; } = 7m;

    public SlashRuleKind SlashRule { get; init; } = SlashRuleKind.Current;

    /// <summary>Commission rate of every validator created at genesis (default 0.1).</summary>
    public decimal CommissionRate { get; init; } = 0.1m;

    public ImmutableArray<DelegatorSpec> Delegators { get; init; } = [];

    public ImmutableArray<StakingActionSpec> Transactions { get; init; } = [];

    /// <summary>VDF difficulty (squarings) for the randomness policy (default 10,000).</summary>
    public int VdfDifficulty { get; init; } = 10_000;

    /// <summary>
    /// With randomness resharding, the bounded cuckoo rule instead of a full reshuffle: each newly elected key evicts at
    /// most this many continuing keys of the shard it lands in (docs/RESHARDING.md); null reshuffles every epoch.
    /// </summary>
    public int? CuckooEvictions { get; init; }

    /// <summary>An issuance schedule instead of <see cref="BlockReward"/>: eras, or an annual inflation rate.</summary>
    public IssuanceSpec? Issuance { get; init; }
}
