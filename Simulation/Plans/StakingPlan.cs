namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A run's staking rules (from the scenario's staking section): with it, shard 0 runs the beacon chain's state
/// (staking, crosslinks, rewards, slashing) and elects every epoch's committees; without it committees are fixed.
/// The block reward is <see cref="BlockReward"/> ONE per block per shard unless <see cref="Issuance"/> sets a schedule.
/// </summary>
public sealed record StakingPlan(
    bool RandomnessResharding,
    int SlotsPerShard,
    int HarmonySlotsPerShard,
    decimal EffectiveStakeBound,
    int? SlotsLimit,
    decimal BlockReward,
    bool SlashRule2020,
    decimal CommissionRate,
    IReadOnlyList<DelegatorPlan> Delegators,
    IReadOnlyList<StakingActionPlan> Actions,
    int VdfDifficulty,
    int? CuckooEvictions = null,
    IssuancePlan? Issuance = null);

/// <summary>A genesis-funded delegator account: its name (the key derives from the seed and the name) and balance in ONE.</summary>

public sealed record DelegatorPlan(string Name, decimal Balance);

public enum StakingActionType
{
    Delegate,
    Undelegate,
    CollectRewards,

    /// <summary>The validator of <see cref="StakingActionPlan.Node"/> sends EditValidator back to Active.</summary>
    Activate,
}

/// <summary>A staking transaction submitted at a virtual time: by a delegator to one validator node, or (collect) none; or (activate) by the node's validator itself.</summary>

public sealed record StakingActionPlan(
    TimeSpan At,
    StakingActionType Type,
    string Delegator,
    int? Node,
    decimal Amount);
