using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Every fault kind a scenario can name is carried out by the runtime, in time order, without breaking safety.</summary>
[TestClass]
public sealed class FaultScenarioTests
{
    private const string Scenario = """
        name: faults
        description: every fault kind once
        seed: 5
        network:
          shards: 2
          slots_per_shard: 10
          harmony_slots_per_shard: 10
          quorum: count
          block_time: 2s
        cohorts:
          - name: a
            validators: 14
            harmony_operated: true
            region: us-east
          - name: b
            validators: 4
            harmony_operated: true
            region: eu-west
          - name: dark
            validators: 2
            harmony_operated: true
            region: us-east
            behaviour: dark-from
            dark_from: 100s
        latency:
          regions: [us-east, eu-west]
          jitter: 5ms
        faults:
          - { at: 20s, kind: slow-link, targets: [b], extra_delay: 300ms, duration: 20s }
          - { at: 50s, kind: crash, targets: [b], duration: 30s }
          - { at: 120s, kind: isolate-leader, targets: ["shard:0"], duration: 40s }
          - { at: 200s, kind: partition, groups: [[a], [b, dark]], duration: 20s }
          - { at: 240s, kind: heal }
        duration:
          time: 300s
        checks:
          liveness_max_gap: 120s
        """;

    [TestMethod]
    public async Task Slow_links_timed_crashes_dark_cohorts_isolation_and_timed_partitions_all_happen_and_safety_holds()
    {
        var plan = Plan(Scenario, "faults");
        var outcome = await new Runner { Step = TimeSpan.FromSeconds(60) }.RunAsync(plan);

        var faults = outcome.Events.Where(e => e.Contains("\"kind\":\"fault\"", StringComparison.Ordinal)).ToList();
        string[] expected = ["slow-link", "end-slow-link", "crash", "restart", "crash", "isolate-leader", "partition", "end-partition", "heal"];
        foreach (var kind in expected)
            Assert.IsTrue(faults.Any(f => f.Contains($"\"fault\":\"{kind}\"", StringComparison.Ordinal)), $"{kind} missing from {string.Join("\n", faults)}");
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "safety").Passed);
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "commit_signatures").Passed);
        Assert.IsTrue(outcome.Result.Shards.All(s => outcome.Commits(s.Shard).Any(c => c.CommittedAt > TimeSpan.FromSeconds(250))), "both shards commit after the heal");
    }
    private const string Flapping = """
        name: flapping
        description: a validator that flaps (down 8 s of every 20 s) and a leader hit every 30 s
        seed: 3
        network:
          shards: 1
          slots_per_shard: 4
          harmony_slots_per_shard: 4
          quorum: count
          block_time: 2s
        cohorts:
          - name: steady
            validators: 3
            harmony_operated: true
            region: us-east
          - name: flapper
            validators: 1
            harmony_operated: true
            region: us-east
        latency:
          regions: [us-east]
          jitter: 2ms
        faults:
          - { at: 10s, kind: crash, targets: [flapper], duration: 8s, every: 20s }
          - { at: 25s, kind: isolate-leader, targets: ["shard:0"], duration: 2s, every: 30s, times: 2 }
        duration:
          time: 100s
        checks:
          liveness_max_gap: 60s
        """;

    [TestMethod]
    public async Task A_recurring_fault_happens_every_period_until_the_run_ends_or_its_count_and_the_shard_rides_it_out()
    {
        var plan = Plan(Flapping, "flapping");
        string Times(FaultKind kind) => string.Join(",", plan.Faults.Where(f => f.Kind == kind).Select(f => f.At.TotalSeconds));
        Assert.AreEqual("10,30,50,70,90", Times(FaultKind.Crash), "every 20 s from 10 s while before the run's end");
        Assert.AreEqual("18,38,58,78,98", Times(FaultKind.Restart), "each occurrence lasts its 8 s");
        Assert.AreEqual("25,55", Times(FaultKind.IsolateLeader), "times: 2");

        var outcome = await new Runner { Step = TimeSpan.FromSeconds(20) }.RunAsync(plan);
        Assert.AreEqual(5, outcome.Events.Count(e => e.Contains("\"fault\":\"crash\"", StringComparison.Ordinal)));
        Assert.AreEqual(5, outcome.Events.Count(e => e.Contains("\"fault\":\"restart\"", StringComparison.Ordinal)));
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "safety").Passed);
        // One of four down is within f = 1: the three steady validators commit through a flap (the ones at 10 s and
        // 90 s; the others fall in the view changes below).
        var commits = outcome.Commits(0);
        foreach (var down in new[] { 10, 90 })
            Assert.IsTrue(commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(down) && c.CommittedAt < TimeSpan.FromSeconds(down + 8)),
                $"a block committed while the flapper was down from {down} s");
        // Each isolation of the leader (a denial of service on it) costs one view change, and a new leader goes on.
        var leaders = commits.Select(c => c.LeaderNode).Distinct().ToList();
        Assert.AreEqual(3, leaders.Count, $"three leaders in turn: {string.Join(", ", leaders)}");
        Assert.IsTrue(commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(25) && c.CommittedAt < TimeSpan.FromSeconds(55) && c.LeaderNode != leaders[0]));
        Assert.IsTrue(commits[^1].LeaderNode != commits.First(c => c.CommittedAt > TimeSpan.FromSeconds(25)).LeaderNode);
    }

    private static RunPlan Plan(string yaml, string name)
    {
        var loaded = ScenarioLoader.Parse(yaml, name + ".yaml");
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Errors));
        return RunPlanBuilder.Build(loaded.Scenario!, name + "-run");
    }
}
