using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// A game-of-stakes team (scenario <c>teams:</c>, docs/GAME-OF-STAKES.md): a stake budget, the cohorts whose validators
/// it runs, a strategy and scripted staking moves. The loader has already applied the strategy to the cohorts and the
/// moves to the staking section (the team's account is a delegator named after the team); this record is what the
/// scoreboard reads.
/// </summary>
public sealed record TeamSpec
{
    public string Name { get; init; } = "";

    /// <summary>ONE the team may put at stake: its validators' self-stake plus its delegations.</summary>
    public decimal Budget { get; init; }

    public ImmutableArray<string> Cohorts { get; init; } = [];

    /// <summary>The strategy in words, as the scoreboard prints it (<c>honest</c>, a behaviour, or the script's steps).</summary>
    public string Strategy { get; init; } = "honest";

    /// <summary>When the team misbehaves: one window per strategy step (an unbounded step runs to the end of the run).</summary>
    public ImmutableArray<(TimeSpan From, TimeSpan? Until)> Active { get; init; } = [];
}
