using HarmonySim.Dashboard.Control;
using HarmonySim.Dashboard.Model;
using HarmonySim.Dashboard.Tests.Harness;
using HarmonySim.Silo.Dashboards;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Dashboard.Tests;

/// <summary>
/// The dashboard's run model against real runs (embedded silo, in process): a finished run's folder replays into the
/// very series and timeline the live run showed, and faults injected through the run control are carried out at a
/// step boundary, logged into the event log, and reproducible.
/// </summary>
[TestClass]
public sealed class RunViewTests
{
    [TestMethod]
    public async Task A_replayed_run_folder_gives_the_series_and_timeline_the_live_run_showed()
    {
        var dir = Served.TempFolder("view");
        try
        {
            var (plan, path) = Plan("leader-isolation");
            var (live, replayed, outcome) = await RunAndReplay(plan, path, dir);

            var series = live.Series();
            Assert.HasCount(2 * 36, series, "two shards, 180 s in 5 s buckets");
            CollectionAssert.AreEqual(series.ToList(), replayed.Series().ToList());
            var liveEnd = live.Snapshot(recentEvents: int.MaxValue);
            var replayEnd = replayed.Snapshot(recentEvents: int.MaxValue);
            Assert.AreEqual(liveEnd.Timeline.Count, replayEnd.Timeline.Count);
            Assert.IsTrue(liveEnd.Timeline.Any(e => e.Kind == "new_view"), "the isolation's view change is on the timeline");
            Assert.AreEqual(outcome.Digest, replayEnd.Digest);
            Assert.AreEqual(outcome.Report.Shards[1].Height, replayEnd.Shards[1].Height);
            // Shard 1's leader is isolated from 30 s: some bucket after it has no block, and a view change.
            Assert.IsTrue(series.Any(p => p.Shard == 1 && p.T > 30 && p.Blocks == 0));
            Assert.AreEqual(outcome.Report.Shards[1].ViewChanges, series.Where(p => p.Shard == 1).Sum(p => p.ViewChanges));
            // Each block's phases and signing power come back from blocks.csv exactly as the live run showed them.
            for (var s = 0; s < 2; s++)
                CollectionAssert.AreEqual(liveEnd.Shards[s].Blocks.ToList(), replayEnd.Shards[s].Blocks.ToList(), $"shard {s}'s recent blocks");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_load_run_replays_its_TPS_and_every_block_shows_its_FBFT_phases_and_signing_power()
    {
        var dir = Served.TempFolder("load");
        try
        {
            var (plan, path) = Plan(Served.Scenario("load"));
            var (live, replayed, _) = await RunAndReplay(plan, path, dir);

            var series = live.Series();
            Assert.IsGreaterThan(0, series.Sum(p => p.Transactions), "the live run counted load transactions");
            CollectionAssert.AreEqual(series.ToList(), replayed.Series().ToList(), "the replay's TPS series is the live one");
            var end = live.Snapshot();
            foreach (var shard in end.Shards)
            {
                Assert.IsNotEmpty(shard.Blocks);
                foreach (var b in shard.Blocks)
                {
                    Assert.IsNotNull(b.PreparePhase);
                    Assert.IsNotNull(b.CommitPhase);
                    Assert.IsGreaterThan(0.0, b.PreparePhase!.Value, $"height {b.Height}: PREPARED after the announce");
                    Assert.IsGreaterThan(0.0, b.CommitPhase!.Value, $"height {b.Height}: commit after PREPARED");
                    Assert.AreEqual(b.Finality!.Value, b.PreparePhase.Value + b.CommitPhase.Value, 1e-9);
                    // A stake quorum: more than two thirds of the voting power signed.
                    Assert.IsGreaterThan(2.0 / 3, b.SigningPower!.Value, $"height {b.Height}");
                    Assert.IsLessThanOrEqualTo(1.0, b.SigningPower.Value);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_fault_injected_through_the_run_control_is_logged_at_the_step_boundary_and_reproducible()
    {
        var (plan, _) = Plan("quickstart");
        async Task<RunOutcome> Steered()
        {
            using var control = new RunControl(plan, speed: null);
            Assert.IsNull(control.Inject(new FaultRequest("isolate-leader", 0, [])));
            return await new Runner { Control = control }.RunAsync(plan);
        }
        var first = await Steered();
        var second = await Steered();
        var plain = await new Runner().RunAsync(plan);

        var fault = first.Events.Single(l => l.Contains("\"kind\":\"fault\"", StringComparison.Ordinal));
        StringAssert.Contains(fault, "\"t\":\"5.000000\"", "applied at the end of the first step");
        StringAssert.Contains(fault, "\"fault\":\"isolate-leader\"");
        Assert.IsTrue(first.Events.Any(l => l.Contains("\"kind\":\"new_view\"", StringComparison.Ordinal)), "the isolated leader is replaced");
        Assert.AreEqual(first.Digest, second.Digest, "the same steering gives the same run");
        Assert.AreNotEqual(plain.Digest, first.Digest, "an injected fault is in the digest");
    }

    [TestMethod]
    public void The_run_control_refuses_bad_requests_naming_the_field()
    {
        var (plan, _) = Plan("quickstart");
        using var control = new RunControl(plan, speed: 1);
        StringAssert.StartsWith(control.Inject(new FaultRequest("explode", null, [])), "kind:");
        StringAssert.StartsWith(control.Inject(new FaultRequest("crash", 3, [1])), "shard:");
        StringAssert.StartsWith(control.Inject(new FaultRequest("crash", null, [99])), "nodes:");
        StringAssert.StartsWith(control.Inject(new FaultRequest("partition", 0, [])), "nodes:");
        StringAssert.StartsWith(control.SetSpeed(0), "speed:");
        Assert.IsNull(control.SetSpeed(null));
        Assert.IsNull(control.Speed);
    }

    /// <summary>Runs a plan into a run folder with the live dashboard watching, then replays the folder.</summary>
    private static async Task<(RunView Live, RunView Replayed, RunOutcome Outcome)> RunAndReplay(RunPlan plan, string path, string dir)
    {
        var live = new RunView(RunInfo.Of(plan), live: true);
        RunOutcome outcome;
        using (var output = RunOutput.InFolder(dir))
        {
            outcome = await new Runner { Output = output, Watchers = [new LiveDashboard(live)] }.RunAsync(plan);
            RunFolder.Write(dir, outcome, File.ReadAllText(path), Path.GetFileName(path));
        }
        var (replayed, errors) = RunFolderReplay.Load(dir);
        Assert.IsEmpty(errors);
        Assert.IsNotNull(replayed);
        return (live, replayed, outcome);
    }

    private static (RunPlan Plan, string Path) Plan(string name)
    {
        var path = ScenarioFolder.Resolve(name);
        var scenario = ScenarioLoader.LoadFile(path).Scenario!;
        return (RunPlanBuilder.Build(scenario, $"{scenario.Name}-{scenario.Seed}", scenario.Seed), path);
    }
}
