namespace HarmonySim.Simulation.Network;

/// <summary>
/// Delay of one message on one link: the one-way latency between the two nodes' regions, uniform jitter, and the
/// time to push the message through the link when a bandwidth is set. Draws come from the shard's seeded generator.
/// </summary>
/// <remarks>
/// No overflow for any plan the scenario loader accepts: latencies are at most 60,000 ms, jitter at most 60 s and
/// bandwidth at least 0.001 Mbit/s, so even an int.MaxValue-byte message adds at most 2^31 × 8 / 1 ms ≈ 1.7·10^10 ms
/// (200 days): the sum stays far below TimeSpan's 9.2·10^14 ms, and <see cref="Quantize"/> adds under a millisecond
/// to it. The size is multiplied in double, not int, so a message over 256 MiB cannot wrap to a negative delay.
/// </remarks>
public sealed class LatencyModel(LatencyPlan plan)
{
    /// <summary>
    /// Network delays are rounded up to whole milliseconds, so deliveries line up on shared instants and batch. For
    /// any delay up to TimeSpan.MaxValue minus a millisecond (every delay <see cref="Delay"/> makes, see above).
    /// </summary>
    public static TimeSpan Quantize(TimeSpan t) => TimeSpan.FromTicks((t.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);

    public TimeSpan Delay(int fromRegion, int toRegion, int bytes, Random random)
    {
        // Always one jitter draw (unlike JitterMs), so every delivery consumes the generator alike.
        var ms = OneWayMs(fromRegion, toRegion) + random.NextDouble() * plan.Jitter.TotalMilliseconds;
        return Quantize(TimeSpan.FromMilliseconds(ms + SerialisationMs(bytes)));
    }

    /// <summary>The one-way latency between two regions in milliseconds, without jitter (a gossip hop's link).</summary>
    public double OneWayMs(int fromRegion, int toRegion) => plan.OneWayMs[fromRegion][toRegion];

    /// <summary>Milliseconds to push <paramref name="bytes"/> through a link (0 without a bandwidth).</summary>
    public double SerialisationMs(int bytes) => plan.BandwidthMbps is { } mbps && mbps > 0 ? bytes * 8.0 / (mbps * 1000) : 0;

    /// <summary>A uniform jitter draw in milliseconds, or 0 (and no draw) when the plan has no jitter.</summary>
    public double JitterMs(Random random) => plan.Jitter > TimeSpan.Zero ? random.NextDouble() * plan.Jitter.TotalMilliseconds : 0;

    public bool HasLoss => plan.Loss > 0;

    public bool Lost(Random random) => plan.Loss > 0 && random.NextDouble() < plan.Loss;

    /// <summary>The smallest one-way latency between any two regions: the synchronisation window across shards.</summary>
    public TimeSpan MinimumLatency => Quantize(TimeSpan.FromMilliseconds(Math.Max(1, plan.OneWayMs.SelectMany(r => r).DefaultIfEmpty(1).Min())));
}
