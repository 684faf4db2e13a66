using System.Globalization;
using System.Text;

namespace HarmonySim.Silo.Reports.Sync;

/// <summary>
/// The report's sync section (issue 14): each node that came back after downtime with the blocks it synced and how
/// long until it signed again, then every sync (node, path, blocks, bytes, start, duration).
/// </summary>
public static class SyncReport
{
    public static void AppendMarkdown(StringBuilder md, RunReport r)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(r);
        var shards = r.Shards.Where(s => s.Sync is not null).ToList();
        if (shards.Count == 0) return;
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Sync ({shards[0].Sync!.Mode})");
        var rejoins = shards.SelectMany(s => s.Sync!.Rejoins.Select(j => (Shard: s.Id, Rejoin: j))).ToList();
        if (rejoins.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| shard | node | restarted (s) | blocks synced | signed again after (s) |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var (shard, j) in rejoins)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {shard} | {j.Node} | {j.RestartedAtS:0.###} | {j.BlocksSynced} | {(j.SignedAgainAfterS is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) : "not by the end")} |");
        }
        var syncs = shards.SelectMany(s => s.Sync!.Syncs.Select(x => (Shard: s.Id, Sync: x))).ToList();
        if (syncs.Count == 0) return;
        md.AppendLine();
        md.AppendLine("| shard | node | path | heights | blocks | bytes | started (s) | duration (s) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (shard, x) in syncs)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {shard} | {x.Node} | {x.Method} | {x.FromHeight}–{x.ToHeight} | {x.Blocks} | {x.Bytes} | {x.StartS:0.###} | {x.DurationS:0.###} |");
    }
}
