namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A game-of-stakes team as the scoreboard reads it (never the kernel: the team's strategy is already in its nodes'
/// behaviours and its moves in the staking transactions): its budget in ONE, cohorts, strategy in words, and the
/// windows in which it misbehaves (an open end runs to the end of the run).
/// </summary>
public sealed record TeamPlan(string Name, decimal Budget, IReadOnlyList<string> Cohorts, string Strategy, IReadOnlyList<TeamWindow> Active);

/// <summary>A window of virtual time; <see cref="Until"/> null runs to the end of the run.</summary>
public sealed record TeamWindow(TimeSpan From, TimeSpan? Until)
{
    public bool Overlaps(TimeSpan from, TimeSpan to) => from <= (Until ?? TimeSpan.MaxValue) && to >= From;
}
