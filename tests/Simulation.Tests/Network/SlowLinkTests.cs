using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>Slow links make every message on them later by their extra delay, until the slow link ends.</summary>
[TestClass]
public sealed class SlowLinkTests
{
    private static readonly TimeSpan Extra = TimeSpan.FromMilliseconds(300);

    [TestMethod]
    public void Slow_links_delay_every_commit_while_in_force_and_end_slow_link_restores_the_pace()
    {
        var result = RunToEnd(new PlanBuilder().WithSlowLink(10, Extra, 0, 1, 2, 3).WithFault(25, FaultKind.EndSlowLink, 0, 1, 2, 3).Build());
        var before = Latencies(result.Commits.Where(c => c.ProposedAt < TimeSpan.FromSeconds(10)));
        var during = Latencies(result.Commits.Where(c => c.ProposedAt >= TimeSpan.FromSeconds(10) && c.CommittedAt < TimeSpan.FromSeconds(25)));
        var after = Latencies(result.Commits.Where(c => c.ProposedAt >= TimeSpan.FromSeconds(25)));
        Assert.IsNotEmpty(during);
        Assert.IsNotEmpty(after);
        // Proposal to commit is four hops (announce, prepare, prepared, commit), each 2 × 300 ms later when both ends are slow.
        Assert.IsTrue(during.All(l => l >= before.Max() + 4 * 2 * Extra - TimeSpan.FromMilliseconds(50)), $"{string.Join(", ", during)} against {before.Max()}");
        Assert.IsTrue(after.All(l => l <= before.Max() + TimeSpan.FromMilliseconds(50)), string.Join(", ", after));
        CollectionAssert.AreEqual(new[] { "slow-link", "end-slow-link" }, result.LoggedFaults().ToArray());
    }

    [TestMethod]
    public void One_slow_node_outside_the_quorum_path_leaves_the_pace_alone_but_a_slow_leader_does_not()
    {
        var baseline = Latencies(RunToEnd(new PlanBuilder().Build()).Commits).Max();
        var slowFollower = Latencies(RunToEnd(new PlanBuilder().WithSlowLink(0, Extra, 3).Build()).Commits);
        var slowLeader = Latencies(RunToEnd(new PlanBuilder().WithSlowLink(0, Extra, 0).Build()).Commits);
        // Three of four nodes are a quorum, so the leader need not wait for the slow one.
        Assert.IsTrue(slowFollower.All(l => l <= baseline + TimeSpan.FromMilliseconds(50)), string.Join(", ", slowFollower));
        // Every hop touches the leader: four hops, each 300 ms later.
        Assert.IsTrue(slowLeader.All(l => l >= 4 * Extra), string.Join(", ", slowLeader));
    }

    private static List<TimeSpan> Latencies(IEnumerable<CommitRecord> commits) => [.. commits.Select(c => c.CommittedAt - c.ProposedAt)];

    private static ShardRun RunToEnd(RunPlan plan) => ShardRun.ToEnd(plan);
}
