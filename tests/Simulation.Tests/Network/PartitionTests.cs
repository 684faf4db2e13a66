using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>A partition that leaves no side a quorum stops commits; healing it (or ending it) lets the shard commit again.</summary>
[TestClass]
public sealed class PartitionTests
{
    [TestMethod]
    [DataRow(FaultKind.Heal, "heal")]
    [DataRow(FaultKind.EndPartition, "end-partition")]
    public void A_partition_without_quorum_stops_commits_until_it_ends(FaultKind end, string logged)
    {
        var result = RunToEnd(new PlanBuilder().WithPartition(10, [0, 1], [2, 3]).WithFault(25, end).Build());
        Assert.IsNotEmpty(result.CommittedBetween(0, 10));
        // A block already on its way may still land just after the cut; nothing after that until the partition ends.
        Assert.IsEmpty(result.CommittedBetween(10.5, 25), "no side of two out of four nodes has a quorum");
        Assert.IsNotEmpty(result.CommittedBetween(25, 40), "commits resume once the partition ends");
        CollectionAssert.AreEqual(new[] { "partition", logged }, result.LoggedFaults().ToArray());
        Assert.AreEqual(0, result.SafetyViolations.Count);
    }

    [TestMethod]
    public void A_partition_that_leaves_the_leaders_side_a_quorum_does_not_stop_commits()
    {
        var result = RunToEnd(new PlanBuilder().WithPartition(10, [0, 1, 2], [3]).Build());
        var during = result.CommittedBetween(10.5, 40);
        Assert.IsGreaterThanOrEqualTo(14, during.Count);
        Assert.AreEqual(0, result.ViewChanges);
        Assert.IsTrue(during.All(c => c.Signers == 3), "node 3 signs nothing while cut off");
    }

    [TestMethod]
    public void Ending_a_partition_leaves_slow_links_in_force_and_heal_lifts_them()
    {
        var slow = TimeSpan.FromMilliseconds(300);
        PlanBuilder Plan(FaultKind end) => new PlanBuilder().WithSlowLink(2, slow, 0, 1, 2, 3).WithPartition(10, [0, 1], [2, 3]).WithFault(25, end);
        // Blocks proposed well after the partition ended (the block carried through the view change is older).
        var ended = RunToEnd(Plan(FaultKind.EndPartition).Build()).Commits.Where(c => c.ProposedAt >= TimeSpan.FromSeconds(28)).ToList();
        var healed = RunToEnd(Plan(FaultKind.Heal).Build()).Commits.Where(c => c.ProposedAt >= TimeSpan.FromSeconds(28)).ToList();
        Assert.IsNotEmpty(ended);
        Assert.IsNotEmpty(healed);
        // Four message hops from proposal to commit, each 2 × 300 ms late on slow links.
        Assert.IsTrue(ended.All(c => c.CommittedAt - c.ProposedAt >= 4 * 2 * slow), "slow links still in force after end-partition");
        Assert.IsTrue(healed.All(c => c.CommittedAt - c.ProposedAt < 2 * slow), "heal lifted the slow links");
    }

    private static ShardRun RunToEnd(RunPlan plan) => ShardRun.ToEnd(plan);
}
