using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

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
        var loaded = ScenarioLoader.Parse(Scenario, "faults.yaml");
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Errors));
        var plan = RunPlanBuilder.Build(loaded.Scenario!, "faults-run");
        var outcome = await new Runner { Step = TimeSpan.FromSeconds(60) }.RunAsync(plan);

        var faults = outcome.Events.Where(e => e.Contains("\"kind\":\"fault\"", StringComparison.Ordinal)).ToList();
        string[] expected = ["slow-link", "end-slow-link", "crash", "restart", "crash", "isolate-leader", "partition", "end-partition", "heal"];
        foreach (var kind in expected)
            Assert.IsTrue(faults.Any(f => f.Contains($"\"fault\":\"{kind}\"", StringComparison.Ordinal)), $"{kind} missing from {string.Join("\n", faults)}");
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "safety").Passed);
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "commit_signatures").Passed);
        Assert.IsTrue(outcome.Result.Shards.All(s => outcome.Commits(s.Shard).Any(c => c.CommittedAt > TimeSpan.FromSeconds(250))), "both shards commit after the heal");
    }
}
