using System.CommandLine;
using System.Net.Sockets;
using HarmonySim.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim silo [--silo-port N] [--gateway-port N] [Section:Key=value ...]</c>: starts one silo that joins the
/// configured cluster (<see cref="ClusterSettings"/>) and serves until SIGINT or SIGTERM, then leaves it gracefully.
/// Bad settings exit 2 and unreachable storage exits 4, each with one line naming the key or the endpoint, in seconds.
/// </summary>
public static class SiloCommand
{
    public const string Help =
        "Exit codes: 0 stopped gracefully by SIGINT or SIGTERM, 2 bad settings (nothing started), 3 an internal error " +
        "(stack trace in a log file), 4 storage unreachable or refusing access, or a port taken.";

    public static Command Build()
    {
        var siloPort = new Option<int?>("--silo-port") { Description = $"Port for silo-to-silo traffic ({ClusterKeys.SiloPort}, default {ClusterSettings.DefaultSiloPort})." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = $"Port clients connect to ({ClusterKeys.GatewayPort}, default {ClusterSettings.DefaultGatewayPort})." };
        var command = new Command("silo",
            "Start a silo that joins the configured cluster and serves until stopped (SIGINT/SIGTERM: graceful shutdown).\n" +
            $"Settings (appsettings.json, environment variables such as HARMONYSIM_Storage__Provider, or arguments such as --Storage:Provider azure or Cluster:ClusterId=NAME): " +
            $"{ClusterKeys.Provider} (memory|azure), {ClusterKeys.ConnectionString}, {ClusterKeys.TableEndpoint}, {ClusterKeys.BlobEndpoint}, " +
            $"{ClusterKeys.ClusterId}, {ClusterKeys.ServiceId}, {ClusterKeys.AdvertisedAddress}.\n" + Help)
        {
            siloPort, gatewayPort,
        };
        // Configuration keys ride on the command line as the .NET command-line provider reads them (--Storage:Provider azure).
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var extra = parse.UnmatchedTokens.ToList();
            var ports = new Dictionary<string, string?>();
            if (parse.GetValue(siloPort) is { } sp) ports[ClusterKeys.SiloPort] = sp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(gatewayPort) is { } gp) ports[ClusterKeys.GatewayPort] = gp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!TryConfigure(extra, ports, stderr, out var configuration, out var settings)) return ExitCodes.BadInput;

            StorageClients? clients = null;
            if (settings.Provider == StorageProvider.Azure)
            {
                try
                {
                    // The probe's clients give up in seconds; the silo's keep the SDK's patient defaults for a long run.
                    var probe = StorageClients.Create(settings, StorageProbe.QuickRetry);
                    clients = StorageClients.Create(settings);
                    stdout.WriteLine($"Checking storage: {settings.StorageDescription(clients.Tables.Uri, clients.Blobs.Uri)}");
                    if (await StorageProbe.Check(probe, cancellation) is { } unreachable)
                    {
                        stderr.WriteLine($"harmonysim silo: {unreachable}; nothing started.");
                        return ExitCodes.Unavailable;
                    }
                }
                catch (FormatException e)
                {
                    stderr.WriteLine($"harmonysim silo: {e.Message}");
                    return ExitCodes.BadInput;
                }
            }
            return await Serve(settings, clients, configuration, stdout, stderr, cancellation);
        });
        return command;
    }

    private static bool TryConfigure(List<string> extra, Dictionary<string, string?> ports, TextWriter stderr, out IConfiguration configuration, out ClusterSettings settings)
    {
        configuration = null!;
        settings = null!;
        try
        {
            if (ClusterConfiguration.UnknownKeys(extra) is { Count: > 0 } unknown)
            {
                stderr.WriteLine($"harmonysim silo: unknown option or setting: {string.Join(", ", unknown)} (settings are written --Storage:Provider azure or Cluster:ClusterId=NAME, in the sections {string.Join(", ", ClusterKeys.Sections)})");
                return false;
            }
            configuration = ClusterConfiguration.Build(Environment.CurrentDirectory, extra, ports);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            // A malformed appsettings.json or command-line setting: the provider's message names the file or the token.
            stderr.WriteLine($"harmonysim silo: {e.Message}");
            return false;
        }
        if (ClusterSettings.Read(configuration, out var errors) is not { } read)
        {
            foreach (var e in errors) stderr.WriteLine($"harmonysim silo: {e}");
            stderr.WriteLine("harmonysim silo: the settings are not valid; nothing started.");
            return false;
        }
        settings = read;
        return true;
    }

    /// <summary>Starts the silo, waits for a signal (or for the silo to stop on its own), stops it gracefully.</summary>
    private static async Task<int> Serve(ClusterSettings settings, StorageClients? clients, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (PortCheck.Taken(settings) is { } taken)
        {
            stderr.WriteLine($"harmonysim silo: {taken}; nothing started.");
            return ExitCodes.Unavailable;
        }
        using var stop = new StopSignals(cancellation);
        using var host = ClusterSiloHost.Build(settings, clients, configuration);
        try
        {
            await host.StartAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            stderr.WriteLine($"harmonysim silo: stopped by {StopSignals.Name(stop.Signal)} while starting.");
            await StopQuietly(host);
            return ExitCodes.Passed;
        }
        catch (Exception e) when (Unavailable(e) is { } why)
        {
            stderr.WriteLine($"harmonysim silo: could not start: {why}");
            return ExitCodes.Unavailable;
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansConfigurationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            stderr.WriteLine($"harmonysim silo: bad settings: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.BadInput;
        }

        var local = host.Services.GetRequiredService<ILocalSiloDetails>();
        stdout.WriteLine($"Silo {local.SiloAddress} serving cluster '{settings.ClusterId}' (service '{settings.ServiceId}'), " +
                         $"gateway {local.GatewayAddress?.Endpoint.ToString() ?? "none"}; storage {settings.StorageDescription(clients?.Tables.Uri, clients?.Blobs.Uri)}. " +
                         "Stop with Ctrl-C or SIGTERM.");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        // Orleans stops the application itself when this silo is declared dead or its membership fails.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, ended.Token);
        }
        catch (OperationCanceledException)
        {
            // A signal, or the silo stopping on its own: both end in the graceful stop below.
        }
        var asked = stop.Token.IsCancellationRequested;
        stdout.WriteLine(asked ? $"{StopSignals.Name(stop.Signal)}: leaving the cluster gracefully (at most {ClusterSiloHost.ShutdownTimeout.TotalSeconds:0} s)..." : "The silo is stopping on its own (see the log above).");
        using var grace = new CancellationTokenSource(ClusterSiloHost.ShutdownTimeout);
        await host.StopAsync(grace.Token);
        stdout.WriteLine($"Silo {local.SiloAddress} stopped.");
        if (asked) return ExitCodes.Passed;
        stderr.WriteLine("harmonysim silo: the silo left the cluster without being asked to (declared dead, or membership storage failed).");
        return ExitCodes.Unavailable;
    }

    /// <summary>A start failure caused by the outside (a port taken, storage gone since the probe), as one line; null if it is a bug.</summary>
    private static string? Unavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return $"a port is already in use ({e.Message})";
            if (e is Azure.RequestFailedException r) return $"storage failed: HTTP {r.Status} {r.ErrorCode} {r.Message.ReplaceLineEndings(" ")}";
            if (e is TimeoutException t && error is not OperationCanceledException) return $"timed out: {t.Message.ReplaceLineEndings(" ")}";
        }
        return null;
    }

    private static async Task StopQuietly(IHost host)
    {
        using var grace = new CancellationTokenSource(ClusterSiloHost.ShutdownTimeout);
        try
        {
            await host.StopAsync(grace.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // A silo stopped half-started has nothing worth reporting.
        }
    }
}
