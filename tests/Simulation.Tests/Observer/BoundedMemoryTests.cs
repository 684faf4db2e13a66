using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Observer;

/// <summary>
/// A shard's memory does not grow with the run's length: records are taken off the observer step by step, and it
/// forgets canonical blocks no replica can still ask for, while a long-crashed node still finds every block it needs.
/// </summary>
[TestClass]
public sealed class BoundedMemoryTests
{
    [TestMethod]
    public void A_long_run_holds_a_few_hundred_canonical_blocks_however_many_it_commits()
    {
        using var run = new LocalRun(new PlanBuilder().WithNodes(4).WithDuration(2_400).Build());
        run.RunToEnd();
        var observer = run.Networks[0].Observer;

        Assert.IsGreaterThan(1_000UL, observer.Height);
        Assert.IsLessThanOrEqualTo(300, observer.CanonicalBlocksHeld, $"{observer.CanonicalBlocksHeld} of {observer.Height} blocks held");
        Assert.AreEqual((int)observer.Height, run.Recorded(0).Commits.Count, "every commit was handed over");
        Assert.IsTrue(observer.TakeRecords().IsEmpty, "and none is still held");
    }

    [TestMethod]
    public void A_node_crashed_for_longer_than_the_forgetting_interval_catches_up_when_restarted()
    {
        var plan = new PlanBuilder().WithNodes(4).WithDuration(1_300).WithFault(10, FaultKind.Crash, 3).WithFault(1_210, FaultKind.Restart, 3).Build();
        using var run = new LocalRun(plan);
        run.AdvanceTo(TimeSpan.FromSeconds(1_200));
        var network = run.Networks[0];
        var down = network.StatusOf(3)!.Height;
        Assert.IsGreaterThan(down + 500, network.Observer.Height, "the chain moved on by more than the forgetting interval");
        Assert.IsGreaterThan((int)(network.Observer.Height - down) - 20, network.Observer.CanonicalBlocksHeld, "the blocks the crashed node lacks are kept");

        run.RunToEnd();
        // A node's height is the next one it commits; the observer's the last committed.
        Assert.IsGreaterThan(network.Observer.Height, network.StatusOf(3)!.Height + 1, "the restarted node synced the whole gap");
        Assert.AreEqual(0, run.Result().Shards[0].SafetyViolations.Count);
    }
}
