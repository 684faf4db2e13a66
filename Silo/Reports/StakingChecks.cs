using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Reports;

/// <summary>The checks of a staking run: supply accounting at every epoch, expected slashes and jails, and cohorts' voting-power bounds.</summary>
public static class StakingChecks
{
    public static IEnumerable<CheckResult> Evaluate(RunRecord result)
    {
        var plan = result.Plan;
        if (result.Shards[0].Staking is not { } staking) yield break;
        yield return Accounting(result, staking);
        if (plan.Checks.ExpectedSlashedCohorts is { Count: > 0 } slashed)
            yield return Expected("expected_slashes", plan, slashed, [.. staking.Slashed.Select(s => s.Node)], "slashed");
        if (plan.Checks.ExpectedJailedCohorts is { Count: > 0 } jailed)
            yield return Expected("expected_jails", plan, jailed, [.. staking.Jailed.Select(j => j.Node)], "jailed");
        foreach (var bound in plan.Checks.VotingPowerBounds) yield return PowerBound(staking, bound);
    }

    /// <summary>At every epoch's last beacon block, total supply = genesis + minted rewards − burned slashes + what wallets deposited by staking (a testnet's players), to the atto.</summary>
    private static CheckResult Accounting(RunRecord result, StakingRunResult staking)
    {
        if (result.Tallies[0].FirstEvent("beacon_state_error") is { } error)
            return new("accounting", false, $"the beacon state could not follow the committed chain at height {error.Fields.First(f => f.Key == "height").Value}");
        var bad = staking.Accounting.Where(a => !a.Passed).ToList();
        if (bad.Count > 0) return new("accounting", false, $"epoch {bad[0].Epoch}: supply {bad[0].Actual} atto, expected {bad[0].Expected} (genesis + minted − burned + deposited from wallets)");
        return new("accounting", true, staking.Accounting.Count == 0
            ? "no epoch ended, so supply was never compared"
            : $"supply = genesis + minted − burned + deposited at the end of all {staking.Accounting.Count} epochs");
    }

    /// <summary>Every validator of the named cohorts and nobody else is in <paramref name="hit"/>.</summary>
    private static CheckResult Expected(string name, RunPlan plan, IReadOnlyList<string> cohorts, HashSet<int> hit, string verb)
    {
        var expected = plan.Nodes.Where(n => cohorts.Contains(n.Cohort)).Select(n => n.Id).ToHashSet();
        var missing = expected.Where(n => !hit.Contains(n)).Order().ToList();
        var unexpected = hit.Where(n => !expected.Contains(n)).Order().ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
            return new(name, true, $"all {expected.Count} validators of {string.Join(", ", cohorts)} {verb}, nobody else");
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"not {verb}: {Nodes(plan, missing)}");
        if (unexpected.Count > 0) parts.Add($"{verb} unexpectedly: {Nodes(plan, unexpected)}");
        return new(name, false, string.Join("; ", parts));
    }

    private static CheckResult PowerBound(StakingRunResult staking, VotingPowerBound bound)
    {
        var max = staking.Elections.Select(e => e.CohortMaxShardPower.GetValueOrDefault(bound.Cohort)).DefaultIfEmpty(0).Max();
        var epoch = staking.Elections.FirstOrDefault(e => e.CohortMaxShardPower.GetValueOrDefault(bound.Cohort) == max)?.Epoch ?? 0;
        var ok = (bound.Above is not { } above || max > above) && (bound.Below is not { } below || max < below);
        var wanted = string.Join(" and ", new[] { bound.Above is { } a ? $"above {F(a)}" : null, bound.Below is { } b ? $"below {F(b)}" : null }.OfType<string>());
        return new($"max_shard_voting_power_{bound.Cohort}", ok,
            $"cohort {bound.Cohort} held at most {F(max)} of one shard's voting power (epoch {epoch}); wanted {wanted}");
    }

    private static string Nodes(RunPlan plan, List<int> nodes) =>
        string.Join(", ", nodes.Take(8).Select(n => $"node {n} ({plan.Nodes[n].Cohort})")) + (nodes.Count > 8 ? $" and {nodes.Count - 8} more" : "");

    private static string F(decimal share) => share.ToString("0.####", CultureInfo.InvariantCulture);
}
