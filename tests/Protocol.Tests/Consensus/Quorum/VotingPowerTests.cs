using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus.Quorum;

/// <summary>Reference §1.5: quorum by count and by voting power, exact arithmetic.</summary>
[TestClass]
public sealed class VotingPowerTests
{
    [TestMethod]
    [DataRow(1, 1)]
    [DataRow(3, 3)]
    [DataRow(4, 3)]
    [DataRow(7, 5)]
    [DataRow(10, 7)]
    [DataRow(250, 167)]
    [DataRow(2500, 1667)]
    public void Count_quorum_is_two_thirds_floor_plus_one(int n, int threshold)
    {
        var committee = new FbftFixture(n).Committee;
        Assert.AreEqual(threshold, committee.CountThreshold);
        Assert.IsTrue(committee.IsQuorum(0, threshold));
        Assert.IsFalse(committee.IsQuorum(0, threshold - 1));
    }

    [TestMethod]
    public void Mainnet_2020_shard_harmony_slots_share_68_percent_and_externals_split_the_rest_in_harmonys_decimal()
    {
        // A 250-slot shard as in 2020: 170 Harmony-operated slots, 80 external slots with distinct stakes.
        var stakes = Enumerable.Range(0, 250).Select(i => i < 170 ? (BigInteger?)null : FbftFixture.Ones(1_000_000 + 12_345 * (i - 170))).ToArray();
        var power = VotingPower.Compute(stakes, [.. stakes.Select(_ => true)], VotingPower.FromDecimal(0.68m));

        Assert.AreEqual(VotingPower.One, power.Sum());
        // 0.68.Quo(170) = 0.004, exactly.
        Assert.IsTrue(power.Take(170).All(p => p == 4_000_000_000_000_000L));
        var external = stakes.Skip(170).Select(s => Dec.FromInteger(s!.Value)).ToArray();
        var total = external.Aggregate(Dec.Zero, (a, b) => a + b);
        var share = Dec.Parse("0.32");
        for (var i = 0; i < 79; i++)
            Assert.AreEqual((long)external[i].Quo(total).Mul(share).Raw, power[170 + i]);
        // The residue of rounding goes to the last external slot.
        Assert.AreEqual(VotingPower.One - power.Take(249).Sum(), power[249]);
    }

    [TestMethod]
    public void Each_share_is_rounded_twice_half_to_even_so_it_can_differ_from_the_floor_of_the_exact_share()
    {
        // Stakes 1 and 2 of 3 at 0.5 external share: 1/3 → 0.333333333333333333, × 0.5 → 0.1666666666666666665 → …666
        // (to even); 2/3 → 0.666666666666666667, × 0.5 → 0.3333333333333333335 → …334 (to even), residue 0 to the last.
        BigInteger?[] stakes = [null, 1, 2];
        var power = VotingPower.Compute(stakes, [true, true, true], VotingPower.FromDecimal(0.5m));
        CollectionAssert.AreEqual(new[] { 500_000_000_000_000_000L, 166_666_666_666_666_666L, 333_333_333_333_333_334L }, power);
    }

    [TestMethod]
    public void Voting_power_always_sums_to_one_when_a_committee_has_external_slots()
    {
        Gen.Select(Gen.Int[0, 20], Gen.Long[0, long.MaxValue].Array[1, 40], Gen.Long[0, VotingPower.One]).Sample((harmony, stakes, share) =>
        {
            BigInteger?[] slots = [.. Enumerable.Repeat<BigInteger?>(null, harmony), .. stakes.Select(s => (BigInteger?)s)];
            var power = VotingPower.Compute(slots, [.. slots.Select(_ => true)], share);
            Assert.AreEqual(VotingPower.One, power.Sum());
            Assert.IsTrue(power.Take(harmony).All(p => p == power[0]));
        });
    }

    [TestMethod]
    public void Quorum_by_power_is_strictly_more_than_two_thirds()
    {
        Assert.AreEqual(666_666_666_666_666_667L, VotingPower.TwoThirds);
        var f = new FbftFixture(3, QuorumMode.ByVotingPower, slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i), FbftFixture.Ones(100)));
        // Three equal external slots: two of them hold exactly 2/3 (rounded down), which is not a quorum.
        Assert.IsFalse(f.Committee.IsQuorum(f.Bitmap(0, 1)));
        Assert.IsTrue(f.Committee.IsQuorum(f.Bitmap(0, 1, 2)));
        Assert.IsFalse(f.Committee.IsQuorum(f.Committee.PowerOf(0) + f.Committee.PowerOf(1), 2));
    }

    [TestMethod]
    public void Harmony_slots_alone_reach_quorum_at_68_percent_but_not_at_49_percent()
    {
        var stakes = Enumerable.Range(0, 10).Select(i => i < 6 ? (BigInteger?)null : FbftFixture.Ones(10)).ToArray();
        long HarmonyPower(decimal share) => VotingPower.Compute(stakes, [.. stakes.Select(_ => true)], VotingPower.FromDecimal(share)).Take(6).Sum();
        Assert.IsTrue(HarmonyPower(0.68m) > VotingPower.TwoThirds);
        Assert.IsFalse(HarmonyPower(0.49m) > VotingPower.TwoThirds);
    }

    [TestMethod]
    public void Without_external_slots_harmony_slots_share_one_and_without_harmony_slots_externals_hold_everything()
    {
        // Harmony adds the rounding residue only to an external slot: three Harmony slots hold 3 × 1.Quo(3).
        BigInteger?[] harmonyOnly = [null, null, null];
        var harmony = VotingPower.Compute(harmonyOnly, [true, true, true], VotingPower.FromDecimal(0.49m));
        CollectionAssert.AreEqual(new[] { 333_333_333_333_333_333L, 333_333_333_333_333_333L, 333_333_333_333_333_333L }, harmony);
        BigInteger?[] externalOnly = [1, 2, 3];
        var power = VotingPower.Compute(externalOnly, [true, true, true], VotingPower.FromDecimal(0.49m));
        Assert.AreEqual(VotingPower.One, power.Sum());
        // 1.Quo(6) rounds the last decimal up: 0.166666666666666667.
        Assert.AreEqual(VotingPower.One / 6 + 1, power[0]);
    }

    [TestMethod]
    public void A_key_listed_twice_counts_once_and_its_second_slot_cannot_sign()
    {
        var f = new FbftFixture(4);
        var slots = f.Committee.Slots.Append(f.Committee.Slots[1]).ToList();
        var committee = new Committee(0, 0, slots, f.Scheme);
        Assert.AreEqual(4, committee.UniqueCount);
        Assert.AreEqual(3, committee.CountThreshold);
        Assert.AreEqual(1, committee.IndexOf(f.Keys[1].Public));
        Assert.IsFalse(committee.IsVotingSlot(4));
        Assert.AreEqual(0, committee.PowerOf(4));
        var withDuplicateBit = Protocol.Crypto.SignerBitmap.Of(5, 0, 1, 4);
        Assert.IsFalse(committee.IsWellFormed(withDuplicateBit));
        Assert.IsFalse(committee.IsQuorum(withDuplicateBit));
    }

    [TestMethod]
    public void A_bitmaps_power_is_the_sum_of_its_voting_slots_and_decides_the_quorum()
    {
        // Four Harmony slots and six staked ones of different sizes, then a duplicate of slot 5 (inert).
        var f = new FbftFixture(10, QuorumMode.ByVotingPower,
            slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i), i < 4 ? null : FbftFixture.Ones(100 * (i - 3))));
        var committee = new Committee(0, 0, f.Committee.Slots.Append(f.Committee.Slots[5]).ToList(), f.Scheme, QuorumMode.ByVotingPower, VotingPower.FromDecimal(0.68m));
        Gen.Int[0, (1 << 11) - 1].Sample(mask =>
        {
            var members = Enumerable.Range(0, 11).Where(i => (mask >> i & 1) == 1).ToArray();
            var bitmap = Protocol.Crypto.SignerBitmap.Of(11, members);
            var expected = members.Where(committee.IsVotingSlot).Sum(committee.PowerOf);
            Assert.AreEqual(expected, committee.PowerOf(bitmap));
            Assert.AreEqual(committee.IsWellFormed(bitmap) && expected > VotingPower.TwoThirds, committee.IsQuorum(bitmap));
        });
        Assert.AreEqual(VotingPower.One, committee.PowerOf(Protocol.Crypto.SignerBitmap.Of(11, [.. Enumerable.Range(0, 11)])));
    }

    [TestMethod]
    public void Shares_parse_exactly_and_bad_shares_are_refused()
    {
        Assert.AreEqual(680_000_000_000_000_000L, VotingPower.FromDecimal(0.68m));
        Assert.AreEqual(10_000_000_000_000_000L, VotingPower.FromDecimal(0.01m));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VotingPower.FromDecimal(1.5m));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VotingPower.FromDecimal(-0.1m));
        Assert.ThrowsExactly<ArgumentException>(() => VotingPower.FromDecimal(0.1234567890123456789m));
    }

    [TestMethod]
    public void Negative_stake_is_refused()
    {
        BigInteger?[] stakes = [null, -1];
        Assert.ThrowsExactly<ArgumentException>(() => VotingPower.Compute(stakes, [true, true], VotingPower.FromDecimal(0.5m)));
    }
}
