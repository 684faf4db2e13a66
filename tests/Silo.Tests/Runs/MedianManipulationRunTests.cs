using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// Median manipulation (scenarios/gos-median-manipulation.yaml): many minimum-stake validators pull the effective-stake
/// median down, which caps the honest validators' effective stake and so their share of the voting power.
/// </summary>
[TestClass]
public sealed class MedianManipulationRunTests
{
    [TestMethod]
    public async Task Many_small_validators_move_the_median_and_cap_the_honest_validators_power()
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve("gos-median-manipulation")).Scenario!;
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"median-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var elections = outcome.Report.Epochs.Elections.Cast<HarmonySim.Silo.Reports.ElectionReport>().ToList();
        var before = elections.First();
        var after = elections.Last();
        decimal Power(HarmonySim.Silo.Reports.ElectionReport e, string cohort) => e.CohortShardPower!.TryGetValue(cohort, out var p) ? p[0] : 0m;

        Assert.AreEqual(40_000m, before.MedianStake, "four honest 40,000 ONE validators and one small one");
        Assert.AreEqual(10_000m, after.MedianStake, "nine 10,000 ONE validators beside them");
        // Before: the small validator is lifted to 0.65 × 40,000 = 26,000; honest 4 × 40,000 of 186,000, times the 99 % not Harmony's.
        Assert.AreEqual(0.99m * 160_000m / 186_000m, Power(before, "honest"), 0.0001m);
        // After: each honest validator is capped at 1.35 × 10,000 = 13,500: 54,000 of 144,000.
        Assert.AreEqual(0.99m * 54_000m / 144_000m, Power(after, "honest"), 0.0001m);
        Assert.IsGreaterThan(0.6m, Power(after, "swarm") + Power(after, "swarm-late"), "the swarm's 90,000 ONE outweigh the honest 160,000");
        var moved = elections.First(e => e.MedianStake == 10_000m).Epoch;
        Assert.AreEqual(5UL, moved, "the first election after the swarm registered at 40 s (epochs of 10 s)");
    }

    /// <summary>
    /// One huge validator (scenarios/gos-median-whale.yaml): on one key it moves the median by one position and the clamp
    /// caps it at 1.35 × the honest median; split over more keys than the honest validators hold, its keys hold the
    /// median, which then is its own bid, and nothing caps it.
    /// </summary>
    [TestMethod]
    [DataRow(1, "2000000", 40_000d, 0.99 * 54_000 / 294_000, DisplayName = "one key: capped at 1.35 × 40,000")]
    [DataRow(3, "666666", 40_000d, 0.99 * 162_000 / 402_000, DisplayName = "three keys: still below the middle")]
    [DataRow(7, "285714", 285_714d, 0.99 * 1_999_998 / (1_999_998 + 6 * 185_714.1), DisplayName = "seven keys: the median is the whale's bid")]
    public async Task One_huge_validator_moves_the_median_only_when_its_keys_reach_the_middle(int keys, string stakePerKey, double median, double power)
    {
        var text = File.ReadAllText(ScenarioFolder.Resolve("gos-median-whale"))
            .Replace("slots_per_shard: 8", $"slots_per_shard: {7 + keys}", StringComparison.Ordinal)
            .Replace("keys_per_node: 1", $"keys_per_node: {keys}", StringComparison.Ordinal)
            .Replace("stake: 2000000", $"stake: {stakePerKey}", StringComparison.Ordinal)
            .Replace("{ cohort: whale, below: 0.2 }", "{ cohort: whale, below: 0.9 }", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Parse(text, "gos-median-whale.yaml");
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Errors));
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(loaded.Scenario!, $"whale-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var genesis = outcome.Report.Epochs.Elections.Cast<HarmonySim.Silo.Reports.ElectionReport>().First();
        Assert.AreEqual(median, (double)genesis.MedianStake, 1.0);
        Assert.AreEqual(power, (double)genesis.CohortShardPower!["whale"][0], 0.0001);
    }
}
