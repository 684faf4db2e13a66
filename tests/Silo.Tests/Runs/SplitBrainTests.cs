using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Split-brain (equivocating) validators in the runtime: harmless below 1/3, caught breaking safety above it.</summary>
[TestClass]
public sealed class SplitBrainTests
{
    private static string Scenario(int attackers, int honest) => $"""
        name: split-brain
        description: equivocating validators
        seed: 3
        network:
          shards: 1
          slots_per_shard: {attackers + honest}
          harmony_slots_per_shard: {attackers + honest}
          quorum: count
          block_time: 2s
        cohorts:
          - name: attackers
            validators: {attackers}
            harmony_operated: true
            region: us-east
            behaviour: equivocate
          - name: honest
            validators: {honest}
            harmony_operated: true
            region: us-east
        latency:
          regions: [us-east]
          jitter: 3ms
        duration:
          time: 120s
        checks:
          liveness_max_gap: 90s
        """;

    private static async Task<RunOutcome> Run(int attackers, int honest)
    {
        var loaded = ScenarioLoader.Parse(Scenario(attackers, honest), "split-brain.yaml");
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Errors));
        return await new Runner { Step = TimeSpan.FromSeconds(60) }.RunAsync(RunPlanBuilder.Build(loaded.Scenario!, $"split-{attackers}-{honest}"));
    }

    [TestMethod]
    public async Task Equivocating_validators_below_one_third_cannot_break_safety()
    {
        var outcome = await Run(attackers: 3, honest: 7);
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "safety").Passed);
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "commit_signatures").Passed);
        Assert.IsGreaterThan(5UL, outcome.Report.Shards[0].Height);
    }

    [TestMethod]
    public async Task Equivocating_validators_above_one_third_that_lead_are_caught_by_the_safety_check()
    {
        // Slot 0 (the first leader) is an attacker; 5 of 10 keys equivocate and the honest half is split in two.
        var outcome = await Run(attackers: 5, honest: 5);
        Assert.IsFalse(outcome.Report.Passed);
        var safety = outcome.Checks.Single(c => c.Name == "safety");
        Assert.IsFalse(safety.Passed, safety.Detail);
        Assert.IsTrue(outcome.Events.Any(e => e.Contains("\"kind\":\"safety_violation\"", StringComparison.Ordinal)));
    }
}
