using System.Text.Json;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// View changes started and the time spent view-changing reach report.json, report.md and the progress lines. Two
/// crashed leaders in a row (mainnet timing, 27 s timeouts in 45 s slots): the view change to node 1 goes nowhere,
/// the one to node 2 completes a timeout later.
/// </summary>
[TestClass]
public sealed class ViewChangeReportTests
{
    [TestMethod]
    public async Task Report_and_progress_show_view_changes_started_completed_and_the_time_view_changing()
    {
        var plan = RunPlans.Small("vc-report", seed: 2, nodesPerShard: 7, duration: TimeSpan.FromSeconds(90),
            faults: [new FaultPlan(TimeSpan.FromSeconds(10), FaultKind.Crash, [0, 1], null, null, [])]);
        var output = new StringWriter();
        var outcome = await new ProgressDisplay(output, interactive: false).Show("test", report =>
            new Runner().RunAsync(plan with { Checks = plan.Checks with { LivenessMaxGap = TimeSpan.FromSeconds(90) } }, report));

        var dir = Directory.CreateTempSubdirectory("harmonysim-vc-report-").FullName;
        try
        {
            RunFolder.Write(dir, outcome, "name: test\n", "scenario.yaml");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            var shard = json.RootElement.GetProperty("shards")[0];
            Assert.AreEqual(1, shard.GetProperty("view_changes").GetInt32(), "completed: the view change to node 2");
            Assert.AreEqual(2, shard.GetProperty("view_changes_started").GetInt32(), "started: to node 1, then to node 2");
            Assert.IsInRange(26.0, 28.5, shard.GetProperty("view_changing_s").GetDouble(), "one view-change timeout, plus the round trip");
            StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "report.md")), "| view changes completed / started | time view-changing (s) |");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        var shardResult = outcome.Result.Shards[0];
        var crossed = OrleansCopy.Of(shardResult);
        Assert.AreEqual((shardResult.ViewChangesStarted, shardResult.TimeViewChanging), (crossed.ViewChangesStarted, crossed.TimeViewChanging), "a shard's result crosses silos whole");
        var progress = new ShardProgress(0, TimeSpan.FromSeconds(60), 3, 1, 100, TimeSpan.FromSeconds(61), []) { ViewChangesStarted = 2, TimeViewChanging = TimeSpan.FromSeconds(27) };
        var progressCopy = OrleansCopy.Of(progress);
        Assert.AreEqual((2, TimeSpan.FromSeconds(27)), (progressCopy.ViewChangesStarted, progressCopy.TimeViewChanging), "and so does its progress");

        var last = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        StringAssert.EndsWith(last.TrimEnd(), "/vc1/2/27s", "the last progress line: completed/started and seconds view-changing");
    }
}
