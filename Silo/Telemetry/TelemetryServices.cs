using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// OpenTelemetry in the silo host: the HarmonySim meter and (in a paced run) Orleans' own <c>Microsoft.Orleans</c> meter, read by the
/// Prometheus exporter (served at <c>/metrics</c> by the web endpoint) and, when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set, pushed over OTLP with the consensus spans (the other OTEL_*
/// variables — protocol, headers, interval — are read by the exporter itself).
/// </summary>
public static class TelemetryServices
{
    public const string OrleansMeter = "Microsoft.Orleans";

    public static bool OtlpConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    /// <param name="orleans">Whether Orleans' own meter is exported too: not in a run at max speed, where aggregating
    /// every Orleans message's measurements was the largest part of the dashboard's cost (bench/RESULTS.md).</param>
    public static void Add(IServiceCollection services, bool prometheus, bool orleans)
    {
        var otlp = OtlpConfigured;
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("harmonysim"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(HarmonySimMeter.Name);
            if (orleans) metrics.AddMeter(OrleansMeter);
            if (prometheus) metrics.AddPrometheusExporter();
            if (otlp) metrics.AddOtlpExporter();
        });
        if (otlp) telemetry.WithTracing(tracing => tracing.AddSource(HarmonySimMeter.ConsensusSource).AddOtlpExporter());
    }
}
