using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using Spectre.Console;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// Shows a run's progress: a live table on a terminal (virtual time, height and view changes per shard, blocks per
/// wall second), plain lines when output is redirected. Wall-clock figures here never reach the report's digest.
/// </summary>
public sealed class ProgressDisplay(TextWriter output, bool interactive)
{
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();

    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="run"/>, rendering each progress report it passes to the callback.</summary>
    public async Task<T> Show<T>(string title, Func<Action<RunProgress>, Task<T>> run)
    {
        if (!interactive)
            return await run(p => output.WriteLine(Line(p)));
        T result = default!;
        var table = new Table().Title(title).AddColumns("shard", "height", "view changes done/started", "view-changing", "deliveries");
        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            result = await run(p =>
            {
                table.Rows.Clear();
                foreach (var s in p.Shards) table.AddRow(s.Shard.ToString(CultureInfo.InvariantCulture), s.Height.ToString(CultureInfo.InvariantCulture),
                    ViewChanges(s), ViewChanging(s), s.Deliveries.ToString(CultureInfo.InvariantCulture));
                table.Caption(Caption(p));
                context.Refresh();
            });
        });
        return result;
    }

    /// <summary>
    /// <c>s0:h12/vc1/3/24s</c>: shard, height, view changes completed / started, virtual seconds spent view-changing; a
    /// shard stuck view-changing shows its starts and time climbing while completed ones stay put.
    /// </summary>
    private string Line(RunProgress p) =>
        $"{Caption(p)} | " + string.Join(" ", p.Shards.Select(s => $"s{s.Shard}:h{s.Height}/vc{ViewChanges(s)}/{ViewChanging(s)}"));

    private static string ViewChanges(ShardProgress s) => string.Create(CultureInfo.InvariantCulture, $"{s.ViewChanges}/{s.ViewChangesStarted}");

    private static string ViewChanging(ShardProgress s) => string.Create(CultureInfo.InvariantCulture, $"{s.TimeViewChanging.TotalSeconds:0}s");

    private string Caption(RunProgress p)
    {
        var blocks = p.Shards.Sum(s => (double)s.Height);
        var wall = Math.Max(_wall.Elapsed.TotalSeconds, 1e-3);
        var completed = p.Shards.Count > 0 ? p.Shards[0].EpochsCompleted : 0;
        // A run measured in epochs shows how many are done; its time limit is only a cap for a stalled network.
        var goal = p.EpochGoal is { } epochs
            ? $"t={p.Now.TotalSeconds:0}s  epochs {completed}/{epochs}"
            : $"t={p.Now.TotalSeconds:0}s/{p.Duration.TotalSeconds:0}s" + (completed > 0 ? $"  epochs {completed}" : "");
        return string.Create(CultureInfo.InvariantCulture, $"{goal}  {p.Now.TotalSeconds / wall:0.0}x real time  {blocks / wall:0.0} blocks/s");
    }
}
