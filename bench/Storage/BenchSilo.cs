using System.Net;
using System.Net.Sockets;
using HarmonySim.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace HarmonySim.Bench.Storage;

/// <summary>
/// Hosts built exactly as <c>harmonysim silo</c> builds its own (<see cref="ClusterSiloHost"/> over
/// <see cref="StorageClients"/>), so the providers measured are the ones a silo writes through, with the same
/// options and serializer. Each host gets a cluster id of its own: the benchmark never meets another cluster's rows.
/// </summary>
internal static class BenchSilo
{
    // Orleans' categories at Error and ours at Warning: the benchmark's stdout is its Markdown table.
    private static readonly IConfiguration Quiet = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:HarmonySim"] = "Warning",
        })
        .Build();

    /// <summary>The settings of a fresh cluster on the storage account <paramref name="connectionString"/> names.</summary>
    public static ClusterSettings Settings(string connectionString, string purpose) => new()
    {
        Provider = StorageProvider.Azure,
        ConnectionString = connectionString,
        ClusterId = $"bench-{purpose}-{Guid.NewGuid():N}",
        ServiceId = "harmonysim-bench",
        SiloPort = FreePort(),
        GatewayPort = FreePort(),
        AdvertisedAddress = IPAddress.Loopback,
    };

    /// <summary>
    /// A host that is built, not started (nothing but the benchmark writes its membership table), or started (grain
    /// storage providers initialise in the silo's lifecycle, so they need a running silo).
    /// </summary>
    public static IHost Build(ClusterSettings settings) => ClusterSiloHost.Build(settings, StorageClients.Create(settings), Quiet);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
