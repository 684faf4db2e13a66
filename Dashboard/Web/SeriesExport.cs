using System.Globalization;
using System.Text;
using HarmonySim.Dashboard.Model;

namespace HarmonySim.Dashboard.Web;

/// <summary>The run's series as CSV, one row per shard per bucket of virtual time; empty cells where a bucket had no block.</summary>
public static class SeriesExport
{
    public const string Header = "t_s,shard,height,blocks,block_interval_mean_s,finality_p50_s,finality_p99_s,view_changes,transactions,tps";

    public static string Csv(IEnumerable<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in points)
            text.Append(CultureInfo.InvariantCulture, $"{p.T:0.######},{p.Shard},{p.Height},{p.Blocks},{Cell(p.IntervalMean)},{Cell(p.FinalityP50)},{Cell(p.FinalityP99)},{p.ViewChanges},{p.Transactions},{p.Tps(RunView.Bucket):0.###}\n");
        return text.ToString();
    }

    private static string Cell(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";
}
