using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>A crashed node takes in nothing while the rest go on; a restarted node resumes from its committed head and catches up.</summary>
[TestClass]
public sealed class CrashAndRestartTests
{
    [TestMethod]
    public void A_crashed_node_receives_nothing_while_the_others_keep_committing()
    {
        var plan = new PlanBuilder().WithFault(10, FaultKind.Crash, 3).WithDuration(35).Build();
        using var run = new LocalRun(plan);
        using var healthy = new LocalRun(plan with { Faults = [] });
        var network = run.Networks[0];
        run.AdvanceTo(TimeSpan.FromSeconds(10));
        healthy.AdvanceTo(TimeSpan.FromSeconds(10));
        var frozen = network.StatusOf(3)!;
        var (before, healthyBefore) = (network.Observer.Deliveries, healthy.Networks[0].Observer.Deliveries);
        Assert.AreEqual(healthyBefore, before, "the runs are the same until the crash");

        run.RunToEnd();
        var result = ShardRun.Of(run);
        healthy.RunToEnd();
        var status = network.StatusOf(3)!;
        Assert.IsTrue(status.Crashed);
        Assert.AreEqual(frozen.Height, status.Height, "the crashed node took in no block, message or sync");
        Assert.IsGreaterThan(frozen.Height + 10, network.StatusOf(0)!.Height, "the other three kept committing");
        // Three live nodes instead of four: every message to or from node 3 is dropped, so fewer are delivered.
        var (after, healthyAfter) = (network.Observer.Deliveries - before, healthy.Networks[0].Observer.Deliveries - healthyBefore);
        Assert.IsLessThan(healthyAfter * 3 / 4, after, $"{after} deliveries after the crash, {healthyAfter} without it");
        CollectionAssert.AreEqual(new[] { "crash" }, result.LoggedFaults().ToArray());
        Assert.AreEqual(0, result.SafetyViolations.Count);
    }

    [TestMethod]
    public void A_restarted_node_resumes_from_its_committed_head_and_catches_up()
    {
        var plan = new PlanBuilder().WithFault(10, FaultKind.Crash, 3).WithFault(25, FaultKind.Restart, 3).WithDuration(35).Build();
        using var run = new LocalRun(plan);
        var network = run.Networks[0];
        run.AdvanceTo(TimeSpan.FromSeconds(10));
        var atCrash = network.StatusOf(3)!.Height;
        Assert.IsGreaterThan(1UL, atCrash, "the node had committed blocks before the crash");
        run.AdvanceTo(TimeSpan.FromSeconds(25));
        var restarted = network.StatusOf(3)!;
        Assert.IsFalse(restarted.Crashed);
        Assert.AreEqual(atCrash, restarted.Height, "restarted from its own committed head, not from genesis");
        Assert.IsGreaterThan(atCrash + 5, network.StatusOf(0)!.Height, "the shard moved on meanwhile");

        run.RunToEnd();
        var result = ShardRun.Of(run);
        Assert.AreEqual(network.StatusOf(0)!.Height, network.StatusOf(3)!.Height, "caught up with the shard");
        CollectionAssert.AreEqual(new[] { "crash", "restart" }, result.LoggedFaults().ToArray());
        Assert.AreEqual(0, result.SafetyViolations.Count);
    }

    [TestMethod]
    public void Crashing_the_leader_hands_leadership_to_another_node_by_a_view_change()
    {
        var result = RunToEnd(new PlanBuilder().WithFault(10, FaultKind.Crash, 0).WithDuration(35).Build());
        Assert.IsTrue(result.CommittedBetween(0, 10).All(c => c.LeaderNode == 0));
        Assert.IsGreaterThanOrEqualTo(1, result.ViewChanges);
        var after = result.CommittedBetween(11, 35);
        Assert.IsNotEmpty(after);
        Assert.IsTrue(after.All(c => c.LeaderNode != 0));
    }

    private static ShardRun RunToEnd(RunPlan plan) => ShardRun.ToEnd(plan);
}
