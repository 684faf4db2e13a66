using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>A censoring cohort in a scenario file (behaviour censor, censor, censor_share; docs/SCENARIOS.md).</summary>
[TestClass]
public sealed class CensorScenarioTests
{
    private static string Text => File.ReadAllText(ScenarioFolder.Resolve("gos-censorship"));

    [TestMethod]
    public void A_censor_reaches_the_plan_with_its_victims_and_window()
    {
        var result = ScenarioLoader.Parse(Text, "gos-censorship.yaml");
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        var censor = RunPlanBuilder.Build(result.Scenario!, "c-1").Nodes.Single(n => n.Cohort == "censor");
        Assert.AreEqual(NodeBehaviour.Censor, censor.Behaviour);
        Assert.AreEqual(new CensorPlan(["payments"], 0.5).Share, censor.Censor!.Share);
        CollectionAssert.AreEqual(new[] { "payments" }, censor.Censor.Senders.ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(10), censor.BehaviourFrom);
        Assert.AreEqual(TimeSpan.FromSeconds(50), censor.BehaviourUntil);
    }

    [TestMethod]
    [DataRow("    censor: [payments]", "    censor: [payment]", "26:14: cohorts[0].censor[0]: unknown sender 'payment' (did you mean 'payments'?)")]
    [DataRow("    censor_share: 50%", "    censor_share: 0%", "27:19: cohorts[0].censor_share: must be more than 0")]
    [DataRow("    behaviour: censor", "    behaviour: forge", "26:13: cohorts[0].censor: is only used with behaviour: censor")]
    public void A_bad_censor_is_refused_with_file_line_and_field(string from, string to, string expected)
    {
        var result = ScenarioLoader.Parse(Text.Replace(from, to, StringComparison.Ordinal), "gos-censorship.yaml");
        Assert.IsFalse(result.IsValid);
        Assert.IsTrue(result.Errors.Any(e => e.ToString().StartsWith($"gos-censorship.yaml:{expected}", StringComparison.Ordinal)), string.Join("\n", result.Errors));
    }

    [TestMethod]
    public void A_censor_without_transactions_is_refused()
    {
        var text = Text[..Text.IndexOf("load:", StringComparison.Ordinal)];
        var result = ScenarioLoader.Parse(text, "gos-censorship.yaml");
        Assert.IsTrue(result.Errors.Any(e => e.ToString().Contains("cohorts[0].behaviour: censor needs transactions to leave out: add a load or transfers section", StringComparison.Ordinal)),
            string.Join("\n", result.Errors));
    }
}
