namespace HarmonySim.Simulation.Campaigns;

/// <summary>What a campaign looks for in a run.</summary>
public enum ViolationKind
{
    /// <summary>Two honest nodes committed different blocks at one height (the observer's safety check).</summary>
    Safety,

    /// <summary>A shard committed nothing within the liveness window after the network healed.</summary>
    Liveness,
}

/// <summary>
/// One explored run's verdict: its seed, the violation found (if any) with the observer's words, and the longest time
/// any shard went without a commit (its halt time).
/// </summary>
public sealed record CampaignRun(ulong Seed, ViolationKind? Violation, string? Detail, TimeSpan LongestHalt)
{
    public bool Violated => Violation is not null;
}
