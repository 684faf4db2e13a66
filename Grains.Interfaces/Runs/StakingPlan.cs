namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A run's staking rules (from the scenario's staking section): with it, shard 0 runs the beacon chain's state
/// (staking, crosslinks, rewards, slashing) and elects every epoch's committees; without it committees are fixed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StakingPlan(
    [property: Id(0)] bool RandomnessResharding,
    [property: Id(1)] int SlotsPerShard,
    [property: Id(2)] int HarmonySlotsPerShard,
    [property: Id(3)] decimal EffectiveStakeBound,
    [property: Id(4)] int? SlotsLimit,
    [property: Id(5)] decimal BlockReward,
    [property: Id(6)] bool SlashRule2020,
    [property: Id(7)] decimal CommissionRate,
    [property: Id(8)] IReadOnlyList<DelegatorPlan> Delegators,
    [property: Id(9)] IReadOnlyList<StakingActionPlan> Actions,
    [property: Id(10)] int VdfDifficulty,
    [property: Id(11)] int? CuckooEvictions = null);

/// <summary>A genesis-funded delegator account: its name (the key derives from the seed and the name) and balance in ONE.</summary>
[GenerateSerializer, Immutable]
public sealed record DelegatorPlan([property: Id(0)] string Name, [property: Id(1)] decimal Balance);

public enum StakingActionType
{
    Delegate,
    Undelegate,
    CollectRewards,

    /// <summary>The validator of <see cref="StakingActionPlan.Node"/> sends EditValidator back to Active.</summary>
    Activate,
}

/// <summary>A staking transaction submitted at a virtual time: by a delegator to one validator node, or (collect) none; or (activate) by the node's validator itself.</summary>
[GenerateSerializer, Immutable]
public sealed record StakingActionPlan(
    [property: Id(0)] TimeSpan At,
    [property: Id(1)] StakingActionType Type,
    [property: Id(2)] string Delegator,
    [property: Id(3)] int? Node,
    [property: Id(4)] decimal Amount);
