using HarmonySim.Grains.Interfaces.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// An Orleans client of the configured cluster (<c>run --cluster</c>, <c>runs</c>): it finds the gateways in the
/// same membership table the silos write (Azure Table; with the memory provider, the one local silo's gateway).
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    /// <summary>How long connecting may take before the cluster counts as unreachable.</summary>
    public static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(15);

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, or throws <see cref="ClusterUnavailableException"/> with one line saying why.</summary>
    public static async Task<ClusterClient> ConnectAsync(ClusterSettings settings, StorageClients? clients, CancellationToken cancellation)
    {
        var host = new HostBuilder()
            // The command prints its own lines; Orleans' client logs its connection retries at Warning.
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                if (settings.Provider == StorageProvider.Azure) client.UseAzureStorageClustering(o => o.TableServiceClient = clients!.Tables);
                else client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                // Resuming a run re-executes it up to its checkpoint in one call; a call to a silo that dies fails when
                // membership declares it dead, so a long timeout never hangs on a lost silo.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
                // Learn of silos that joined or died within seconds (the default is a minute).
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
                client.Services.AddSerializer(serializer => serializer.AddKernelRecords());
            })
            .Build();
        // With no silo in the membership table the client would wait for one indefinitely.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(ConnectBudget);
        try
        {
            await host.StartAsync(budget.Token);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            host.Dispose();
            var why = budget.IsCancellationRequested ? $"no silo answered within {ConnectBudget.TotalSeconds:0} s" : e.GetBaseException().Message.ReplaceLineEndings(" ");
            throw new ClusterUnavailableException(
                $"cannot reach cluster '{settings.ClusterId}' (service '{settings.ServiceId}'): {why} " +
                "(is a silo with these settings running? start one with: harmonysim silo)", e);
        }
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // A client that cannot say goodbye in time has nothing left to lose.
        }
        _host.Dispose();
    }
}
