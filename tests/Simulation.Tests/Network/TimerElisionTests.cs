using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>
/// The network drops timer firings a node would ignore (stale tokens) instead of handing them over. Dropping them
/// must change nothing: a run with every firing handed to its node gives the same result, firing for firing.
/// </summary>
[TestClass]
public sealed class TimerElisionTests
{
    private static readonly Dictionary<string, Func<RunPlan>> ByName = new()
    {
        ["healthy"] = () => new PlanBuilder().WithNodes(5).WithDuration(30).Build(),
        ["crash, restart and leader isolation under a CPU cost model"] = () => new PlanBuilder().WithNodes(7).WithLatency(5, 40, jitterMs: 30)
            .WithCost(new CostPlan(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(5)))
            .WithFault(5, FaultKind.Crash, 6).WithIsolateLeader(8, TimeSpan.FromSeconds(12)).WithFault(20, FaultKind.Restart, 6).WithDuration(40).Build(),
        ["partition without quorum, then heal"] = () => new PlanBuilder().WithPartition(6, [0, 1], [2, 3]).WithFault(24, FaultKind.Heal).WithDuration(40).Build(),
        ["two staking shards with transfers"] = () => new PlanBuilder().WithShards(2).WithStaking(blocksPerEpoch: 6)
            .WithTransfers((3, "alice", "bob", 10), (7, "bob", "alice", 5)).WithDuration(25).Build(),
    };

    public static IEnumerable<string> Plans => ByName.Keys;

    [TestMethod]
    [DynamicData(nameof(Plans))]
    public void Dropping_stale_firings_gives_the_same_run_as_handing_them_to_the_nodes(string name)
    {
        var plan = ByName[name]();
        using var elided = new LocalRun(plan);
        elided.RunToEnd();
        var withElision = RunFingerprint.Of(elided);
        using var handed = new LocalRun(plan);
        foreach (var network in handed.Networks) network.ElideStaleTimers = false;
        handed.RunToEnd();
        var withoutElision = RunFingerprint.Of(handed);

        CollectionAssert.AreEqual(withoutElision.ToList(), withElision.ToList(), name);
        for (var s = 0; s < plan.Shards; s++)
        {
            var (on, off) = (elided.Networks[s], handed.Networks[s]);
            Assert.IsGreaterThan(0L, on.StaleTimerFirings, $"{name}: shard {s} had no stale firing to drop");
            Assert.AreEqual(off.StaleTimerFirings, on.StaleTimerFirings, $"{name}: shard {s} stale firings");
            Assert.AreEqual(off.LiveTimerFirings, on.LiveTimerFirings, $"{name}: shard {s} live firings");
        }
    }

    [TestMethod]
    public void Most_firings_are_stale_and_a_healthy_run_with_elision_commits_every_block()
    {
        var plan = new PlanBuilder().WithNodes(5).WithDuration(30).Build();
        using var run = new LocalRun(plan);
        var shard = run.RunToEnd().Shards.Single();
        var records = run.Recorded(0);
        var network = run.Networks.Single();

        Assert.IsGreaterThan(network.LiveTimerFirings, network.StaleTimerFirings, "stale firings outnumber live ones");
        CollectionAssert.AreEqual(Enumerable.Range(1, 15).Select(h => (ulong)h).ToArray(), records.Commits.Select(c => c.Height).ToArray());
        Assert.IsTrue(records.Commits.All(c => c.SignatureVerified && c.Signers >= 4), "every commit carries a verified quorum");
        Assert.AreEqual(0, shard.ViewChanges);
        Assert.AreEqual(0, shard.SafetyViolations.Count);
    }
}
