using System.Net;
using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HarmonySim.Cluster.Tests.Storage;

/// <summary>
/// A cluster silo in the test process, built by the same <see cref="ClusterSiloHost"/> as <c>harmonysim silo</c>, on
/// Azurite, with a cluster id of its own so tests running side by side never see each other's rows.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(IHost host, ClusterSettings settings)
    {
        Host = host;
        Settings = settings;
    }

    public IHost Host { get; }
    public ClusterSettings Settings { get; }
    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The settings of a fresh cluster on Azurite.</summary>
    public static ClusterSettings SettingsFor(AzuriteServer azurite, string? clusterId = null) => new()
    {
        Provider = StorageProvider.Azure,
        ConnectionString = azurite.ConnectionString,
        ClusterId = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..12],
        ServiceId = "harmonysim-tests",
        SiloPort = AzuriteServer.FreePort(),
        GatewayPort = AzuriteServer.FreePort(),
        AdvertisedAddress = IPAddress.Loopback,
    };

    /// <summary>Builds the host without starting it: its services (the membership table) are usable once initialised.</summary>
    public static IHost Build(ClusterSettings settings) =>
        ClusterSiloHost.Build(settings, StorageClients.Create(settings), new ConfigurationBuilder().Build());

    public static async Task<TestSilo> StartAsync(AzuriteServer azurite)
    {
        var settings = SettingsFor(azurite);
        var host = Build(settings);
        await host.StartAsync();
        return new TestSilo(host, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
