using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

[TestClass]
public sealed class DurationTests
{
    [TestMethod]
    public async Task A_run_measured_in_blocks_stops_once_every_shard_has_them()
    {
        var text = File.ReadAllText(ScenarioFolder.Resolve("quickstart")).Replace("duration:\n  time: 60s", "duration:\n  blocks: 12", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Parse(text, "blocks.yaml");
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Errors));
        var outcome = await new Runner { Step = TimeSpan.FromSeconds(5) }.RunAsync(RunPlanBuilder.Build(loaded.Scenario!, "blocks-run"));
        Assert.IsTrue(outcome.Report.Shards.All(s => s.Height >= 12));
        Assert.IsLessThan(60.0, outcome.Report.SimulatedSeconds, "stopped well before the cap");
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Select(c => $"{c.Name}: {c.Detail}")));
    }
}
