namespace HarmonySim.Simulation.Campaigns;

/// <summary>
/// What a campaign found: the runs it finished, the violations by kind, the first violation (lowest seed) to replay,
/// and the distribution of halt times (each run's longest stretch without a commit).
/// </summary>
public sealed record CampaignResult(
    int Runs,
    IReadOnlyList<CampaignRun> Violations,
    IReadOnlyDictionary<ViolationKind, int> ViolationsByKind,
    HaltTimes Halts)
{
    public CampaignRun? FirstViolation => Violations.Count == 0 ? null : Violations[0];

    public static CampaignResult Of(IReadOnlyList<CampaignRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var violations = runs.Where(r => r.Violated).OrderBy(r => r.Seed).ToList();
        var byKind = Enum.GetValues<ViolationKind>().ToDictionary(k => k, k => violations.Count(v => v.Violation == k));
        return new CampaignResult(runs.Count, violations, byKind, HaltTimes.Of([.. runs.Select(r => r.LongestHalt)]));
    }
}

/// <summary>Percentiles of the runs' longest halts (nearest rank), in seconds.</summary>
public sealed record HaltTimes(double P50, double P90, double P99, double Max)
{
    public static HaltTimes Of(IReadOnlyList<TimeSpan> halts)
    {
        if (halts.Count == 0) return new HaltTimes(0, 0, 0, 0);
        var sorted = halts.Select(h => h.TotalSeconds).Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new HaltTimes(At(0.5), At(0.9), At(0.99), sorted[^1]);
    }
}
