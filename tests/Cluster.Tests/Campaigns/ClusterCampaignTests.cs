using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Cluster.Tests.Faults;
using HarmonySim.Silo.Campaigns;
using HarmonySim.Silo.Cluster;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Cluster.Tests.Campaigns;

/// <summary>
/// <c>campaign --cluster</c> on two real silo processes (Azurite membership): the slices run on both, and the campaign
/// reports exactly what the same campaign reports in one process.
/// </summary>
[TestClass]
public sealed class ClusterCampaignTests
{
    [TestMethod]
    public async Task A_campaign_spread_over_two_silo_processes_reports_what_one_process_reports()
    {
        var azurite = AzuriteAssembly.Require();
        var plan = RunPlanBuilder.Build(ScenarioLoader.LoadFile(ScenarioFolder.Resolve("gos-twins-4")).Scenario!, "cluster-campaign");
        var settings = new CampaignSettings(1, 200, 1, true, CampaignExploration.For(plan) with { ByzantinePerShard = 2 });
        var local = Campaign.Run(plan, settings);

        using var cluster = new SiloCluster(azurite);
        await cluster.StartSilo();
        await cluster.StartSilo();
        await using var client = await ClusterClient.ConnectAsync(cluster.Settings, StorageClients.Create(cluster.Settings), CancellationToken.None);
        var spread = await SiloCampaign.Run(client.Client, plan, settings, parallel: 2);

        var silos = string.Join("\n", cluster.Silos.Select(s => s.Output));
        Assert.AreEqual(local.Runs, spread.Found.Runs, silos);
        CollectionAssert.AreEqual(local.Violations.ToList(), spread.Found.Violations.ToList());
        Assert.AreEqual(local.Halts, spread.Found.Halts);
        Assert.HasCount(2, spread.SlicesBySilo, $"both silo processes ran slices: {string.Join(", ", spread.SlicesBySilo)}");
    }
}
