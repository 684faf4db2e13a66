using System.Globalization;
using System.Text;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>report.md's load section: offered vs achieved, where transactions went, latency percentiles, blocks, per-shard lines and the saturation search.</summary>
public static class LoadMarkdown
{
    public static void Append(StringBuilder md, LoadReport l)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(l);
        var c = CultureInfo.InvariantCulture;
        md.AppendLine();
        md.AppendLine("### Load (open loop)");
        md.AppendLine();
        md.AppendLine(c, $"Offered {l.OfferedTps:0.##} tx/s, achieved {l.AchievedTps:0.##} tx/s (finalised). Signatures: {l.Signing}; block gas limit {l.BlockGasLimit:N0} ({l.Blocks.TransfersPerBlock:N0} transfers per block).");
        md.AppendLine();
        md.AppendLine(c, $"{l.Offered} offered = {l.Rejected} rejected + {l.Evicted} evicted + {l.Finalised} finalised + {l.Pending} pending; {l.Late} late; {l.CrossShardCredited} credited across shards.");
        if (l.RejectedByReason.Count > 0)
            md.AppendLine(c, $"Rejected by reason: {string.Join(", ", l.RejectedByReason.Select(kv => $"{kv.Key} {kv.Value}"))}.");
        md.AppendLine();
        md.AppendLine("| latency from intended send time | samples | p50 (s) | p95 (s) | p99 (s) | p99.9 (s) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, q) in new[] { ("to inclusion", l.LatencyS.Inclusion), ("to finality", l.LatencyS.Finality), ("to credit (cross-shard)", l.LatencyS.Credit) })
            md.AppendLine(c, $"| {name} | {q.Count} | {Stats.Format(q.P50)} | {Stats.Format(q.P95)} | {Stats.Format(q.P99)} | {Stats.Format(q.P999)} |");
        md.AppendLine();
        md.AppendLine(c, $"{l.Blocks.Count} blocks, {l.Blocks.Full} full, mean fullness {l.Blocks.MeanFullnessPercent:0.#} %; deepest mempool {l.Blocks.MaxMempoolDepth} of {l.Blocks.MempoolCapacity}.");
        md.AppendLine();
        md.AppendLine("| shard | offered tx/s | achieved tx/s | rejected | evicted | finalised | pending | finality p50 / p99 (s) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in l.Shards)
            md.AppendLine(c, $"| {s.Shard} | {s.OfferedTps:0.##} | {s.AchievedTps:0.##} | {s.Rejected} | {s.Evicted} | {s.Finalised} | {s.Pending} | {Stats.Format(s.FinalityS.P50)} / {Stats.Format(s.FinalityS.P99)} |");
        if (l.Saturation is not { } sat) return;
        md.AppendLine();
        md.AppendLine("### Saturation");
        md.AppendLine();
        var verdict = sat.Network is { } point
            ? $"The network saturates at the step offering {point.OfferedTps:0.##} tx/s: achieved {point.AchievedTps:0.##} tx/s, finality p50 / p99 {Stats.Format(point.FinalityP50S)} / {Stats.Format(point.FinalityP99S)} s — {100 * (sat.ShareOfGasCeiling ?? 0):0.#} % of the gas ceiling ({sat.GasCeilingTps:0.##} tx/s, {sat.GasCeilingTpsPerShard:0.##} per shard). A step holds when achieved is within {100 * Saturation.Tolerance:0} % of offered and p99 finality within {Stats.Format(sat.P99FinalityBoundS)} s."
            : $"No step held (achieved within {100 * Saturation.Tolerance:0} % of offered and p99 finality within {Stats.Format(sat.P99FinalityBoundS)} s).";
        md.AppendLine(verdict);
        md.AppendLine();
        md.AppendLine(c, $"Per shard: {string.Join("; ", sat.Shards.Select(s => $"shard {s.Shard} {(s.Point is { } p ? $"{p.OfferedTps:0.##} tx/s" : "none")}"))}.");
        md.AppendLine();
        md.AppendLine("| step | from (s) | to (s) | offered tx/s | achieved tx/s | finality p50 / p99 (s) | holds |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in sat.Steps)
            md.AppendLine(c, $"| {s.Index} | {Stats.Format(s.FromS)} | {Stats.Format(s.ToS)} | {s.OfferedTps:0.##} | {s.AchievedTps:0.##} | {Stats.Format(s.FinalityP50S)} / {Stats.Format(s.FinalityP99S)} | {(s.Holds ? "yes" : "no")} |");
    }
}
