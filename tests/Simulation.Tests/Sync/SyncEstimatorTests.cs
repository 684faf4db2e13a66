using CsCheck;
using HarmonySim.Simulation.Sync;

namespace HarmonySim.Simulation.Tests.Sync;

/// <summary>
/// The sync model on its own: a longer gap never takes less time or fewer bytes, short gaps take the short-range
/// path, a bandwidth bounds a download from below, and fast sync overtakes staged sync for long gaps by at least the
/// re-execution it skips per block beyond the pivot.
/// </summary>
[TestClass]
public sealed class SyncEstimatorTests
{
    // A mainnet-like empty block (~700 bytes with its commit signature) and a loaded one (~400 kB, 1,800 transfers).
    private static readonly FetchedBlock Empty = new(700, 600, 0);
    private static readonly FetchedBlock Full = new(400_000, 600, 1_800);

    // Six peers 40–200 ms away, round trip.
    private static readonly double[] Peers = [40, 80, 80, 120, 160, 200];

    private static double MsPerByte(double mbps) => 8.0 / (mbps * 1000);

    private static SyncEstimator Estimator(SyncKind kind, double mbps = 50) =>
        new(new SyncPlan(kind), MsPerByte(mbps), TimeSpan.FromMilliseconds(0.05), TimeSpan.FromMilliseconds(2));

    private static FetchedBlock[] Gap(int blocks, FetchedBlock block) => Enumerable.Repeat(block, blocks).ToArray();

    [TestMethod]
    public void A_longer_gap_never_takes_less_time_or_fewer_bytes()
    {
        Gen.Select(Gen.Int[1, 6_000], Gen.Int[0, 3_000], Gen.Bool, Gen.OneOf(Gen.Const(SyncKind.Staged), Gen.Const(SyncKind.Fast)), Gen.Double[1, 1_000])
            .Sample((blocks, more, full, kind, mbps) =>
            {
                var estimator = new SyncEstimator(new SyncPlan(kind), MsPerByte(mbps), TimeSpan.FromMilliseconds(0.05), TimeSpan.FromMilliseconds(2));
                var block = full ? Full : Empty;
                var shorter = estimator.Estimate(Gap(blocks, block), Peers);
                var longer = estimator.Estimate(Gap(blocks + more, block), Peers);
                return longer.Ms >= shorter.Ms - 1e-6 && (kind == SyncKind.Fast || longer.Bytes >= shorter.Bytes);
            }, iter: 300);
    }

    [TestMethod]
    public void Gaps_within_the_last_mile_take_the_short_range_path_and_longer_ones_the_chosen_one()
    {
        var cases = new (SyncKind Kind, int Blocks, SyncMethod Expected)[]
        {
            (SyncKind.Staged, 1, SyncMethod.ShortRange),
            (SyncKind.Staged, 10, SyncMethod.ShortRange),
            (SyncKind.Staged, 11, SyncMethod.Staged),
            (SyncKind.Fast, 10, SyncMethod.ShortRange),
            // Fast sync only pays once the gap reaches past the pivot (1,024 blocks below the head) and the last mile.
            (SyncKind.Fast, 1_034, SyncMethod.Staged),
            (SyncKind.Fast, 1_035, SyncMethod.Fast),
        };
        foreach (var (kind, blocks, expected) in cases)
            Assert.AreEqual(expected, Estimator(kind).Estimate(Gap(blocks, Empty), Peers).Method, $"{kind}, {blocks} blocks");
    }

    [TestMethod]
    public void A_download_takes_at_least_its_bytes_over_the_bandwidth_and_at_least_a_round_trip_per_request_and_peer()
    {
        foreach (var mbps in new[] { 1.0, 50, 1_000 })
            foreach (var blocks in new[] { 5, 500, 5_000 })
            {
                var estimate = Estimator(SyncKind.Staged, mbps).Estimate(Gap(blocks, Full), Peers);
                Assert.IsGreaterThanOrEqualTo(blocks * (long)Full.Bytes, estimate.Bytes, "every block's bytes are downloaded");
                Assert.IsGreaterThanOrEqualTo(estimate.Bytes * MsPerByte(mbps), estimate.Ms, $"{blocks} blocks at {mbps} Mbit/s: the link bounds it");
                var requestsPerPeer = (blocks + 9) / 10 / Peers.Length;
                Assert.IsGreaterThanOrEqualTo(requestsPerPeer * Peers.Min(), estimate.Ms, "each peer answers its body requests one after the other");
            }
    }

    [TestMethod]
    public void Fast_sync_overtakes_staged_sync_for_long_gaps_by_at_least_the_execution_it_skips()
    {
        // With full blocks the per-block cost of staged sync is re-execution (20 ms + 1,800 × 0.05 ms) plus the body's
        // download; fast sync pays a header (600 bytes) and its check (2 ms) instead, and a fixed 100 MiB snapshot.
        var staged = Estimator(SyncKind.Staged);
        var fast = Estimator(SyncKind.Fast);
        var perBlockSkipped = 20 + 1_800 * 0.05 - 2;
        double? previousLead = null;
        foreach (var blocks in new[] { 5_000, 10_000, 20_000, 40_000 })
        {
            var gap = Gap(blocks, Full);
            var (s, f) = (staged.Estimate(gap, Peers), fast.Estimate(gap, Peers));
            Assert.AreEqual(SyncMethod.Fast, f.Method);
            Assert.IsLessThan(s.Ms, f.Ms, $"{blocks} blocks: fast {f.Ms / 1000:0} s, staged {s.Ms / 1000:0} s");
            Assert.IsLessThan(s.Bytes, f.Bytes, "fast sync downloads headers and a snapshot instead of most bodies");
            var lead = s.Ms - f.Ms;
            if (previousLead is { } p)
                Assert.IsGreaterThanOrEqualTo(p + (blocks / 2) * perBlockSkipped, lead, "the lead grows by at least the skipped execution per block");
            previousLead = lead;
        }
    }

    [TestMethod]
    public void Short_gaps_of_empty_blocks_cost_fast_sync_nothing_over_staged_sync()
    {
        foreach (var blocks in new[] { 1, 10, 200, 1_000 })
        {
            var gap = Gap(blocks, Empty);
            Assert.AreEqual(Estimator(SyncKind.Staged).Estimate(gap, Peers), Estimator(SyncKind.Fast).Estimate(gap, Peers), $"{blocks} blocks");
        }
    }
}
