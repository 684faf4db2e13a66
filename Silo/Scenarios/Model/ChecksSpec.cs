using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>A window of virtual time [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record TimeWindow
{
    public TimeSpan From { get; init; }

    public TimeSpan To { get; init; }

    public bool Contains(TimeSpan t) => t >= From && t < To;
}

/// <summary>
/// The checks that decide pass or fail. Safety (no two blocks committed at one height of a shard) and commit
/// signature quorum are always checked; liveness uses <see cref="LivenessMaxGap"/>, excused inside
/// <see cref="ExpectedOutages"/>.
/// </summary>
public sealed record ChecksSpec
{
    /// <summary>Longest allowed gap between two commits of a shard (default 60 s).</summary>
    public TimeSpan LivenessMaxGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Windows in which commits are expected to halt; the liveness check records them as expected.</summary>
    public ImmutableArray<TimeWindow> ExpectedOutages { get; init; } = [];

    /// <summary>Cohorts whose validators are expected to be slashed (empty: none expected).</summary>
    public ImmutableArray<string> ExpectedSlashes { get; init; } = [];

    /// <summary>Cohorts whose validators are expected to be jailed (empty: none expected).</summary>
    public ImmutableArray<string> ExpectedJails { get; init; } = [];

    /// <summary>Bounds on the largest share of one shard's voting power a cohort holds in any epoch (staking runs).</summary>
    public ImmutableArray<VotingPowerBoundSpec> MaxShardVotingPower { get; init; } = [];
}

/// <summary>A cohort's largest share of one shard's voting power in any epoch must be above and/or below the given shares.</summary>
public sealed record VotingPowerBoundSpec
{
    public string Cohort { get; init; } = "";

    public decimal? Above { get; init; }

    public decimal? Below { get; init; }
}

/// <summary>Virtual CPU time charged per operation, so results do not depend on the host; each null costs nothing (the default).</summary>
public sealed record CostModelSpec
{
    public TimeSpan? Sign { get; init; }

    public TimeSpan? Verify { get; init; }

    public TimeSpan? AggregateVerify { get; init; }

    public TimeSpan? BlockValidation { get; init; }

    /// <summary>Per transaction a leader builds into a block or a validator re-executes (sender recovery and state update).</summary>
    public TimeSpan? TransactionExecution { get; init; }
}
