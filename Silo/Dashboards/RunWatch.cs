using System.Net;
using HarmonySim.Dashboard.Model;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Telemetry;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Dashboards;

/// <summary>
/// Who watches a run of <c>harmonysim run</c>: with <c>--dashboard</c>, the live dashboard, its run control, telemetry
/// and the web endpoint; without it, telemetry only when OTLP export is configured; otherwise nobody (the run then
/// reads no counters and starts no web host).
/// </summary>
public sealed class RunWatch : IDisposable
{
    private RunWatch(RunControl? control, IReadOnlyList<IRunWatcher> watchers, SiloExtras? extras, Action<EmbeddedSilo>? started)
    {
        Control = control;
        Watchers = watchers;
        Extras = extras;
        Started = started;
    }

    public RunControl? Control { get; }
    public IReadOnlyList<IRunWatcher> Watchers { get; }
    public SiloExtras? Extras { get; }
    public Action<EmbeddedSilo>? Started { get; }

    /// <param name="web">What the web endpoint carries besides the dashboard (a testnet's JSON-RPC), when it is served.</param>
    public static RunWatch For(RunPlan plan, double? speed, IPEndPoint? dashboard, TextWriter stdout, Func<SiloExtras, SiloExtras>? web = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (dashboard is not null)
        {
            var view = new RunView(RunInfo.Of(plan), live: true);
            var control = new RunControl(plan, speed);
            var where = "(metrics at /metrics" + (speed is null ? ")" : $", Orleans at {DashboardWeb.OrleansPath})");
            // A chosen port is known now, so the address is printed before a terminal's live progress table takes
            // over the screen; a free port (0) only once the host has bound it.
            if (dashboard.Port != 0) stdout.WriteLine($"Dashboard: http://{dashboard}/ {where}");
            var extras = DashboardWeb.ForRun(view, control, dashboard, orleans: speed is not null);
            return new RunWatch(control, [new LiveDashboard(view), new RunMetrics(plan)], web is null ? extras : web(extras),
                dashboard.Port != 0 ? null : silo => stdout.WriteLine($"Dashboard: {silo.WebAddress} {where}"));
        }
        return TelemetryServices.OtlpConfigured
            ? new RunWatch(null, [new RunMetrics(plan)], DashboardWeb.ForOtlp(orleans: speed is not null), null)
            : new RunWatch(null, [], null, null);
    }

    public void Dispose()
    {
        Control?.Dispose();
        foreach (var watcher in Watchers.OfType<IDisposable>()) watcher.Dispose();
    }
}
