using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>An explorer's leader schedule (campaigns): a pure function of the view that every node computes alike.</summary>
[TestClass]
public sealed class ExploredLeadersTests
{
    private readonly FbftFixture _f = new(4);

    [TestMethod]
    [DataRow(0.0, 0, DisplayName = "share 0: the rotation always")]
    [DataRow(1.0, 1000, DisplayName = "share 1: a byzantine key always")]
    public void The_share_decides_how_many_views_the_byzantine_keys_lead(double share, int expected)
    {
        var schedule = new ExploredLeaders(7, [_f.Keys[3].Public], share, TimeSpan.FromSeconds(60));
        var picked = Enumerable.Range(0, 1000).Count(v => schedule.Pick(_f.Committee, 5, (ulong)v, TimeSpan.Zero) is not null);
        Assert.AreEqual(expected, picked);
    }

    [TestMethod]
    public void Half_the_views_go_to_one_byzantine_key_per_height_the_same_every_time()
    {
        var byzantine = new[] { _f.Keys[1].Public, _f.Keys[3].Public };
        var schedule = new ExploredLeaders(7, byzantine, 0.5, TimeSpan.FromSeconds(60));
        var picks = Enumerable.Range(0, 2000).Select(v => schedule.Pick(_f.Committee, 9, (ulong)v, TimeSpan.FromSeconds(10))).ToList();
        var picked = picks.Count(p => p is not null);
        Assert.IsTrue(picked is > 900 and < 1100, $"{picked} of 2000");
        Assert.AreEqual(1, picks.Where(p => p is not null).Distinct().Count(), "at one height, one byzantine node leads every explored view");
        var byHeight = Enumerable.Range(0, 200).Select(h => Enumerable.Range(0, 20).Select(v => schedule.Pick(_f.Committee, (ulong)h, (ulong)v, TimeSpan.Zero)).FirstOrDefault(p => p is not null)).ToList();
        Assert.IsTrue(byzantine.All(k => byHeight.Contains(k)), "over heights, both byzantine keys lead");
        var again = new ExploredLeaders(7, byzantine, 0.5, TimeSpan.FromSeconds(60));
        CollectionAssert.AreEqual(picks, Enumerable.Range(0, 2000).Select(v => again.Pick(_f.Committee, 9, (ulong)v, TimeSpan.FromSeconds(10))).ToList(),
            "every node holding the schedule names the same leader for each view");
    }

    [TestMethod]
    public void From_the_heal_on_the_rotation_leads_again_and_keys_outside_the_committee_never_lead()
    {
        var schedule = new ExploredLeaders(7, [_f.Keys[3].Public], 1.0, TimeSpan.FromSeconds(60));
        Assert.IsNotNull(schedule.Pick(_f.Committee, 1, 1, TimeSpan.FromSeconds(59.999)));
        Assert.IsNull(schedule.Pick(_f.Committee, 1, 1, TimeSpan.FromSeconds(60)));
        var stranger = new FbftFixture(1, seed: 99).Keys[0].Public;
        Assert.IsNull(new ExploredLeaders(7, [stranger], 1.0, TimeSpan.FromSeconds(60)).Pick(_f.Committee, 1, 1, TimeSpan.Zero));
    }
}
