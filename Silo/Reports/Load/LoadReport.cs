using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// report.json <c>transactions.load</c>: the open-loop load of a run with a load section. Offered counts every
/// transaction intended by the end of the run; submitted, those the pools accepted; rejected, those refused (by
/// reason); evicted, those a full pool dropped for better-paying ones; finalised, those in a canonical block; pending,
/// those still in a pool at the end. Latencies run from the intended send time to inclusion (the block's proposal),
/// finality (its commit) and, across shards, credit on the destination (docs/SCENARIOS.md, "Load").
/// </summary>
public sealed record LoadReport(
    string Signing,
    ulong BlockGasLimit,
    double OfferedTps,
    double AchievedTps,
    long Offered,
    long Submitted,
    long Late,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    long Evicted,
    long Finalised,
    long Pending,
    long CrossShardCredited,
    LoadLatencies LatencyS,
    LoadBlocks Blocks,
    IReadOnlyList<LoadShardReport> Shards,
    SaturationReport? Saturation)
{
    /// <summary>The window over which finality percentiles are plotted over time.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static TimeSpan FinalityBound(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Load?.SaturationFinalityBound ?? plan.Timing.BlockTime * 3;
    }

    public static LoadReport Build(RunRecord result, IReadOnlyList<LoadTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tallies);
        var plan = result.Plan;
        var load = plan.Load!;
        var seconds = result.SimulatedTime.TotalSeconds;
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tallies)
            foreach (var (reason, n) in t.Rejected) reasons[reason] = reasons.GetValueOrDefault(reason) + n;
        var finalised = tallies.Sum(t => t.Finalised);
        var perBlock = load.BlockGasLimit / Protocol.Chain.Transactions.Transfer.IntrinsicGas;
        var ceiling = perBlock / plan.Timing.BlockTime.TotalSeconds;
        var blocks = tallies.Sum(t => t.Blocks);
        return new LoadReport(
            load.Signing.ToString().ToLowerInvariant(), load.BlockGasLimit,
            seconds <= 0 ? 0 : Math.Round(tallies.Sum(t => t.Offered) / seconds, 3),
            seconds <= 0 ? 0 : Math.Round(finalised / seconds, 3),
            tallies.Sum(t => t.Offered), tallies.Sum(t => t.Submitted), tallies.Sum(t => t.Late), reasons.Values.Sum(), reasons,
            tallies.Sum(t => t.Evicted), finalised, result.Shards.Sum(s => (long)s.LoadPending), tallies.Sum(t => t.Credited),
            LoadLatencies.Of(tallies),
            new LoadBlocks(blocks, tallies.Sum(t => t.FullBlocks), perBlock,
                blocks == 0 ? 0 : Math.Round(100.0 * tallies.Sum(t => (double)t.GasUsed) / (blocks * (double)load.BlockGasLimit), 3),
                tallies.Select(t => (long)t.MaxMempoolDepth).DefaultIfEmpty(0).Max(),
                load.Mempool.Capacity),
            [.. tallies.Select(t => LoadShardReport.Of(t, result.Shards[t.Shard].LoadPending, seconds))],
            tallies.Count > 0 && tallies[0].Steps.Count > 0 ? Reports.Load.Saturation.Of(tallies, FinalityBound(plan), ceiling) : null);
    }
}

/// <summary>Latency percentiles (seconds) from intended send time to inclusion, finality and cross-shard credit.</summary>
public sealed record LoadLatencies(LatencyQuantiles Inclusion, LatencyQuantiles Finality, LatencyQuantiles Credit)
{
    public static LoadLatencies Of(IReadOnlyList<LoadTally> tallies) => new(
        LatencyQuantiles.Of(LatencyHistogram.Merged(tallies.Select(t => t.Inclusion))),
        LatencyQuantiles.Of(LatencyHistogram.Merged(tallies.Select(t => t.Finality))),
        LatencyQuantiles.Of(LatencyHistogram.Merged(tallies.Select(t => t.Credit))));
}

/// <summary>p50, p95, p99 and p99.9 in seconds, and how many samples they summarise.</summary>
public sealed record LatencyQuantiles(long Count, double P50, double P95, double P99, [property: System.Text.Json.Serialization.JsonPropertyName("p99_9")] double P999)
{
    public static LatencyQuantiles Of(LatencyHistogram h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Count, h.Seconds(50), h.Seconds(95), h.Seconds(99), h.Seconds(99.9));
    }
}

/// <summary>Canonical blocks with transactions: how many, how many full (no room for one more transfer), transfers that fit one, mean fullness, and the deepest pool.</summary>
public sealed record LoadBlocks(long Count, long Full, ulong TransfersPerBlock, double MeanFullnessPercent, long MaxMempoolDepth, int MempoolCapacity);

/// <summary>One shard's load: offered and achieved rates, counts, finality percentiles.</summary>
public sealed record LoadShardReport(int Shard, double OfferedTps, double AchievedTps, long Offered, long Rejected, long Evicted, long Finalised, long Pending, LatencyQuantiles FinalityS)
{
    public static LoadShardReport Of(LoadTally t, long pending, double seconds)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Shard, seconds <= 0 ? 0 : Math.Round(t.Offered / seconds, 3), seconds <= 0 ? 0 : Math.Round(t.Finalised / seconds, 3),
            t.Offered, t.RejectedTotal, t.Evicted, t.Finalised, pending, LatencyQuantiles.Of(t.Finality));
    }
}
