using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Observer;

/// <summary>
/// View changes counted when started as well as when completed, and the time a shard spends view-changing. Four
/// Harmony-operated nodes, leaders in node order; silent leaders never propose nor send NEWVIEW, so the shard is stuck
/// until an honest node leads. The first view change starts at the bootstrap timeout (8 s).
/// </summary>
[TestClass]
public sealed class ViewChangeCountingTests
{
    [TestMethod]
    [DataRow(0, 8, 15, 0, 0, 0.0, 0.0, DisplayName = "a healthy shard never view-changes")]
    [DataRow(1, 8, 15, 1, 1, 0.001, 1.0, DisplayName = "one silent leader: one view change, over within a round trip")]
    [DataRow(3, 8, 15, 3, 1, 22.0, 26.0, DisplayName = "three silent leaders: the second is retried until its 15 s slot ends")]
    [DataRow(3, 4, 15, 3, 1, 22.0, 26.0, DisplayName = "halving the timeout does not shorten the stall: the slot decides")]
    [DataRow(3, 8, 9, 3, 1, 14.0, 18.0, DisplayName = "a slot just above the timeout gives each silent leader one timeout")]
    [DataRow(3, 3, 45, 2, 0, 70.0, 72.0, DisplayName = "a 3 s timeout in a 45 s slot: nothing completes, the clock runs to the end")]
    public void Started_and_completed_view_changes_and_the_time_spent_view_changing(
        int silentLeaders, int timeoutSeconds, int slotSeconds, int started, int completed, double minSeconds, double maxSeconds)
    {
        var result = Run(silentLeaders, timeoutSeconds, slotSeconds);

        Assert.AreEqual(started, result.Result.ViewChangesStarted, "view changes started");
        Assert.AreEqual(completed, result.ViewChanges, "view changes completed");
        Assert.IsInRange(TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds), result.Result.TimeViewChanging);
        if (result.Commits.Count > 0)
            Assert.IsLessThan(result.Commits[0].CommittedAt, result.Result.TimeViewChanging, "view-changing ends before the first block commits");
    }

    [TestMethod]
    public void Progress_counts_an_unfinished_view_change_up_to_now()
    {
        using var run = new LocalRun(Plan(silentLeaders: 3, timeoutSeconds: 3, slotSeconds: 45));
        var at30 = run.AdvanceTo(TimeSpan.FromSeconds(30)).Single();
        var at60 = run.AdvanceTo(TimeSpan.FromSeconds(60)).Single();

        Assert.AreEqual(1, at30.ViewChangesStarted, "the first view change (to node 1) is retried all through its slot");
        Assert.AreEqual(2, at60.ViewChangesStarted, "the slot ended at 45 s: a view change to node 2 started");
        Assert.AreEqual(0, at60.ViewChanges);
        Assert.IsInRange(TimeSpan.FromSeconds(21), TimeSpan.FromSeconds(22), at30.TimeViewChanging);
        Assert.AreEqual(at30.TimeViewChanging + TimeSpan.FromSeconds(30), at60.TimeViewChanging, "still view-changing: the clock kept running");
    }

    [TestMethod]
    public void The_counts_do_not_depend_on_how_the_run_is_stepped()
    {
        var plan = Plan(silentLeaders: 3, timeoutSeconds: 8, slotSeconds: 15);
        using var whole = new LocalRun(plan);
        using var stepped = new LocalRun(plan);
        for (var t = 7; t < 40; t += 7) stepped.AdvanceTo(TimeSpan.FromSeconds(t));
        var (a, b) = (whole.RunToEnd().Shards[0], stepped.RunToEnd().Shards[0]);
        Assert.AreEqual(a.ViewChangesStarted, b.ViewChangesStarted);
        Assert.AreEqual(a.TimeViewChanging, b.TimeViewChanging);
    }

    private static ShardRun Run(int silentLeaders, int timeoutSeconds, int slotSeconds) => ShardRun.ToEnd(Plan(silentLeaders, timeoutSeconds, slotSeconds));

    /// <summary>Nodes 0 … <paramref name="silentLeaders"/>−1 are silent leaders from the start; 80 s.</summary>
    private static RunPlan Plan(int silentLeaders, int timeoutSeconds, int slotSeconds)
    {
        var builder = new PlanBuilder().WithDuration(80)
            .WithTiming(t => t with { ViewChangeTimeout = TimeSpan.FromSeconds(timeoutSeconds), ViewChangeSlot = TimeSpan.FromSeconds(slotSeconds) });
        for (var node = 0; node < silentLeaders; node++) builder.WithBehaviour(node, NodeBehaviour.SilentLeader);
        return builder.Build();
    }
}
