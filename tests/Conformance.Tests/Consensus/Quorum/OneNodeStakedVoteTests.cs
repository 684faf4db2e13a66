using System.Numerics;
using HarmonySim.Conformance.Tests.Support;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Conformance.Tests.Consensus.Quorum;

/// <summary>
/// Replays <c>consensus/quorum/one-node-staked-vote_test.go</c> (SuperMajorityStake at localnet epoch 3, Harmony
/// share 0.68). Stakes are the package's seed-541 draws: <c>setupBaseCase</c> takes draws 0–99 (the first 50 slots
/// Harmony-operated), <c>setupEdgeCase</c>, run after it, draws 100–199 (the first 33 Harmony-operated).
/// </summary>
[TestClass]
public sealed class OneNodeStakedVoteTests
{
    private static BigInteger?[] Slots(int firstDraw, int harmonySlots) =>
        [.. GoRandStakes.Draws(firstDraw, 100).Select((s, i) => i < harmonySlots ? null : (BigInteger?)s)];

    [TestMethod]
    public void TestQuorumThreshold_is_two_quo_three()
    {
        Assert.AreEqual(Dec.FromInteger(2).Quo(Dec.FromInteger(3)), new Dec(VotingPower.TwoThirds));
    }

    [TestMethod]
    public void TestEvenNodes_the_stakers_alone_hold_32_percent_and_no_quorum_everyone_holds_exactly_one()
    {
        var committee = TestCommittee.Build(Slots(0, 50), 0.68m);
        var all = Enumerable.Range(0, 100).ToList();
        Assert.AreEqual(VotingPower.One, committee.PowerOf(all), "HarmonyPercent + StakePercent == 1");
        var stakers = Enumerable.Range(50, 50).ToList();
        Assert.IsFalse(committee.IsQuorum(stakers));
        Assert.AreNotEqual(VotingPower.One, committee.PowerOf(stakers), "IsAllSigsCollected is false");
        Assert.IsTrue(committee.IsQuorum(all));
    }

    [TestMethod]
    public void Test33HarmonyNodes_the_harmony_slots_alone_hold_68_percent_a_quorum_but_not_all_signatures()
    {
        var committee = TestCommittee.Build(Slots(100, 33), 0.68m);
        Assert.AreEqual(VotingPower.One, committee.PowerOf(Enumerable.Range(0, 100)), "HarmonyPercent + StakePercent == 1");
        var harmony = Enumerable.Range(0, 33).ToList();
        Assert.IsTrue(committee.IsQuorum(harmony));
        Assert.AreNotEqual(VotingPower.One, committee.PowerOf(harmony), "IsAllSigsCollected is false");
    }
}
