using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Reports;

/// <summary>One pass/fail verdict of a run, with what it found.</summary>
public sealed record CheckResult(string Name, bool Passed, string Detail);

/// <summary>The checks every run makes (safety, liveness, commit signatures) and the scenario's expected outages.</summary>
public static class RunChecks
{
    /// <summary>Blocks already under way when an outage starts may still commit this long after it.</summary>
    private static readonly TimeSpan OutageGrace = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<CheckResult> Evaluate(RunRecord result)
    {
        var checks = new List<CheckResult>
        {
            Safety(result),
            Liveness(result),
            CommitSignatures(result),
        };
        checks.AddRange(result.Plan.Checks.ExpectedOutages.Select(w => ExpectedOutage(result, w)));
        checks.AddRange(StakingChecks.Evaluate(result));
        checks.AddRange(TransferReport.Checks(result));
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
        var bound = result.Plan.Checks.LivenessMaxGap;
        var failures = new List<string>();
        foreach (var shard in result.Shards)
        {
            var times = shard.Commits.Select(c => c.CommittedAt).Prepend(TimeSpan.Zero).Append(result.SimulatedTime).ToList();
            for (var i = 1; i < times.Count; i++)
            {
                var (from, to) = (times[i - 1], times[i]);
                if (to - from <= bound || Excused(from, to, bound, result.Plan.Checks.ExpectedOutages)) continue;
                failures.Add($"shard {shard.Shard}: no commit from {Seconds(from)} to {Seconds(to)}");
            }
        }
        return new("liveness", failures.Count == 0, failures.Count == 0
            ? $"every gap between commits at most {Seconds(bound)} outside expected outages"
            : string.Join("; ", failures.Take(5)) + (failures.Count > 5 ? $"; {failures.Count - 5} more" : ""));
    }

    private static bool Excused(TimeSpan from, TimeSpan to, TimeSpan bound, IReadOnlyList<OutageWindow> windows) =>
        windows.Any(w => from <= w.To && to >= w.From && from >= w.From - bound && to <= w.To + bound);

    private static CheckResult CommitSignatures(RunRecord result)
    {
        var commits = result.Shards.SelectMany(s => s.Commits).ToList();
        var bad = commits.Where(c => !c.SignatureVerified).ToList();
        return new("commit_signatures", bad.Count == 0, bad.Count == 0
            ? $"all {commits.Count} commit aggregates verify with quorum"
            : $"{bad.Count} commit aggregates fail, first at height {bad[0].Height}");
    }

    /// <summary>The scenario expects commits to stop inside the window (after blocks under way at its start).</summary>
    private static CheckResult ExpectedOutage(RunRecord result, OutageWindow window)
    {
        var inside = result.Shards.SelectMany(s => s.Commits.Where(c => c.CommittedAt > window.From + OutageGrace && c.CommittedAt < window.To).Select(c => (s.Shard, c))).ToList();
        var name = $"expected_outage_{Seconds(window.From)}_{Seconds(window.To)}";
        return new(name, inside.Count == 0, inside.Count == 0
            ? $"no commits between {Seconds(window.From + OutageGrace)} and {Seconds(window.To)}, as the scenario expects"
            : $"{inside.Count} commits during the expected outage, first shard {inside[0].Shard} height {inside[0].c.Height} at {Seconds(inside[0].c.CommittedAt)}");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
