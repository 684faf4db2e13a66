using System.Globalization;
using System.Text;
using HarmonySim.Simulation.Results;
using ScottPlot;

namespace HarmonySim.Silo.Reports.Propagation;

/// <summary>
/// The report's propagation section (issue 14): per shard, the model, delay p50/p99 per message type, bytes per node
/// per second, copies and duplicates, mesh degree and routing-table memory, ANNOUNCE to two thirds of the shard; and
/// a plot of the fraction of ANNOUNCE receipts made over time per shard.
/// </summary>
public static class PropagationReport
{
    public const string AnnounceReach = "announce-reach.png";

    public static void AppendMarkdown(StringBuilder md, RunReport r)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(r);
        var shards = r.Shards.Where(s => s.Propagation is not null).ToList();
        if (shards.Count == 0) return;
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Propagation ({shards[0].Propagation!.Model})");
        md.AppendLine();
        md.AppendLine("| shard | ANNOUNCE to 2/3 p50 / p99 (ms) | sent B/s per node mean / max | received B/s per node mean / max | copies | duplicate ratio | mesh degree min / mean / max | routing table B per node |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in shards)
        {
            var p = s.Propagation!;
            var mesh = p.Mesh is { } m ? $"{m.Min} / {m.Mean:0.##} / {m.Max}" : "–";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Id} | {p.AnnounceTwoThirdsP50Ms:0} / {p.AnnounceTwoThirdsP99Ms:0} | {p.BytesSentPerNodePerSecondMean:0} / {p.BytesSentPerNodePerSecondMax:0} | {p.BytesReceivedPerNodePerSecondMean:0} / {p.BytesReceivedPerNodePerSecondMax:0} | {p.Copies} | {p.DuplicateRatio:0.###} | {mesh} | {(p.Mesh is null ? "–" : p.RoutingTableBytesPerNode.ToString("0", CultureInfo.InvariantCulture))} |");
        }
        foreach (var s in shards)
            foreach (var e in s.Propagation!.Eclipses)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"\nEclipse of node {e.Victim} (shard {s.Id}) at {e.AtS:0.###} s: the attackers held {e.TableShare:0.##%} of its routing table ({e.AttackersInTable} entries, {e.HonestInTable} honest left); at the end it had {e.HonestMeshPeers} honest mesh peers and had received {e.MessagesAfter} consensus messages since: **{(e.Isolated ? "isolated" : "not isolated")}**.");
        md.AppendLine();
        md.AppendLine("| shard | type | receipts | delay p50 / p99 (ms) |");
        md.AppendLine("|---|---|---|---|");
        foreach (var s in shards)
            foreach (var d in s.Propagation!.Delays)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Id} | {d.Type} | {d.Deliveries} | {d.P50Ms:0} / {d.P99Ms:0} |");
    }

    /// <summary>Draws the ANNOUNCE reach plot; returns its file name, or nothing when no shard sent an ANNOUNCE.</summary>
    public static IReadOnlyList<string> WritePlot(string directory, IReadOnlyList<ShardResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var withReach = shards.Where(s => s.Propagation is { AnnounceReach.Count: > 0 }).ToList();
        if (withReach.Count == 0) return [];
        var plot = new Plot();
        foreach (var s in withReach)
        {
            var points = s.Propagation!.AnnounceReach;
            var line = plot.Add.ScatterLine((double[])[0, .. points.Select(p => p.AtMs)], (double[])[0, .. points.Select(p => p.Fraction)]);
            line.LegendText = $"shard {s.Shard}";
        }
        plot.Title($"ANNOUNCE propagation ({withReach[0].Propagation!.Model}): fraction of receivers reached");
        plot.XLabel("ms after the leader sent it");
        plot.YLabel("fraction of receipts");
        plot.ShowLegend();
        plot.SavePng(Path.Combine(directory, AnnounceReach), 900, 450);
        return [AnnounceReach];
    }
}
