using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Reports.Streaming;

namespace HarmonySim.Silo.Reports;

/// <summary>One pass/fail verdict of a run, with what it found.</summary>
public sealed record CheckResult(string Name, bool Passed, string Detail);

/// <summary>The checks every run makes (safety, liveness, commit signatures) and the scenario's expected outages.</summary>
public static class RunChecks
{
    public static IReadOnlyList<CheckResult> Evaluate(RunRecord result)
    {
        var checks = new List<CheckResult>
        {
            Safety(result),
            Liveness(result),
            CommitSignatures(result),
        };
        checks.AddRange(Enumerable.Range(0, result.Plan.Checks.ExpectedOutages.Count).Select(i => ExpectedOutage(result, i)));
        checks.AddRange(StakingChecks.Evaluate(result));
        checks.AddRange(TransferReport.Checks(result));
        checks.AddRange(Load.LoadChecks.Checks(result));
        return checks;
    }

    private static CheckResult Safety(RunRecord result)
    {
        var violations = result.Shards.SelectMany(s => s.SafetyViolations).ToList();
        return new("safety", violations.Count == 0, violations.Count == 0
            ? "no two honest nodes committed different blocks at one height"
            : $"{violations.Count} conflicting commits; first: {violations[0]}");
    }

    /// <summary>No gap between commits (or before the first, or after the last) longer than the bound, except across an expected outage.</summary>
    private static CheckResult Liveness(RunRecord result)
    {
        var failures = result.Tallies.SelectMany(t => t.LivenessGaps).Take(ShardTally.KeptFindings).ToList();
        var count = result.Tallies.Sum(t => t.LivenessGapCount);
        return new("liveness", count == 0, count == 0
            ? $"every gap between commits at most {Seconds(result.Plan.Checks.LivenessMaxGap)} outside expected outages"
            : string.Join("; ", failures) + (count > failures.Count ? $"; {count - failures.Count} more" : ""));
    }

    private static CheckResult CommitSignatures(RunRecord result)
    {
        var commits = result.Tallies.Sum(t => t.Blocks);
        var bad = result.Tallies.Sum(t => t.UnverifiedCommits);
        return new("commit_signatures", bad == 0, bad == 0
            ? $"all {commits} commit aggregates verify with quorum"
            : $"{bad} commit aggregates fail, first at height {result.Tallies.First(t => t.UnverifiedCommits > 0).FirstUnverifiedHeight}");
    }

    /// <summary>The scenario expects commits to stop inside the window (after blocks under way at its start).</summary>
    private static CheckResult ExpectedOutage(RunRecord result, int index)
    {
        var window = result.Plan.Checks.ExpectedOutages[index];
        var inside = result.Tallies.Select(t => (t.Shard, Outage: t.Outages[index])).Where(x => x.Outage.Count > 0).ToList();
        var name = $"expected_outage_{Seconds(window.From)}_{Seconds(window.To)}";
        return new(name, inside.Count == 0, inside.Count == 0
            ? $"no commits between {Seconds(window.From + OutageTally.Grace)} and {Seconds(window.To)}, as the scenario expects"
            : $"{inside.Sum(x => x.Outage.Count)} commits during the expected outage, first shard {inside[0].Shard} height {inside[0].Outage.First!.Height} at {Seconds(inside[0].Outage.First!.CommittedAt)}");
    }

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
