using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>The game-of-stakes behaviours and their window (active_from, active_until) in scenario files (docs/SCENARIOS.md).</summary>
[TestClass]
public sealed class GameOfStakesScenarioTests
{
    private const string Text = """
        name: gos
        description: a cartel withholds its power between 10 s and 30 s
        seed: 1
        network:
          shards: 1
          slots_per_shard: 7
          harmony_slots_per_shard: 7
          quorum: count
        cohorts:
          - name: honest
            validators: 4
            harmony_operated: true
          - name: cartel
            validators: 3
            harmony_operated: true
            behaviour: withhold-power
            active_from: 10s
            active_until: 30s
        duration:
          time: 60s
        """;

    [TestMethod]
    public void A_bounded_behaviour_reaches_the_plan_with_its_window()
    {
        var result = ScenarioLoader.Parse(Text, "gos.yaml");
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        var plan = RunPlanBuilder.Build(result.Scenario!, "gos-1");
        var cartel = plan.Nodes.Where(n => n.Cohort == "cartel").ToList();
        Assert.HasCount(3, cartel);
        Assert.IsTrue(cartel.All(n => n.Behaviour == NodeBehaviour.WithholdPower && n.BehaviourFrom == TimeSpan.FromSeconds(10) && n.BehaviourUntil == TimeSpan.FromSeconds(30)));
        Assert.IsFalse(cartel[0].Misbehaves(TimeSpan.FromSeconds(5)));
        Assert.IsTrue(cartel[0].Misbehaves(TimeSpan.FromSeconds(10)));
        Assert.IsFalse(cartel[0].Misbehaves(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    [DataRow("withhold-power", NodeBehaviour.WithholdPower)]
    [DataRow("stale-certificate-leader", NodeBehaviour.StaleCertificateLeader)]
    [DataRow("forge", NodeBehaviour.Forge)]
    [DataRow("view-change-spam", NodeBehaviour.ViewChangeSpam)]
    public void Each_game_of_stakes_behaviour_is_read(string name, NodeBehaviour expected)
    {
        var result = ScenarioLoader.Parse(Text.Replace("behaviour: withhold-power", $"behaviour: {name}", StringComparison.Ordinal), "gos.yaml");
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        Assert.AreEqual(expected, RunPlanBuilder.Build(result.Scenario!, "gos-1").Nodes[^1].Behaviour);
    }

    [TestMethod]
    [DataRow("behaviour: withhold-power", "behaviour: equivocate", "gos.yaml:17:18: cohorts[1].active_from: is only used with behaviours silent-leader")]
    [DataRow("active_until: 30s", "active_until: 5s", "gos.yaml:18:19: cohorts[1].active_until: must come after active_from (10s)")]
    [DataRow("active_from: 10s", "active_from: 2m", "gos.yaml:17:18: cohorts[1].active_from: is at or after the end of the run (duration.time is 60s)")]
    [DataRow("active_until: 30s", "active_until: soon", "gos.yaml:18:19: cohorts[1].active_until: expected a duration")]
    public void A_bad_window_is_refused_with_file_line_and_field(string from, string to, string expected)
    {
        var result = ScenarioLoader.Parse(Text.Replace(from, to, StringComparison.Ordinal), "gos.yaml");
        Assert.IsFalse(result.IsValid);
        StringAssert.StartsWith(result.Errors[0].ToString(), expected);
    }
}
