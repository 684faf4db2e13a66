using HarmonySim.Grains.Runs;
using HarmonySim.Grains.Interfaces.Serialization;
using Orleans.Serialization;
using HarmonySim.Simulation.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
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

    /// <summary>The first silo's web address (http://host:port) when <see cref="SiloExtras.Listen"/> was set, else null.</summary>
    public Uri? WebAddress =>
        _hosts[0].Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).FirstOrDefault();

    public IServiceProvider Services => _hosts[0].Services;

    public static async Task<EmbeddedSilo> StartAsync(int silos = 1, int basePort = 0, SiloExtras? extras = null, CancellationToken cancellation = default)
    {
        if (silos < 1) throw new ArgumentOutOfRangeException(nameof(silos), "at least one silo");
        var siloPort = basePort == 0 ? FreePort() : basePort;
        var gatewayPort = FreePort();
        var primary = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, siloPort);
        // A cluster of its own: two embedded clusters in one process (tests run in parallel) must never merge.
        var clusterId = "embedded-" + Guid.NewGuid().ToString("N");
        var hosts = new List<IHost>();
        for (var i = 0; i < silos; i++)
        {
            var port = i == 0 ? siloPort : FreePort();
            var gateway = i == 0 ? gatewayPort : FreePort();
            // A bare host: an embedded silo reads no configuration files, so nothing watches the working directory.
            var carries = i == 0 ? extras : null;
            var builder = new HostBuilder()
                .ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
            if (carries?.Services is { } extraServices) builder.ConfigureServices(extraServices);
            if (carries is { Listen: { } endpoint })
                builder.ConfigureWebHost(web => web.UseKestrel(k => k.Listen(endpoint)).Configure(app => carries.App?.Invoke(app)));
            var host = builder
                .UseOrleans(silo => Extend(silo
                    .UseLocalhostClustering(port, gateway, i == 0 ? null : primary, serviceId: "harmonysim", clusterId: clusterId)
                    // In-process silos live and die together: a seconds-long stall on a busy machine must never get one
                    // declared dead (its grains, and the run's state in them, would be lost and recreated empty).
                    .Configure<Orleans.Configuration.ClusterMembershipOptions>(o => o.LivenessEnabled = false)
                    // A shard's start may sign a whole run's load before the run (pre-signed load: minutes for millions of
                    // transactions); the default 30 s would fail that call while it is still working.
                    .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(15))
                    .ConfigureServices(services =>
                    {
                        services.AddSingleton<IHostLifetime, QuietLifetime>();
                        services.AddSingleton<RunContexts>();
                        services.AddSerializer(serializer => serializer.AddKernelRecords());
                        services.AddPlacementDirector<Grains.Placement.ShardPlacement, Grains.Placement.ShardPlacementDirector>();
                        // Spread grains over the silos (the default prefers the least-loaded one, often the local silo).
                        if (silos > 1) services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
                    }), carries?.Silo))
                .Build();
            await host.StartAsync(cancellation);
            hosts.Add(host);
        }
        await AwaitMembership(hosts, cancellation);
        return new EmbeddedSilo(hosts);
    }

    /// <summary>
    /// Waits until every silo sees all of them active: placement only spreads grains over silos it knows, so a run
    /// started earlier would put everything on the silos that had joined (on a busy machine, joining takes a while).
    /// </summary>
    private static async Task AwaitMembership(List<IHost> hosts, CancellationToken cancellation)
    {
        if (hosts.Count == 1) return;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        // Placement also needs each silo's manifest (which grain types it hosts), which follows membership a little later.
        static bool Sees(IHost h, int count) =>
            h.Services.GetRequiredService<Orleans.Runtime.IClusterMembershipService>().CurrentSnapshot.Members.Values
                .Count(m => m.Status == Orleans.Runtime.SiloStatus.Active) == count
            && h.Services.GetRequiredService<Orleans.Runtime.IClusterManifestProvider>().Current.Silos.Count == count;
        while (!hosts.All(h => Sees(h, hosts.Count)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the {hosts.Count} embedded silos did not all see each other within 60 s");
            await Task.Delay(50, cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync();
            _hosts[i].Dispose();
        }
    }

    private static ISiloBuilder Extend(ISiloBuilder silo, Action<ISiloBuilder>? extra)
    {
        extra?.Invoke(silo);
        return silo;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
