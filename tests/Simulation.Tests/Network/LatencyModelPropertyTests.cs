using CsCheck;
using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>
/// The latency model over the extremes the scenario loader accepts (latency.one_way_ms 0–60,000, jitter 0–60 s,
/// bandwidth 0.001–1,000,000 Mbit/s or none): a delay never throws, never goes below the link's one-way latency and
/// is whole milliseconds. Message sizes go to int.MaxValue, far beyond the largest wire size (a 1,000-key vote is
/// ~48 KB), so no future message can break it either.
/// </summary>
[TestClass]
public sealed class LatencyModelPropertyTests
{
    // The loader's bounds (Silo/Scenarios/ScenarioReader.cs, ReadLatency).
    private const double MaxLatencyMs = 60_000;
    private const double MinBandwidthMbps = 0.001;
    private const double MaxBandwidthMbps = 1_000_000;
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(60);

    private static readonly Gen<double> Latency = Gen.OneOf(Gen.Const(0.0), Gen.Const(MaxLatencyMs), Gen.Const(0.0001), Gen.Double[0, MaxLatencyMs]);

    private static readonly Gen<double?> Bandwidth = Gen.OneOf(
        Gen.Const((double?)null), Gen.Const((double?)MinBandwidthMbps), Gen.Const((double?)MaxBandwidthMbps),
        Gen.Double[MinBandwidthMbps, MaxBandwidthMbps].Select(b => (double?)b));

    private static readonly Gen<TimeSpan> Jitter = Gen.OneOf(Gen.Const(TimeSpan.Zero), Gen.Const(MaxJitter),
        Gen.Long[0, MaxJitter.Ticks].Select(TimeSpan.FromTicks));

    private static readonly Gen<int> Bytes = Gen.OneOf(Gen.Const(0), Gen.Const(int.MaxValue), Gen.Const((1 << 28) + 1), Gen.Int[0, int.MaxValue]);

    private static readonly Gen<(LatencyPlan Plan, int Bytes, int Seed)> Cases =
        from regions in Gen.Int[1, 4]
        from matrix in Latency.Array[regions].Array[regions]
        from jitter in Jitter
        from bandwidth in Bandwidth
        from bytes in Bytes
        from seed in Gen.Int
        select (new LatencyPlan([.. Enumerable.Range(0, regions).Select(r => $"r{r}")],
            [.. matrix.Select(row => (IReadOnlyList<double>)row)], jitter, 0, bandwidth), bytes, seed);

    [TestMethod]
    public void A_delay_never_throws_and_is_at_least_the_links_latency_in_whole_milliseconds()
    {
        Cases.Sample(c =>
        {
            var model = new LatencyModel(c.Plan);
            var random = new Random(c.Seed);
            for (var from = 0; from < c.Plan.Regions.Count; from++)
            for (var to = 0; to < c.Plan.Regions.Count; to++)
            {
                var delay = model.Delay(from, to, c.Bytes, random);
                if (delay < TimeSpan.FromMilliseconds(c.Plan.OneWayMs[from][to])) return false;
                if (delay.Ticks % TimeSpan.TicksPerMillisecond != 0) return false;
            }
            return model.MinimumLatency >= TimeSpan.FromMilliseconds(1);
        }, iter: 2_000);
    }

    [TestMethod]
    public void A_message_over_256_MiB_on_a_slow_link_takes_longer_not_a_negative_time()
    {
        // bytes × 8 in int wrapped for sizes over 2^28 and gave a negative transfer time.
        var model = new LatencyModel(new LatencyPlan(["a"], [[10]], TimeSpan.Zero, 0, MinBandwidthMbps));
        var small = model.Delay(0, 0, 1 << 20, new Random(1));
        var large = model.Delay(0, 0, (1 << 28) + 1, new Random(1));
        Assert.AreEqual(TimeSpan.FromMilliseconds(10 + (1 << 20) * 8.0), small);
        Assert.IsGreaterThan(small, large);
        Assert.AreEqual(TimeSpan.FromMilliseconds(10 + ((1 << 28) + 1) * 8.0), large);
    }
}
