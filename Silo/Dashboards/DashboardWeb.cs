using System.Net;
using HarmonySim.Dashboard.Control;
using HarmonySim.Dashboard.Model;
using HarmonySim.Dashboard.Web;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace HarmonySim.Silo.Dashboards;

/// <summary>
/// The web endpoint of a silo host: the dashboard's pages and API at <c>/</c>, Prometheus' <c>/metrics</c> and the
/// Orleans dashboard at <c>/orleans</c>, all on one Kestrel port of the first silo's host.
/// </summary>
public static class DashboardWeb
{
    public const string OrleansPath = "/orleans";

    /// <summary>
    /// What the first silo carries for a run with <c>--dashboard</c>. The Orleans dashboard costs 3–4 CPU seconds per
    /// run whatever its length (measured on mainnet-2020, bench/RESULTS.md), and exporting Orleans' meter costs in
    /// proportion to Orleans' messages, so both come only with a paced run (the default with the dashboard), where
    /// that time is spent waiting anyway; a run at max speed is a performance run, and /orleans then says how to get it.
    /// </summary>
    public static SiloExtras ForRun(RunView view, IRunControl control, IPEndPoint listen, bool orleans) => new(
        Services: services =>
        {
            services.AddRouting();
            TelemetryServices.Add(services, prometheus: true, orleans);
        },
        Silo: silo =>
        {
            if (orleans) silo.AddDashboard();
        },
        Listen: listen,
        App: app =>
        {
            app.UseRouting();
            DashboardSite.UsePages(app, DashboardSite.DefaultRoot);
            app.UseOpenTelemetryPrometheusScrapingEndpoint();
            app.UseEndpoints(endpoints =>
            {
                DashboardSite.MapApi(endpoints, view, control, orleans ? OrleansPath + "/" : null);
                if (orleans) endpoints.MapOrleansDashboard(routePrefix: OrleansPath);
                else endpoints.MapGet(OrleansPath + "/{**rest}", () => Results.Text(OrleansOff, "text/plain", statusCode: StatusCodes.Status404NotFound));
            });
        });

    public const string OrleansOff = "The Orleans dashboard is off in a run at --speed max (a performance run: it costs 3-4 CPU seconds). " +
        "Run with a pace (--speed 1x, the default with --dashboard, or Nx) to have it here.";

    /// <summary>What the first silo carries when only OTLP export is wanted (no web endpoint).</summary>
    public static SiloExtras ForOtlp(bool orleans) => new(Services: services => TelemetryServices.Add(services, prometheus: false, orleans));
}
