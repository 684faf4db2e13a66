using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Campaigns;

/// <summary>
/// The commit cut, an adaptive network adversary of campaigns: a height's first committer is cut off before its
/// COMMITTED leaves, so the others must change view holding the certificate uncommitted — and FBFT stays safe.
/// </summary>
[TestClass]
public sealed class CommitCutTests
{
    private static RunPlan Shard(double share) => CampaignPlans.Shard(4) with
    {
        Length = new RunLength(TimeSpan.FromSeconds(60)),
        CommitCuts = new CommitCutPlan(TimeSpan.FromSeconds(20), share),
    };

    [TestMethod]
    public void The_first_committer_of_a_height_is_cut_off_before_its_COMMITTED_leaves_and_the_rest_agree_on_its_block()
    {
        var run = ShardRun.ToEnd(Shard(1.0));
        var cut = run.Events.First(e => e.Kind == "fault");
        Assert.AreEqual("commit-cut", cut.Fields.Single(f => f.Key == "fault").Value);
        var first = run.Commits[0];
        Assert.AreEqual(first.LeaderNode.ToString(), cut.Fields.Single(f => f.Key == "node").Value, "the leader commits first");
        Assert.AreEqual(first.CommittedAt, cut.At);
        Assert.AreEqual(1, run.Events.Count(e => e.Kind == "fault"), "one cut at a time, held until the heal");
        // The three others hold the block's certificate without its COMMITTED: they change view, and the lock and M1
        // carry the same block into the new view, so nobody commits another at that height.
        Assert.IsTrue(run.Events.Any(e => e.Kind == "new_view" && e.At > cut.At && e.At < TimeSpan.FromSeconds(20)), "a view change while the leader is cut off");
        Assert.IsEmpty(run.SafetyViolations);
        Assert.IsTrue(run.Commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(20)), "the healed shard goes on");
    }

    [TestMethod]
    public void A_share_of_zero_cuts_nothing_and_changes_nothing()
    {
        var plain = ShardRun.ToEnd(CampaignPlans.Shard(4) with { Length = new RunLength(TimeSpan.FromSeconds(60)) });
        var none = ShardRun.ToEnd(Shard(0.0));
        Assert.IsFalse(none.Events.Any(e => e.Kind == "fault"));
        CollectionAssert.AreEqual(plain.Commits.Select(c => (c.Height, c.Hash)).ToList(), none.Commits.Select(c => (c.Height, c.Hash)).ToList());
    }
}
