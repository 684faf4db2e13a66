using HarmonySim.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HarmonySim.Silo.Hosting;

/// <summary>
/// Silos in this process (localhost clustering, in-memory state) for `harmonysim run`: one by default, or several
/// joined into one cluster to run a scenario across silos. Disposing stops them.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly List<IHost> _hosts;

    private EmbeddedSilo(List<IHost> hosts) => _hosts = hosts;

    public IGrainFactory Grains => _hosts[0].Services.GetRequiredService<IGrainFactory>();

    public static async Task<EmbeddedSilo> StartAsync(int silos = 1, int basePort = 0, CancellationToken cancellation = default)
    {
        if (silos < 1) throw new ArgumentOutOfRangeException(nameof(silos), "at least one silo");
        var siloPort = basePort == 0 ? FreePort() : basePort;
        var gatewayPort = FreePort();
        var primary = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, siloPort);
        var hosts = new List<IHost>();
        for (var i = 0; i < silos; i++)
        {
            var port = i == 0 ? siloPort : FreePort();
            var gateway = i == 0 ? gatewayPort : FreePort();
            var host = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning))
                .UseOrleans(silo => silo
                    .UseLocalhostClustering(port, gateway, i == 0 ? null : primary, serviceId: "harmonysim", clusterId: "embedded")
                    .ConfigureServices(services =>
                    {
                        services.AddSingleton<RunContexts>();
                        // Spread grains over the silos (the default prefers the least-loaded one, often the local silo).
                        if (silos > 1) services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
                    }))
                .Build();
            await host.StartAsync(cancellation);
            hosts.Add(host);
        }
        return new EmbeddedSilo(hosts);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync();
            _hosts[i].Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
