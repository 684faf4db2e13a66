using System.Globalization;
using System.Text;
using ScottPlot;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// The load's plots (ScottPlot) and its per-second table: offered vs achieved TPS over time (the network's, per
/// virtual second), finality p50 and p99 per window for each shard, and each shard's mempool depth at every block.
/// </summary>
public static class LoadPlots
{
    public const string Tps = "tps.png";
    public const string Latency = "finality-over-time.png";
    public const string Mempool = "mempool.png";
    public const string Table = "transactions.csv";

    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<LoadTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        if (tallies.Count == 0) return [];
        var seconds = tallies.Max(t => Math.Max(t.OfferedPerSecond.Count, t.FinalisedPerSecond.Count));
        double[] xs = [.. Enumerable.Range(0, seconds).Select(s => (double)s)];
        double[] Sum(Func<LoadTally, IReadOnlyList<int>> of) => [.. Enumerable.Range(0, seconds).Select(s => (double)tallies.Sum(t => s < of(t).Count ? of(t)[s] : 0))];

        var tps = new Plot();
        if (seconds > 0)
        {
            tps.Add.ScatterLine(xs, Sum(t => t.OfferedPerSecond)).LegendText = "offered";
            tps.Add.ScatterLine(xs, Sum(t => t.FinalisedPerSecond)).LegendText = "achieved (finalised)";
        }
        tps.Title("Transactions per second, network");
        tps.XLabel("virtual time (s)");
        tps.YLabel("tx/s");
        tps.ShowLegend();
        tps.SavePng(Path.Combine(directory, Tps), 900, 450);

        var latency = new Plot();
        foreach (var t in tallies.Where(t => t.FinalityOverTime.Count > 0))
        {
            double[] ends = [.. t.FinalityOverTime.Select(w => w.End)];
            latency.Add.ScatterLine(ends, [.. t.FinalityOverTime.Select(w => w.P50)]).LegendText = $"shard {t.Shard} p50";
            latency.Add.ScatterLine(ends, [.. t.FinalityOverTime.Select(w => w.P99)]).LegendText = $"shard {t.Shard} p99";
        }
        latency.Title($"Finality from intended send time, per {LoadReport.Window.TotalSeconds:0} s window");
        latency.XLabel("virtual time (s)");
        latency.YLabel("seconds");
        latency.ShowLegend();
        latency.SavePng(Path.Combine(directory, Latency), 900, 450);

        var mempool = new Plot();
        foreach (var t in tallies.Where(t => !t.MempoolDepth.IsEmpty))
        {
            var points = t.MempoolDepth.Points;
            mempool.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray()).LegendText = $"shard {t.Shard}";
        }
        mempool.Title("Mempool depth after each block");
        mempool.XLabel("virtual time (s)");
        mempool.YLabel("transactions");
        mempool.ShowLegend();
        mempool.SavePng(Path.Combine(directory, Mempool), 900, 450);

        var table = new StringBuilder("second,shard,offered,finalised\n");
        for (var s = 0; s < seconds; s++)
            foreach (var t in tallies)
                table.Append(CultureInfo.InvariantCulture, $"{s},{t.Shard},{At(t.OfferedPerSecond, s)},{At(t.FinalisedPerSecond, s)}\n");
        File.WriteAllText(Path.Combine(directory, Table), table.ToString());
        return [Tps, Latency, Mempool];
    }

    private static int At(IReadOnlyList<int> values, int i) => i < values.Count ? values[i] : 0;
}
