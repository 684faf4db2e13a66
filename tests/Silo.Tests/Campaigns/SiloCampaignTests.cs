using HarmonySim.Silo.Campaigns;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Silo.Tests.Campaigns;

/// <summary>
/// A campaign spread over silos in slices (<c>campaign --silos N</c>, <c>--cluster</c>) finds what one process finds:
/// the same runs, violations and halt times, with slices on every silo; without <c>--all</c> it stops early and still
/// reports the lowest violating seed.
/// </summary>
[TestClass]
public sealed class SiloCampaignTests
{
    [TestMethod]
    public async Task A_campaign_over_two_silos_finds_what_one_process_finds()
    {
        var plan = RunPlanBuilder.Build(ScenarioLoader.LoadFile(ScenarioFolder.Resolve("gos-twins-4")).Scenario!, "silo-campaign");
        // Two byzantine nodes of four (more than the protocol tolerates): equivocating twins fork some seeds.
        var settings = new CampaignSettings(1, 240, 1, true, CampaignExploration.For(plan) with { ByzantinePerShard = 2 });
        var local = Campaign.Run(plan, settings);
        Assert.IsNotEmpty(local.Violations, "the unsafe setting violates in some seeds");

        await using var silo = await EmbeddedSilo.StartAsync(2);
        var spread = await SiloCampaign.Run(silo.Grains, plan, settings, parallel: 2);
        Assert.AreEqual(local.Runs, spread.Found.Runs);
        CollectionAssert.AreEqual(local.Violations.ToList(), spread.Found.Violations.ToList());
        Assert.AreEqual(local.Halts, spread.Found.Halts);
        Assert.HasCount(2, spread.SlicesBySilo, "both silos ran slices");

        var stopped = await SiloCampaign.Run(silo.Grains, plan, settings with { All = false }, parallel: 2);
        Assert.IsLessThan(settings.Seeds, stopped.Found.Runs, "no slice starts after a violation");
        Assert.AreEqual(local.FirstViolation, stopped.Found.FirstViolation, "slices start in seed order, so every lower seed has run");
    }

    [TestMethod]
    public void The_command_spreads_a_campaign_over_embedded_silos_and_refuses_silos_with_cluster()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var folder = Directory.CreateTempSubdirectory("harmonysim-campaign-").FullName;
        Assert.AreEqual(0, HarmonySimCommand.Run(["campaign", "gos-twins-4", "--seeds", "60", "--silos", "2", "--out", folder], output, error), error.ToString());
        StringAssert.StartsWith(output.ToString(), "slices per silo: ");
        StringAssert.Contains(output.ToString(), "60 runs in ");

        var refused = new StringWriter();
        Assert.AreEqual(2, HarmonySimCommand.Run(["campaign", "gos-twins-4", "--seeds", "60", "--silos", "2", "--cluster"], new StringWriter(), refused));
        StringAssert.Contains(refused.ToString(), "--silos: not with --cluster");
    }
}
