using System.Text.Json;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;

namespace HarmonySim.Silo.Tests.Runs;

[TestClass]
public sealed class RunnerTests
{
    [TestMethod]
    public async Task A_run_produces_a_report_with_the_design_fields_and_a_reproducible_digest()
    {
        var plan = RunPlans.Small("report-a", seed: 4, shards: 2, duration: TimeSpan.FromSeconds(40));
        var progress = new List<RunProgress>();
        var outcome = await new Runner().RunAsync(plan, progress.Add);
        var again = await new Runner().RunAsync(plan with { RunId = "report-b" });
        var twoSilos = await new Runner(silos: 2).RunAsync(plan with { RunId = "report-c" });
        var otherSeed = await new Runner().RunAsync(plan with { RunId = "report-d", Seed = 5 });

        Assert.AreEqual(outcome.Digest, again.Digest);
        Assert.AreEqual(outcome.Digest, twoSilos.Digest);
        Assert.AreNotEqual(outcome.Digest, otherSeed.Digest);
        Assert.HasCount(8, progress);
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Select(c => $"{c.Name}: {c.Detail}")));

        var dir = Path.Combine(Path.GetTempPath(), "harmonysim-test-" + Guid.NewGuid().ToString("N"));
        RunFolder.Write(dir, outcome, "name: test\n", "scenario.yaml");
        foreach (var png in new[] { Plots.Height, Plots.BlockTimes, Plots.ViewChanges })
            Assert.IsGreaterThan(1000L, new FileInfo(Path.Combine(dir, png)).Length, png);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        var root = json.RootElement;
        foreach (var field in new[] { "scenario", "seed", "digest", "passed", "simulated_seconds", "wall_seconds", "validators", "keys", "shards", "transactions", "consensus", "epochs", "staking", "cohorts", "checks" })
            Assert.IsTrue(root.TryGetProperty(field, out _), field);
        var shard = root.GetProperty("shards")[0];
        foreach (var field in new[] { "id", "height", "blocks", "view_changes", "block_time_s", "finality_s" })
            Assert.IsTrue(shard.TryGetProperty(field, out _), field);
        Assert.AreEqual(outcome.Digest, root.GetProperty("digest").GetString());
        Assert.IsGreaterThan(15, shard.GetProperty("blocks").GetInt32());
        var lines = File.ReadAllLines(Path.Combine(dir, "events.jsonl"));
        Assert.AreEqual(outcome.Digest, EventLog.Digest(lines));
        StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "report.md")), "| safety | pass |");
        if (Environment.GetEnvironmentVariable("HARMONYSIM_KEEP_TEST_RUNS") is null) Directory.Delete(dir, recursive: true);
        else Console.WriteLine(dir);
    }

    [TestMethod]
    public async Task A_crashed_leader_shows_as_view_changes_and_the_shard_recovers()
    {
        var plan = RunPlans.Small("crash", seed: 2, nodesPerShard: 7, duration: TimeSpan.FromSeconds(120),
            faults: [new FaultPlan(TimeSpan.FromSeconds(10), FaultKind.Crash, [0], null, null, [])]);
        var outcome = await new Runner().RunAsync(plan with { Checks = plan.Checks with { LivenessMaxGap = TimeSpan.FromSeconds(90) } });
        var shard = outcome.Result.Shards[0];
        Assert.IsGreaterThanOrEqualTo(1, shard.ViewChanges);
        Assert.IsTrue(outcome.Commits(0).Any(c => c.CommittedAt > TimeSpan.FromSeconds(60)), "commits resumed");
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        Assert.IsTrue(outcome.Events.Any(e => e.Contains("\"kind\":\"fault\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_cpu_cost_model_slows_consensus_in_virtual_time_not_in_results_by_host()
    {
        var plan = RunPlans.Small("cost-a", seed: 3, nodesPerShard: 7, duration: TimeSpan.FromSeconds(40));
        var free = await new Runner().RunAsync(plan);
        var costly = plan with { RunId = "cost-b", Cost = new CostPlan(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)) };
        var slow = await new Runner().RunAsync(costly);
        var again = await new Runner().RunAsync(costly with { RunId = "cost-c" });

        Assert.IsGreaterThan(free.Report.Shards[0].FinalityS.P50 + 0.1, slow.Report.Shards[0].FinalityS.P50,
            $"finality {free.Report.Shards[0].FinalityS.P50} s without cost, {slow.Report.Shards[0].FinalityS.P50} s with");
        Assert.AreEqual(slow.Digest, again.Digest);
        Assert.IsTrue(slow.Report.Passed, string.Join("; ", slow.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        Assert.IsGreaterThan(0L, slow.Report.Consensus.SignaturesVerified);
    }
}
