using System.CommandLine;
using System.Globalization;
using System.Net;
using HarmonySim.Dashboard.Web;
using HarmonySim.Silo.Dashboards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim dashboard RUN_FOLDER [--port N]</c>: serves a finished run's dashboard from its folder (events.jsonl),
/// with a time slider and CSV/JSON export, until stopped (Ctrl-C: exit 0). A folder that cannot be read is bad input
/// (exit 2, naming the file and line); a taken port is exit 4.
/// </summary>
public static class DashboardCommand
{
    public static Command Build()
    {
        var folder = new Argument<string>("run-folder") { Description = "A run folder written by harmonysim run (runs/<scenario>-<time>)." };
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => RunCommand.DefaultDashboardPort };
        var command = new Command("dashboard", "Serve the dashboard of a finished run from its folder, with a time slider.\n" + ExitCodes.Help) { folder, port };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var wanted = parse.GetValue(port);
            if (wanted is < 0 or > 65535)
            {
                stderr.WriteLine($"--port: expected a port from 0 to 65535, got {wanted}");
                return ExitCodes.BadInput;
            }
            var (view, errors) = RunFolderReplay.Load(parse.GetValue(folder)!);
            if (view is null)
            {
                foreach (var e in errors) stderr.WriteLine(e);
                return ExitCodes.BadInput;
            }
            var listen = new IPEndPoint(IPAddress.Loopback, wanted);
            if (wanted > 0 && Cluster.PortCheck.Taken(listen.Address, wanted, "--port") is { } taken)
            {
                stderr.WriteLine($"{taken}; --port 0 picks a free port.");
                return ExitCodes.Unavailable;
            }
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(listen));
            await using var app = builder.Build();
            DashboardSite.UsePages(app, DashboardSite.DefaultRoot);
            DashboardSite.MapApi(app, view, control: null);
            using var stop = new StopSignals(cancellation);
            await app.StartAsync(stop.Token);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dashboard: {address}/ ({view}; Ctrl-C stops)"));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Serving until stopped is this command's normal life.
            }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Passed;
        });
        return command;
    }
}
