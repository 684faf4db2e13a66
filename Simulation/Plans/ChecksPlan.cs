namespace HarmonySim.Simulation.Plans;

/// <summary>
/// What the scenario's checks expect: the longest gap between commits, windows where commits should stop, the cohorts
/// expected to be slashed or jailed, and bounds on a cohort's share of one shard's voting power.
/// </summary>
public sealed record ChecksPlan
{
    public TimeSpan LivenessMaxGap { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlyList<OutageWindow> ExpectedOutages { get; init; } = [];
    public IReadOnlyList<string> ExpectedSlashedCohorts { get; init; } = [];
    public IReadOnlyList<string> ExpectedJailedCohorts { get; init; } = [];
    public IReadOnlyList<VotingPowerBound> VotingPowerBounds { get; init; } = [];
}

/// <summary>A bound the scenario sets on the largest share of one shard's voting power a cohort may hold in any epoch.</summary>
public sealed record VotingPowerBound(string Cohort, decimal? Above, decimal? Below);
