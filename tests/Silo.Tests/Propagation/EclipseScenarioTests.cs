using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Propagation;

/// <summary>The bundled eclipse scenario isolates its victim only when the attackers hold its whole peer table, and the report says so.</summary>
[TestClass]
public sealed class EclipseScenarioTests
{
    [TestMethod]
    [DataRow(1.0, true)]
    [DataRow(0.5, false)]
    public async Task The_eclipse_scenario_isolates_its_victim_only_with_the_whole_table(double share, bool isolated)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve("eclipse")).Scenario ?? throw new AssertFailedException("eclipse does not load");
        scenario = scenario with { Eclipse = scenario.Eclipse! with { TableShare = (decimal)share } };
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"eclipse-{share}-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var eclipse = outcome.Report.Shards.Single().Propagation!.Eclipses.Single();
        Assert.AreEqual(isolated, eclipse.Isolated, eclipse.ToString());
        var markdown = HarmonySim.Silo.Reports.RunFolder.Markdown(outcome.Report, []);
        StringAssert.Contains(markdown, isolated ? "**isolated**" : "**not isolated**");
        Assert.IsTrue(outcome.Events.Any(e => e.Contains("\"kind\":\"eclipse\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void An_eclipse_under_direct_propagation_is_refused_with_file_line_and_field()
    {
        var text = File.ReadAllText(ScenarioFolder.Resolve("eclipse")).Replace("  propagation: gossip\n", "", StringComparison.Ordinal);
        var result = ScenarioLoader.Parse(text, "scenarios/eclipse.yaml");
        Assert.IsFalse(result.IsValid);
        StringAssert.Contains(string.Join("\n", result.Errors), "eclipse: needs network.propagation: gossip or ida");
    }
}
