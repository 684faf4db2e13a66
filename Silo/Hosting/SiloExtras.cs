using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonySim.Silo.Hosting;

/// <summary>
/// What the first embedded silo's host carries besides the silo: services (telemetry), silo parts (the Orleans
/// dashboard's grain-call profiler) and, when <see cref="Listen"/> is set, a Kestrel endpoint with the app's pipeline
/// (dashboard pages, <c>/metrics</c>, <c>/orleans</c>). None of it touches the run's grains.
/// </summary>
public sealed record SiloExtras(
    Action<IServiceCollection>? Services = null,
    Action<ISiloBuilder>? Silo = null,
    IPEndPoint? Listen = null,
    Action<IApplicationBuilder>? App = null);
