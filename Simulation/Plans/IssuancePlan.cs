namespace HarmonySim.Simulation.Plans;

/// <summary>
/// How a staking run mints block rewards (scenario <c>staking.issuance</c>, docs/EPOCHS.md "Token economics"): either
/// <see cref="Eras"/> of fixed rewards (Harmony's 28 → 17.5 → 7 ONE, HIP-30's 25 % to the DAO), or an
/// <see cref="AnnualInflation"/> rate of the supply, turned into each epoch's per-block reward from the supply at its
/// start and the block time, with <see cref="DaoShare"/> of each block's reward to the DAO (recovery) address.
/// </summary>
public sealed record IssuancePlan(IReadOnlyList<RewardEraPlan> Eras, decimal? AnnualInflation, decimal DaoShare);

/// <summary>From <see cref="FromEpoch"/> on, <see cref="PerBlock"/> ONE per block per shard, <see cref="DaoShare"/> of it to the DAO.</summary>
public sealed record RewardEraPlan(ulong FromEpoch, decimal PerBlock, decimal DaoShare);
