using HarmonySim.Grains.Interfaces.Serialization;
using HarmonySim.Grains.Runs;
using HarmonySim.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// The host of one cluster silo (<c>harmonysim silo</c>, and the storage tests' silos): the project's grains and
/// codecs, membership and grain storage from <see cref="ClusterSettings"/>, console logging from the configuration's
/// <c>Logging</c> section. The embedded silos of <c>harmonysim run</c> are <see cref="EmbeddedSilo"/>, untouched by this.
/// </summary>
public static class ClusterSiloHost
{
    /// <summary>How long a graceful stop may take: within Container Apps' default 30 s termination grace period.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <param name="clients">The storage clients (required with <see cref="StorageProvider.Azure"/>).</param>
    /// <param name="configure">Extra silo configuration (tests add their own grains' needs or tighter timeouts).</param>
    public static IHost Build(ClusterSettings settings, StorageClients? clients, IConfiguration configuration, Action<ISiloBuilder>? configure = null)
    {
        if (settings.Provider == StorageProvider.Azure && clients is null) throw new ArgumentNullException(nameof(clients), "azure storage needs its clients");
        return new HostBuilder()
            .ConfigureLogging(logging => logging
                .ClearProviders()
                // Orleans is chatty at Information; HarmonySim's own lines (membership changes) are what an operator reads.
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("HarmonySim", LogLevel.Information)
                // Orleans 10.4.2 logs a spurious "Participant check thread has not completed" warning at every start.
                .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error)
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                    o.UseUtcTimestamp = true;
                }))
            .ConfigureServices(services =>
            {
                // The command owns SIGINT/SIGTERM (StopSignals) and stops the host itself.
                services.AddSingleton<IHostLifetime, QuietLifetime>();
                services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
                services.AddHostedService<MembershipLog>();
                // Before UseOrleans: hosted services start in order and stop in reverse, so the tally sees the silo's
                // whole life, its shutdown included.
                services.AddHostedService<SiloTraffic>();
            })
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                if (settings.Provider == StorageProvider.Azure) UseAzure(silo, settings, clients!);
                else UseMemory(silo, settings);
                // Membership timing (probe timeouts, missed-probe limit) from Cluster:Membership, Orleans' own option
                // names: the fault tests shorten them so a killed silo is declared dead in seconds.
                silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
                // A shard's start may sign a whole run's load (minutes, as in EmbeddedSilo); calls to a silo that dies
                // fail when membership declares it dead, not after this timeout.
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(15));
                silo.ConfigureServices(services =>
                {
                    services.Configure<Grains.Runs.Durable.CheckpointOptions>(configuration.GetSection(Grains.Runs.Durable.CheckpointOptions.Section));
                    services.AddSingleton<RunContexts>();
                    services.AddSerializer(serializer => serializer.AddKernelRecords());
                    services.AddPlacementDirector<Grains.Placement.ShardPlacement, Grains.Placement.ShardPlacementDirector>();
                });
                configure?.Invoke(silo);
            })
            .Build();
    }

    private static void UseAzure(ISiloBuilder silo, ClusterSettings settings, StorageClients clients)
    {
        // Listen on every interface, advertise one address: in a container the advertised address is the replica's own.
        if (settings.AdvertisedAddress is { } address)
            silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        else
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAzureStorageClustering(o => o.TableServiceClient = clients.Tables);
        silo.AddAzureBlobGrainStorageAsDefault(o => o.BlobServiceClient = clients.Blobs);
        silo.AddAzureBlobGrainStorage(StorageNames.Blob, o => o.BlobServiceClient = clients.Blobs);
        silo.AddAzureTableGrainStorage(StorageNames.Table, o => o.TableServiceClient = clients.Tables);
    }

    private static void UseMemory(ISiloBuilder silo, ClusterSettings settings)
    {
        // A one-silo development cluster: localhost clustering has no shared table, so no other process can join it.
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        silo.AddMemoryGrainStorageAsDefault();
        silo.AddMemoryGrainStorage(StorageNames.Blob);
        silo.AddMemoryGrainStorage(StorageNames.Table);
    }
}
