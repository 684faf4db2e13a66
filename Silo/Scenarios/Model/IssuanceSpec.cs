using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// <c>staking.issuance</c>: how block rewards are minted — <see cref="Eras"/> of fixed rewards per block per shard, or an
/// <see cref="AnnualInflation"/> rate of the supply (docs/EPOCHS.md, "Token economics").
/// </summary>
public sealed record IssuanceSpec
{
    /// <summary>Share of the supply minted a year; null with <see cref="Eras"/>.</summary>
    public decimal? AnnualInflation { get; init; }

    /// <summary>With <see cref="AnnualInflation"/>: share of each block's reward to the DAO (recovery) address.</summary>
    public decimal DaoShare { get; init; }

    /// <summary>Fixed rewards from an epoch on, the first from epoch 0; empty with <see cref="AnnualInflation"/>.</summary>
    public ImmutableArray<RewardEraSpec> Eras { get; init; } = [];
}

/// <summary>One era of <c>staking.issuance.eras</c>: ONE per block per shard from an epoch on, a share of it to the DAO.</summary>
public sealed record RewardEraSpec
{
    public ulong FromEpoch { get; init; }

    public decimal PerBlock { get; init; }

    public decimal DaoShare { get; init; }
}
