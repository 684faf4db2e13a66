using System.Globalization;
using System.Text.Json;
using HarmonySim.Dashboard.Control;
using HarmonySim.Dashboard.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace HarmonySim.Dashboard.Web;

/// <summary>
/// The dashboard's pages and its small JSON API on an ASP.NET Core app: static pages from the host's dashboard folder,
/// <c>/api/info</c> (the run and its committees), <c>/api/state?at=T</c> (the run at virtual time T), <c>/api/stream</c>
/// (server push), <c>/api/control</c> and <c>/api/fault</c> (a live run only), <c>/api/export.csv|json</c>.
/// </summary>
public static class DashboardSite
{
    /// <summary>Where the pages are: beside the host's binaries (the Dashboard project copies them there at build).</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "dashboard");

    public static void UsePages(IApplicationBuilder app, string root)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!File.Exists(Path.Combine(root, "index.html")))
            throw new DirectoryNotFoundException($"the dashboard's pages are not in {root} (build the Dashboard project)");
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <param name="orleansPath">Where the host serves the Orleans dashboard, if it does (the page links to it).</param>
    public static void MapApi(IEndpointRouteBuilder app, RunView view, IRunControl? control, string? orleansPath = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(view);
        app.MapGet("/api/info", () => Results.Json(view.Info));
        app.MapGet("/api/state", (string? at) =>
        {
            double? when = null;
            if (!string.IsNullOrEmpty(at))
            {
                if (!double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || !double.IsFinite(t) || t < 0)
                    return Results.BadRequest(new { error = $"at: expected virtual seconds (a number ≥ 0), got '{at}'" });
                when = t;
            }
            return Results.Json(new
            {
                live = view.Live,
                orleans = orleansPath,
                paused = control?.Paused ?? false,
                holding = control?.Holding ?? false,
                speed = control?.Speed,
                duration = view.Info.DurationSeconds,
                bucket = RunView.Bucket,
                run = view.Snapshot(when),
            });
        });
        app.MapGet("/api/stream", (HttpContext context) => ChangeFeed.Stream(context, view));
        app.MapGet("/api/export.csv", () => Results.Text(SeriesExport.Csv(view.Series()), "text/csv"));
        app.MapGet("/api/export.json", () => Results.Json(new { info = view.Info, bucket = RunView.Bucket, series = view.Series(), timeline = view.Snapshot(recentEvents: int.MaxValue).Timeline }));
        app.MapPost("/api/control", async (HttpContext context) =>
        {
            if (control is null) return Results.Conflict(new { error = "this run is finished: it can be replayed, not controlled" });
            var body = await Read<ControlBody>(context);
            if (body is null) return Results.BadRequest(new { error = "expected a JSON body {\"action\": \"pause|resume|speed\", \"speed\": \"max|N\"}" });
            switch (body.Action)
            {
                case "pause": control.Pause(); break;
                case "resume": control.Resume(); break;
                case "speed":
                    double? factor = null;
                    if (!string.Equals(body.Speed, "max", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!double.TryParse(body.Speed?.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
                            return Results.BadRequest(new { error = $"speed: expected max or a multiple such as 10, got '{body.Speed}'" });
                        factor = f;
                    }
                    if (control.SetSpeed(factor) is { } why) return Results.BadRequest(new { error = why });
                    break;
                default:
                    return Results.BadRequest(new { error = $"action: expected pause, resume or speed, got '{body.Action}'" });
            }
            return Results.Json(new { paused = control.Paused, speed = control.Speed });
        });
        app.MapPost("/api/fault", async (HttpContext context) =>
        {
            if (control is null) return Results.Conflict(new { error = "this run is finished: faults can only be injected into a live run" });
            var body = await Read<FaultBody>(context);
            if (body?.Kind is null) return Results.BadRequest(new { error = "expected a JSON body {\"kind\": \"crash|restart|isolate-leader|partition|heal\", \"shard\": N, \"nodes\": \"1 2 3\"}" });
            var nodes = new List<int>();
            foreach (var part in (body.Nodes ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    return Results.BadRequest(new { error = $"nodes: expected node ids separated by spaces or commas, got '{part}'" });
                nodes.Add(n);
            }
            if (control.Inject(new FaultRequest(body.Kind, body.Shard, nodes)) is { } refused) return Results.BadRequest(new { error = refused });
            return Results.Json(new { queued = body.Kind, at = "the next step boundary" });
        });
    }

    private static async Task<T?> Read<T>(HttpContext context) where T : class
    {
        try
        {
            return await context.Request.ReadFromJsonAsync<T>(JsonOptions, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Not JSON at all (no or another content type).
            return null;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record ControlBody(string? Action, string? Speed);

    private sealed record FaultBody(string? Kind, int? Shard, string? Nodes);
}
