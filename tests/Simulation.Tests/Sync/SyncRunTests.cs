using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Sync;

/// <summary>
/// Syncs in whole runs: a node that was down catches up through the chosen model and ends with the state of a node
/// that never left, a longer downtime means a longer sync, and fast sync brings a node back to signing sooner than
/// staged sync after a long downtime.
/// </summary>
[TestClass]
public sealed class SyncRunTests
{
    // Scaled down so a long gap is a few hundred blocks: a pivot 32 blocks below the head, a 256 KiB snapshot, 1 Mbit/s links.
    private static readonly SyncPlan Staged = new(SyncKind.Staged) { PivotDistance = 32, StateBytes = 256 << 10, BlockExecution = TimeSpan.FromMilliseconds(200) };
    private static readonly SyncPlan Fast = Staged with { Kind = SyncKind.Fast };

    private static RunPlan Downtime(SyncPlan sync, double downFor, double duration = 0) =>
        new PlanBuilder().WithSync(sync).WithFault(10, FaultKind.Crash, 3).WithFault(10 + downFor, FaultKind.Restart, 3)
            .WithDuration((int)(duration > 0 ? duration : 10 + downFor + 120)).Build() with
        { Latency = new LatencyPlan(["a", "b"], [[5, 40], [40, 5]], TimeSpan.FromMilliseconds(10), 0, 1) };

    private static (SyncResult Sync, ShardNetwork Network, LocalRun Run) Run(RunPlan plan)
    {
        var run = new LocalRun(plan);
        run.RunToEnd();
        return (run.Result().Shards[0].Sync ?? throw new AssertFailedException("no sync recorded"), run.Networks[0], run);
    }

    [TestMethod]
    public void A_synced_node_ends_with_the_state_of_a_node_that_never_left()
    {
        foreach (var sync in new[] { SyncPlan.Fixed, Staged, Fast })
        {
            var (result, network, run) = Run(Downtime(sync, 400));
            using var _ = run;
            var (synced, online) = (network.HeadOf(3)!, network.HeadOf(0)!);
            Assert.AreEqual(online.Number, synced.Number, $"{sync.Kind}: caught up with the shard");
            Assert.AreEqual(online.Hash, synced.Hash, $"{sync.Kind}: the same chain");
            Assert.AreEqual(online.Header.Root, synced.Header.Root, $"{sync.Kind}: the same state root");
            Assert.AreEqual(network.StatusOf(0)!.ViewId, network.StatusOf(3)!.ViewId, $"{sync.Kind}: the same view");
            var first = result.Syncs.Where(s => s.Node == 3).MaxBy(s => s.Blocks)!;
            Assert.IsGreaterThan(150UL, first.Blocks, $"{sync.Kind}: the downtime's blocks came in one sync");
            Assert.AreEqual(sync.Kind switch { SyncKind.Fixed => "fixed", SyncKind.Staged => "staged", _ => "fast" }, first.Method);
            var rejoin = result.Rejoins.Single();
            Assert.AreEqual(3, rejoin.Node);
            Assert.IsNotNull(rejoin.SignedAgainAfterS, $"{sync.Kind}: the node voted again");
            Assert.IsGreaterThanOrEqualTo(first.Blocks, rejoin.BlocksSynced);
        }
    }

    [TestMethod]
    public void A_longer_downtime_takes_a_longer_sync()
    {
        foreach (var sync in new[] { Staged, Fast })
        {
            double Longest(double downFor)
            {
                var (result, _, run) = Run(Downtime(sync, downFor));
                using var _ = run;
                return result.Syncs.Where(s => s.Node == 3).Max(s => s.DurationS);
            }
            var (shorter, longer) = (Longest(100), Longest(400));
            Assert.IsLessThan(longer, shorter, $"{sync.Kind}: 100 s down synced in {shorter} s, 400 s down in {longer} s");
        }
    }

    [TestMethod]
    public void After_a_long_downtime_fast_sync_brings_the_node_back_to_signing_sooner_than_staged_sync()
    {
        var (staged, _, stagedRun) = Run(Downtime(Staged, 600));
        using var _s = stagedRun;
        var (fast, _, fastRun) = Run(Downtime(Fast, 600));
        using var _f = fastRun;
        var (s, f) = (staged.Syncs.Where(x => x.Node == 3).MaxBy(x => x.Blocks)!, fast.Syncs.Where(x => x.Node == 3).MaxBy(x => x.Blocks)!);
        Assert.AreEqual("fast", f.Method);
        // Staged sync re-executes every one of ~300 blocks (200 ms each); fast sync checks their headers and fetches a
        // snapshot, then re-executes only the 32 above the pivot.
        Assert.IsLessThan(s.DurationS / 2, f.DurationS, $"fast {f.DurationS} s for {f.Blocks} blocks, staged {s.DurationS} s for {s.Blocks}");
        Assert.IsLessThan(staged.Rejoins.Single().SignedAgainAfterS!.Value, fast.Rejoins.Single().SignedAgainAfterS!.Value);
    }

    [TestMethod]
    public void A_node_cut_off_from_every_peer_does_not_sync_until_the_cut_heals()
    {
        var plan = new PlanBuilder().WithSync(Staged).WithFault(10, FaultKind.Crash, 3).WithPartition(100, [0, 1, 2], [3])
            .WithFault(110, FaultKind.Restart, 3).WithFault(200, FaultKind.EndPartition).WithDuration(320).Build();
        var (result, network, run) = Run(plan);
        using var _ = run;
        Assert.IsTrue(result.Syncs.All(s => s.StartS >= 200), string.Join(", ", result.Syncs.Select(s => s.StartS)));
        Assert.AreEqual(network.HeadOf(0)!.Hash, network.HeadOf(3)!.Hash);
    }
}
