using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using ScottPlot;

namespace HarmonySim.Silo.Reports;

/// <summary>The report's PNG plots (ScottPlot): height over time per shard, block-time distribution, view changes over time.</summary>
public static class Plots
{
    public const string Height = "height.png";
    public const string BlockTimes = "block-times.png";
    public const string ViewChanges = "view-changes.png";

    public static IReadOnlyList<string> Write(string directory, RunRecord result)
    {
        var height = new Plot();
        foreach (var shard in result.Shards)
        {
            var commits = shard.Commits;
            if (commits.Count == 0) continue;
            var line = height.Add.ScatterLine(commits.Select(c => c.CommittedAt.TotalSeconds).ToArray(), commits.Select(c => (double)c.Height).ToArray());
            line.LegendText = $"shard {shard.Shard}";
        }
        height.Title("Height over time");
        height.XLabel("virtual time (s)");
        height.YLabel("height");
        height.ShowLegend();
        height.SavePng(Path.Combine(directory, Height), 900, 450);

        var times = result.Shards.SelectMany(s => s.Commits.Zip(s.Commits.Skip(1), (a, b) => (b.CommittedAt - a.CommittedAt).TotalSeconds)).ToArray();
        var blockTimes = new Plot();
        if (times.Length > 0)
        {
            var histogram = ScottPlot.Statistics.Histogram.WithBinSize(0.1, times.Min(), times.Max() + 0.1);
            histogram.AddRange(times);
            blockTimes.Add.Bars(histogram.Bins, histogram.Counts);
        }
        blockTimes.Title("Block time distribution (all shards)");
        blockTimes.XLabel("seconds between commits");
        blockTimes.YLabel("blocks");
        blockTimes.SavePng(Path.Combine(directory, BlockTimes), 900, 450);

        var viewChanges = new Plot();
        foreach (var shard in result.Shards.Where(s => s.ViewChangeTimes.Count > 0))
        {
            var xs = shard.ViewChangeTimes.Select(t => t.TotalSeconds).ToArray();
            var line = viewChanges.Add.ScatterLine(xs, Enumerable.Range(1, xs.Length).Select(i => (double)i).ToArray());
            line.LegendText = $"shard {shard.Shard}";
        }
        viewChanges.Title("View changes over time (cumulative)");
        viewChanges.XLabel("virtual time (s)");
        viewChanges.YLabel("view changes");
        viewChanges.SavePng(Path.Combine(directory, ViewChanges), 900, 450);
        return [Height, BlockTimes, ViewChanges];
    }
}
