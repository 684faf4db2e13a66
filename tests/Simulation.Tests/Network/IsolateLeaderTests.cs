using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>Isolating the leader cuts it off from everyone: the others change view and go on under a new leader.</summary>
[TestClass]
public sealed class IsolateLeaderTests
{
    [TestMethod]
    public void Isolating_the_leader_triggers_a_view_change_to_another_leader()
    {
        var result = RunToEnd(new PlanBuilder().WithIsolateLeader(10, TimeSpan.FromSeconds(20)).Build());
        var fault = result.Events.Single(e => e.Kind == "fault");
        Assert.AreEqual("isolate-leader", fault.Fields.Single(f => f.Key == "fault").Value);
        Assert.AreEqual("0", fault.Fields.Single(f => f.Key == "nodes").Value, "the log names the leader it isolated");
        var newView = result.Events.First(e => e.Kind == "new_view");
        Assert.IsGreaterThan(TimeSpan.FromSeconds(10), newView.At);
        Assert.AreNotEqual("0", newView.Fields.Single(f => f.Key == "leader").Value);
        Assert.AreEqual(1, result.ViewChanges);
        Assert.IsEmpty(result.CommittedBetween(10.5, newView.At.TotalSeconds), "nothing commits between the isolation and the new view");
        var after = result.Commits.Where(c => c.CommittedAt > newView.At).ToList();
        Assert.IsGreaterThanOrEqualTo(5, after.Count);
        Assert.IsTrue(after.All(c => c.LeaderNode != 0));
    }

    [TestMethod]
    public void The_isolated_leader_falls_behind_until_the_isolation_ends_or_a_heal_lifts_it()
    {
        ulong LeaderBehind(RunPlan plan)
        {
            using var run = new LocalRun(plan);
            run.RunToEnd();
            var result = ShardRun.Of(run);
            Assert.AreEqual(1, result.ViewChanges);
            return run.Networks[0].StatusOf(1)!.Height - run.Networks[0].StatusOf(0)!.Height;
        }

        var isolation = new PlanBuilder().WithIsolateLeader(10, TimeSpan.FromSeconds(60));
        // (Not by its whole isolation: a node's sync requests are served from the canonical chain, past any fault but a crash.)
        Assert.IsGreaterThan(0UL, LeaderBehind(isolation.Build()), "still cut off at 40 s: behind the chain");
        Assert.AreEqual(0UL, LeaderBehind(new PlanBuilder().WithIsolateLeader(10, TimeSpan.FromSeconds(15)).Build()), "back after 25 s, and caught up");
        Assert.AreEqual(0UL, LeaderBehind(isolation.WithFault(11, FaultKind.Heal).Build()), "healed at 11 s, and caught up");
    }

    private static ShardRun RunToEnd(RunPlan plan) => ShardRun.ToEnd(plan);
}
