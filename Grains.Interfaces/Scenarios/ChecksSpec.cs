using System.Collections.Immutable;

namespace HarmonySim.Grains.Interfaces.Scenarios;

/// <summary>A window of virtual time [<see cref="From"/>, <see cref="To"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record TimeWindow
{
    [Id(0)] public TimeSpan From { get; init; }

    [Id(1)] public TimeSpan To { get; init; }

    public bool Contains(TimeSpan t) => t >= From && t < To;
}

/// <summary>
/// The checks that decide pass or fail. Safety (no two blocks committed at one height of a shard) and commit
/// signature quorum are always checked; liveness uses <see cref="LivenessMaxGap"/>, excused inside
/// <see cref="ExpectedOutages"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChecksSpec
{
    /// <summary>Longest allowed gap between two commits of a shard (default 60 s).</summary>
    [Id(0)] public TimeSpan LivenessMaxGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Windows in which commits are expected to halt; the liveness check records them as expected.</summary>
    [Id(1)] public ImmutableArray<TimeWindow> ExpectedOutages { get; init; } = [];

    /// <summary>Cohorts whose validators are expected to be slashed (staking issue; empty: none expected).</summary>
    [Id(2)] public ImmutableArray<string> ExpectedSlashes { get; init; } = [];

    /// <summary>Cohorts whose validators are expected to be jailed (availability issue; empty: none expected).</summary>
    [Id(3)] public ImmutableArray<string> ExpectedJails { get; init; } = [];

    /// <summary>Bounds on the largest share of one shard's voting power a cohort holds in any epoch (staking runs).</summary>
    [Id(4)] public ImmutableArray<VotingPowerBoundSpec> MaxShardVotingPower { get; init; } = [];
}

/// <summary>A cohort's largest share of one shard's voting power in any epoch must be above and/or below the given shares.</summary>
[GenerateSerializer, Immutable]
public sealed record VotingPowerBoundSpec
{
    [Id(0)] public string Cohort { get; init; } = "";

    [Id(1)] public decimal? Above { get; init; }

    [Id(2)] public decimal? Below { get; init; }
}

/// <summary>Virtual CPU time charged per operation, so results do not depend on the host; each null costs nothing (the default).</summary>
[GenerateSerializer, Immutable]
public sealed record CostModelSpec
{
    [Id(0)] public TimeSpan? Sign { get; init; }

    [Id(1)] public TimeSpan? Verify { get; init; }

    [Id(2)] public TimeSpan? AggregateVerify { get; init; }

    [Id(3)] public TimeSpan? BlockValidation { get; init; }
}
