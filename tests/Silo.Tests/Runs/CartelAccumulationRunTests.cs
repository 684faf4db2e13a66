using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// A cartel accumulating voting power across epochs (scenarios/gos-cartel-accumulation.yaml): delegations every epoch
/// and validators added later carry it past a third and then two thirds of the shard; withholding then halts the shard
/// without forking it.
/// </summary>
[TestClass]
public sealed class CartelAccumulationRunTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task The_cartel_crosses_a_third_then_two_thirds_and_its_withholding_halts_the_shard_without_a_fork()
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve("gos-cartel-accumulation")).Scenario!;
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"cartel-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        CollectionAssert.Contains(outcome.Checks.Select(c => c.Name).ToArray(), "expected_outage_130s_160s", "the withholding halts the shard");
        Assert.IsEmpty(outcome.Result.Shards[0].SafetyViolations, "but never forks it");

        var elections = outcome.Result.Shards[0].Staking!.Elections;
        decimal Power(Simulation.Results.ElectionRecord e) =>
            new[] { "cartel", "cartel-late" }.Sum(c => e.CohortShardPower!.TryGetValue(c, out var p) ? p[0] : 0m);
        foreach (var e in elections) TestContext.WriteLine($"epoch {e.Epoch}: median {e.MedianStake}, cartel {Power(e):0.####}");
        var third = elections.First(e => Power(e) > 1m / 3).Epoch;
        var twoThirds = elections.First(e => Power(e) > 2m / 3).Epoch;
        Assert.IsLessThan(1m / 3, Power(elections[0]), "it starts below a third");
        Assert.IsLessThan(twoThirds, third, "a third first, two thirds later");
        Assert.IsTrue(elections.Where(e => e.Epoch < 7).All(e => Power(e) < 0.4m), "with 2 of 6 seats, delegations alone stall under the EPoS cap");
        TestContext.WriteLine($"above 1/3 from epoch {third}, above 2/3 from epoch {twoThirds}");
    }
}
