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
    public void Half_the_heights_alternate_a_byzantine_leader_with_the_rotation_view_by_view()
    {
        var schedule = new ExploredLeaders(7, [_f.Keys[3].Public], 0.5, TimeSpan.FromSeconds(60));
        var patterns = Enumerable.Range(0, 400).Select(h => Enumerable.Range(0, 8).Select(v => schedule.Pick(_f.Committee, (ulong)h, (ulong)v, TimeSpan.Zero) is not null).ToArray()).ToList();
        static bool Alternates(bool[] views) => views.Zip(views.Skip(1)).All(p => p.First != p.Second);
        var alternating = patterns.Count(Alternates);
        // Half the heights alternate by design; a drawn height alternates over 8 views by chance 2 in 256 times.
        Assert.IsTrue(alternating is > 170 and < 240, $"{alternating} of 400 heights alternate");
        Assert.IsTrue(patterns.Any(p => Alternates(p) && p[0]) && patterns.Any(p => Alternates(p) && !p[0]), "both parities occur");
    }

    [TestMethod]
    public void Half_the_heights_draw_their_byzantine_leader_from_the_favoured_keys()
    {
        var favoured = _f.Keys[2].Public;
        var schedule = new ExploredLeaders(7, [_f.Keys[1].Public, _f.Keys[2].Public, _f.Keys[3].Public], 1.0, TimeSpan.FromSeconds(60)) { Favoured = [favoured] };
        var leaders = Enumerable.Range(0, 900).Select(h => schedule.Pick(_f.Committee, (ulong)h, 1, TimeSpan.Zero)).ToList();
        var share = leaders.Count(k => k == favoured) / 900.0;
        // ½ from the favoured key alone, and a third of the other half: about ⅔.
        Assert.IsTrue(share is > 0.6 and < 0.73, $"favoured key leads {share:P0} of heights");
        Assert.IsTrue(leaders.Distinct().Count() == 3, "the other byzantine keys still lead some heights");
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
