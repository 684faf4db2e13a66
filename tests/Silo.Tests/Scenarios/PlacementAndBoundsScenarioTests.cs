using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary><c>cohorts[].shard</c> and <c>checks.max_shard_voting_power</c> (docs/SCENARIOS.md).</summary>
[TestClass]
public sealed class PlacementAndBoundsScenarioTests
{
    private static string Text(string cohortExtra = "", string checks = "", string staking = "staking: {}", string duration = "epochs: 2") => $"""
        description: test
        network:
          shards: 2
          slots_per_shard: 6
          harmony_slots_per_shard: 1
          harmony_vote_share: 0.1
        cohorts:
          - name: harmony
            validators: 2
            harmony_operated: true
          - name: honest
            validators: 6
            stake: 20000
          - name: grinders
            validators: 4
            stake: 20000
        {cohortExtra}
        {staking}
        duration:
          {duration}
        checks:
          liveness_max_gap: 30s
        {checks}
        """;

    [TestMethod]
    public void A_pinned_cohort_is_placed_in_its_shard_and_the_others_fill_the_rest()
    {
        var loaded = ScenarioLoader.Parse(Text("    shard: 1"), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var plan = RunPlanBuilder.Build(loaded.Scenario, "x");
        Assert.IsTrue(plan.Nodes.Where(n => n.Cohort == "grinders").All(n => n.Shard == 1));
        Assert.AreEqual(5, plan.Nodes.Count(n => n.Shard == 0 && n.StakePerKey is not null), "shard 0 takes the honest nodes that shard 1 has no room for");
    }

    [TestMethod]
    public void A_pinned_cohort_larger_than_its_shard_is_refused_naming_the_field_when_committees_are_fixed()
    {
        var loaded = ScenarioLoader.Parse(Text("    shard: 1", staking: "", duration: "time: 60s").Replace("validators: 4", "validators: 4\n    keys_per_node: 2").Replace("validators: 6", "validators: 2"), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var e = Assert.ThrowsExactly<ScenarioNotRunnableException>(() => RunPlanBuilder.Build(loaded.Scenario, "x"));
        StringAssert.Contains(e.Message, "cohorts.grinders.shard");
    }

    [TestMethod]
    public void With_elections_extra_candidates_are_placed_too()
    {
        var loaded = ScenarioLoader.Parse(Text("    shard: 1").Replace("validators: 6", "validators: 9"), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var plan = RunPlanBuilder.Build(loaded.Scenario, "x");
        Assert.AreEqual(13, plan.Nodes.Count(n => n.StakePerKey is not null));
        Assert.IsTrue(plan.Nodes.Where(n => n.Cohort == "grinders").All(n => n.Shard == 1));
    }

    [TestMethod]
    [DataRow("    shard: 2", "cohorts[2].shard", "does not exist")]
    [DataRow("    shard: -1", "cohorts[2].shard", "")]
    [DataRow("    shard: one", "cohorts[2].shard", "")]
    public void A_bad_shard_is_an_error_naming_the_field(string extra, string field, string message)
    {
        var errors = ScenarioLoader.Parse(Text(extra), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("; ", errors));
    }

    [TestMethod]
    public void Voting_power_bounds_are_read()
    {
        var loaded = ScenarioLoader.Parse(Text(checks: "  max_shard_voting_power:\n    - cohort: grinders\n      above: 0.3334\n    - cohort: honest\n      below: 90%"), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var bounds = loaded.Scenario.Checks.MaxShardVotingPower;
        Assert.HasCount(2, bounds);
        Assert.AreEqual(0.3334m, bounds[0].Above);
        Assert.AreEqual(0.9m, bounds[1].Below);
        Assert.HasCount(2, RunPlanBuilder.Build(loaded.Scenario, "x").Checks.VotingPowerBounds);
    }

    [TestMethod]
    [DataRow("    - cohort: nobody\n      above: 0.3", "checks.max_shard_voting_power[0].cohort", "unknown cohort")]
    [DataRow("    - cohort: grinders", "checks.max_shard_voting_power[0].above", "give above, below or both")]
    [DataRow("    - cohort: grinders\n      above: 0.5\n      below: 0.4", "checks.max_shard_voting_power[0].below", "must be more than above")]
    [DataRow("    - above: 0.5", "checks.max_shard_voting_power[0].cohort", "is required")]
    [DataRow("    - cohort: grinders\n      abov: 0.5", "checks.max_shard_voting_power[0].abov", "unknown field")]
    public void A_bad_bound_is_an_error_naming_the_field(string entry, string field, string message)
    {
        var errors = ScenarioLoader.Parse(Text(checks: "  max_shard_voting_power:\n" + entry.Replace("\n", "\n  ").Insert(0, "  ")), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [TestMethod]
    public void Bounds_without_a_staking_section_are_refused_before_the_run()
    {
        var loaded = ScenarioLoader.Parse(Text(checks: "  max_shard_voting_power:\n    - cohort: grinders\n      above: 0.3", staking: ""), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var e = Assert.ThrowsExactly<ScenarioNotRunnableException>(() => RunPlanBuilder.Build(loaded.Scenario, "x"));
        StringAssert.Contains(e.Message, "checks.max_shard_voting_power");
    }

    [TestMethod]
    public void Activate_is_sent_by_each_validator_of_the_named_cohort()
    {
        var loaded = ScenarioLoader.Parse(Text(staking: "staking:\n  transactions:\n    - at: 10s\n      kind: activate\n      from: grinders"), "x.yaml");
        Assert.IsNotNull(loaded.Scenario, string.Join("; ", loaded.Errors));
        var actions = RunPlanBuilder.Build(loaded.Scenario, "x").Staking!.Actions;
        Assert.HasCount(4, actions);
        Assert.IsTrue(actions.All(a => a.Type == HarmonySim.Simulation.Plans.StakingActionType.Activate && a.Delegator == ""));
    }

    [TestMethod]
    [DataRow("      from: harmony", "staking.transactions[0].from", "Harmony-operated")]
    [DataRow("      from: nobody", "staking.transactions[0].from", "unknown cohort")]
    [DataRow("      from: grinders\n      amount: 5", "staking.transactions[0].amount", "is not used by kind: activate")]
    public void A_bad_activate_is_an_error_naming_the_field(string rest, string field, string message)
    {
        var errors = ScenarioLoader.Parse(Text(staking: "staking:\n  transactions:\n    - at: 10s\n      kind: activate\n" + rest), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [TestMethod]
    public void Cuckoo_evictions_are_read_and_need_randomness_resharding()
    {
        var ok = ScenarioLoader.Parse(Text(staking: "staking:\n  resharding: randomness\n  cuckoo_evictions: 3"), "x.yaml");
        Assert.IsNotNull(ok.Scenario, string.Join("; ", ok.Errors));
        Assert.AreEqual(3, RunPlanBuilder.Build(ok.Scenario, "x").Staking!.CuckooEvictions);
        var errors = ScenarioLoader.Parse(Text(staking: "staking:\n  cuckoo_evictions: 3"), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == "staking.cuckoo_evictions" && e.Message.Contains("resharding: randomness", StringComparison.Ordinal)),
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [TestMethod]
    public void Joins_at_is_read_for_external_cohorts_of_a_staking_run()
    {
        var ok = ScenarioLoader.Parse(Text("    joins_at: 30s"), "x.yaml");
        Assert.IsNotNull(ok.Scenario, string.Join("; ", ok.Errors));
        Assert.IsTrue(RunPlanBuilder.Build(ok.Scenario, "x").Nodes.Where(n => n.Cohort == "grinders").All(n => n.JoinsAt == TimeSpan.FromSeconds(30)));
        var fixedCommittees = ScenarioLoader.Parse(Text("    joins_at: 30s", staking: "", duration: "time: 60s"), "x.yaml").Errors;
        Assert.IsTrue(fixedCommittees.Any(e => e.Field == "cohorts[2].joins_at" && e.Message.Contains("staking section", StringComparison.Ordinal)),
            string.Join("; ", fixedCommittees.Select(e => $"{e.Field}: {e.Message}")));
        var late = ScenarioLoader.Parse(Text("    joins_at: 2m", duration: "time: 60s"), "x.yaml").Errors;
        Assert.IsTrue(late.Any(e => e.Field == "cohorts[2].joins_at" && e.Message.Contains("end of the run", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_validator_below_the_minimum_self_delegation_is_refused_naming_the_stake()
    {
        var errors = ScenarioLoader.Parse(Text().Replace("validators: 4\n    stake: 20000", "validators: 4\n    stake: 9999"), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == "cohorts[2].stake" && e.Message.Contains("10,000 ONE minimum self-delegation", StringComparison.Ordinal)),
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        var twoKeys = ScenarioLoader.Parse(Text().Replace("validators: 4\n    stake: 20000", "validators: 2\n    keys_per_node: 2\n    stake: 5000"), "x.yaml");
        Assert.IsNotNull(twoKeys.Scenario, "2 keys × 5,000 ONE is 10,000 ONE of self-stake: " + string.Join("; ", twoKeys.Errors));
    }

    [TestMethod]
    public void A_delegation_below_the_minimum_is_refused_naming_the_amount()
    {
        var errors = ScenarioLoader.Parse(Text(staking: "staking:\n  delegators:\n    - name: alice\n      balance: 5000\n  transactions:\n    - at: 10s\n      kind: delegate\n      from: alice\n      to: honest\n      amount: 999"), "x.yaml").Errors;
        Assert.IsTrue(errors.Any(e => e.Field == "staking.transactions[0].amount" && e.Message.Contains("1,000 ONE minimum delegation", StringComparison.Ordinal)),
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
