using System.Net;
using HarmonySim.Dashboard.Control;
using HarmonySim.Dashboard.Model;
using HarmonySim.Dashboard.Web;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Telemetry;
using Microsoft.AspNetCore.Builder;
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

    /// <summary>What the first silo carries for a run with <c>--dashboard</c>.</summary>
    public static SiloExtras ForRun(RunView view, IRunControl control, IPEndPoint listen) => new(
        Services: services =>
        {
            services.AddRouting();
            TelemetryServices.Add(services, prometheus: true);
        },
        Silo: silo => silo.AddDashboard(),
        Listen: listen,
        App: app =>
        {
            app.UseRouting();
            DashboardSite.UsePages(app, DashboardSite.DefaultRoot);
            app.UseOpenTelemetryPrometheusScrapingEndpoint();
            app.UseEndpoints(endpoints =>
            {
                DashboardSite.MapApi(endpoints, view, control);
                endpoints.MapOrleansDashboard(routePrefix: OrleansPath);
            });
        });

    /// <summary>What the first silo carries when only OTLP export is wanted (no web endpoint).</summary>
    public static SiloExtras ForOtlp() => new(Services: services => TelemetryServices.Add(services, prometheus: false));
}
