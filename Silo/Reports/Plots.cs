using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using ScottPlot;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// The report's PNG plots (ScottPlot), drawn from the streamed tallies: height over time per shard, block-time
/// distribution, view changes over time (lines thinned evenly past a few thousand points; the distribution exact).
/// </summary>
public static class Plots
{
    public const string Height = "height.png";
    public const string BlockTimes = "block-times.png";
    public const string ViewChanges = "view-changes.png";

    private const double BinSeconds = 0.1;

    public static IReadOnlyList<string> Write(string directory, RunRecord result)
    {
        var height = new Plot();
        foreach (var tally in result.Tallies.Where(t => !t.HeightOverTime.IsEmpty))
        {
            var points = tally.HeightOverTime.Points;
            var line = height.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = $"shard {tally.Shard}";
        }
        height.Title("Height over time");
        height.XLabel("virtual time (s)");
        height.YLabel("height");
        height.ShowLegend();
        height.SavePng(Path.Combine(directory, Height), 900, 450);

        var times = result.Tallies.SelectMany(t => t.BlockTimes.Values).ToList();
        var blockTimes = new Plot();
        if (times.Count > 0)
        {
            // The distribution holds a count per distinct value: bin those counts, not one sample at a time.
            var bins = ScottPlot.Statistics.Histogram.WithBinSize(BinSeconds, times.Min(t => t.Seconds), times.Max(t => t.Seconds) + BinSeconds).Bins;
            var counts = new double[bins.Length];
            foreach (var (seconds, count) in times)
                counts[Math.Clamp((int)((seconds - bins[0]) / BinSeconds), 0, bins.Length - 1)] += count;
            blockTimes.Add.Bars(bins, counts);
        }
        blockTimes.Title("Block time distribution (all shards)");
        blockTimes.XLabel("seconds between commits");
        blockTimes.YLabel("blocks");
        blockTimes.SavePng(Path.Combine(directory, BlockTimes), 900, 450);

        var viewChanges = new Plot();
        foreach (var tally in result.Tallies.Where(t => !t.ViewChangesOverTime.IsEmpty))
        {
            var points = tally.ViewChangesOverTime.Points;
            var line = viewChanges.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = $"shard {tally.Shard}";
        }
        viewChanges.Title("View changes over time (cumulative)");
        viewChanges.XLabel("virtual time (s)");
        viewChanges.YLabel("view changes");
        viewChanges.SavePng(Path.Combine(directory, ViewChanges), 900, 450);
        return [Height, BlockTimes, ViewChanges];
    }
}
