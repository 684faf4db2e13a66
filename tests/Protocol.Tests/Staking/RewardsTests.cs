using System.Numerics;
using System.Security.Cryptography;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Rewards;
using static HarmonySim.Protocol.Tests.Staking.SlashingFixture;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.6: the reward schedule, distribution to signing external slots, and the commission split.</summary>
[TestClass]
public sealed class RewardsTests
{
    private static readonly SlashingFixture F = new();
    private static readonly SimulatedSignatureScheme Scheme = new(9);
    private static readonly KeyPair[] Keys = [.. Enumerable.Range(0, 250).Select(i => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i + 5000))))];

    [TestMethod]
    public void Mainnet_schedule_follows_the_eras()
    {
        var s = BlockRewardSchedule.Mainnet;
        Assert.IsTrue(s.At(185).PreStaking);
        Assert.AreEqual(24 * Atto, s.At(185).ToValidators);
        Assert.AreEqual(28 * Atto, s.At(186).ToValidators);
        Assert.AreEqual(28 * Atto, s.At(229).ToValidators);
        Assert.AreEqual(17_500_000_000_000_000_000, (decimal)s.At(230).ToValidators);
        Assert.AreEqual(7 * Atto, s.At(366).ToValidators);
        Assert.AreEqual(7 * Atto, s.At(1672).ToValidators);
        Assert.AreEqual(14 * Atto, s.At(1673).PerBlock);
        Assert.AreEqual(10_500_000_000_000_000_000, (decimal)s.At(1673).ToValidators);
        Assert.AreEqual(3_500_000_000_000_000_000, (decimal)s.At(2000).ToRecovery);
        var oneSecond = s.With(new RewardEra(3000, 7 * Atto, 7 * Atto));
        Assert.AreEqual(7 * Atto, oneSecond.At(3000).PerBlock);
        Assert.AreEqual(14 * Atto, oneSecond.At(2999).PerBlock);
    }

    [TestMethod]
    public void Only_signing_external_slots_are_paid_in_proportion_to_power()
    {
        // Slots 0–1 Harmony (signing), V's slots 2–3 (3 M ONE each), W's 4 (2 M, not signing), X's 5 (2 M, signing).
        // Powers 0.153, 0.153, 0.102 over the signers: 7 ONE × 0.153/0.408 = 2.625 ONE, × 0.102/0.408 = 1.75 ONE.
        var payout = BlockRewardDistributor.Distribute(F.Committee, SignerBitmap.Of(6, 0, 1, 2, 3, 5), 7 * Atto);
        CollectionAssert.AreEqual(new[] { 2, 3, 5 }, payout.Slots.Select(p => p.SlotIndex).ToArray());
        CollectionAssert.AreEqual(new[] { 2_625 * Atto / 1000, 2_625 * Atto / 1000, 1_750 * Atto / 1000 }, payout.Slots.Select(p => p.Amount).ToArray());
        Assert.AreEqual(7 * Atto, payout.Total);
        Assert.AreEqual(2, payout.ByValidator.Count);
        Assert.AreEqual(V, payout.ByValidator[0].Key);
        Assert.AreEqual(5_250 * Atto / 1000, payout.ByValidator[0].Value);
    }

    [TestMethod]
    public void Each_payout_is_truncated_to_the_atto_and_the_truncated_remainder_is_not_minted()
    {
        // Four equal external slots (0.1275 each), three sign: 0.1275.Quo(0.3825) = 0.333333333333333333, and
        // 7 ONE .Mul that = 2.333333333333333331 ONE each (Harmony's processOneCrossLink): 7 atto are never minted.
        var slots = new[] { new CommitteeSlot(Keys[0].Public, HarmonyOwner) }
            .Concat(Enumerable.Range(1, 4).Select(i => new CommitteeSlot(Keys[i].Public, EposBuilder.Addr(i), 1_000_000 * Atto))).ToList();
        var committee = new Committee(0, 900, slots, Scheme, QuorumMode.ByVotingPower, VotingPower.FromDecimal(0.49m));
        var payout = BlockRewardDistributor.Distribute(committee, SignerBitmap.Of(5, 0, 2, 3, 4), 7 * Atto);
        CollectionAssert.AreEqual(new BigInteger[] { 2_333_333_333_333_333_331, 2_333_333_333_333_333_331, 2_333_333_333_333_333_331 },
            payout.Slots.Select(p => p.Amount).ToArray());
        Assert.AreEqual(7 * Atto - 7, payout.Total);
    }

    /// <summary>
    /// A mainnet-sized shard: 250 slots, 50 Harmony-operated (vote share 0.49), 200 external with 1 000 000 + j ONE
    /// (j = 0…199); the external slots with odd j and the Harmony slots sign. 10.5 ONE goes to the 100 odd slots, each share
    /// within a few atto of exact (the share is rounded to 18 decimals before it multiplies the reward, then truncated).
    /// </summary>
    [TestMethod]
    public void A_mainnet_sized_shard_pays_the_block_reward_to_its_signing_external_slots()
    {
        var slots = Enumerable.Range(0, 50).Select(i => new CommitteeSlot(Keys[i].Public, HarmonyOwner))
            .Concat(Enumerable.Range(0, 200).Select(j => new CommitteeSlot(Keys[50 + j].Public, EposBuilder.Addr(j / 2), (1_000_000 + j) * Atto))).ToList();
        var committee = new Committee(0, 1673, slots, Scheme, QuorumMode.ByVotingPower, VotingPower.FromDecimal(0.49m));
        var signers = SignerBitmap.Of(250, [.. Enumerable.Range(0, 50), .. Enumerable.Range(0, 200).Where(j => j % 2 == 1).Select(j => 50 + j)]);
        var payout = BlockRewardDistributor.ForBlock(BlockRewardSchedule.Mainnet, 1673, committee, signers);
        Assert.IsTrue(BigInteger.Abs(10_500 * Atto / 1000 - payout.Total) <= 700);
        Assert.AreEqual(100, payout.Slots.Count);
        Assert.IsTrue(payout.Slots.All(p => p.SlotIndex >= 50 && (p.SlotIndex - 50) % 2 == 1));
        Assert.AreEqual(100, payout.ByValidator.Count);
        // Larger stake, larger payout: the payouts increase with j (the slot powers do, by 0.51/Σ stake per ONE).
        for (var k = 1; k < payout.Slots.Count; k++) Assert.IsTrue(payout.Slots[k].Amount > payout.Slots[k - 1].Amount);
    }

    [TestMethod]
    public void Banned_validators_are_paid_nothing_and_their_share_is_not_minted()
    {
        var everyone = BlockRewardDistributor.Distribute(F.Committee, SignerBitmap.Of(6, 2, 3, 5), 7 * Atto);
        var payout = BlockRewardDistributor.Distribute(F.Committee, SignerBitmap.Of(6, 2, 3, 5), 7 * Atto, a => a == V);
        Assert.AreEqual(1, payout.Slots.Count);
        Assert.AreEqual(X, payout.Slots[0].Owner);
        // The other signer gets exactly what it would have got; the banned validator's share is simply not paid.
        Assert.AreEqual(everyone.Slots.Single(s => s.Owner == X).Amount, payout.Total);
        Assert.IsLessThan(7 * Atto, payout.Total);
        Assert.AreEqual(BigInteger.Zero, CommissionSplitter.Split(5 * Atto, Dec.Zero, [new DelegatorShare(V, Atto)], ValidatorStatus.Banned).Total);
    }

    [TestMethod]
    public void No_signing_external_slot_means_nothing_is_paid()
    {
        var payout = BlockRewardDistributor.Distribute(F.Committee, SignerBitmap.Of(6, 0, 1), 7 * Atto);
        Assert.AreEqual(0, payout.Slots.Count);
        Assert.AreEqual(BigInteger.Zero, payout.Total);
    }

    [TestMethod]
    public void Pre_staking_blocks_split_equally_among_all_signers_and_staking_blocks_by_power()
    {
        // Epoch 100: 24 ONE over 5 signers (Harmony included) = 4.8 ONE each. Epoch 1673: 10.5 ONE to the external signers.
        var early = BlockRewardDistributor.ForBlock(BlockRewardSchedule.Mainnet, 100, F.Committee, SignerBitmap.Of(6, 0, 1, 2, 3, 5));
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 5 }, early.Slots.Select(p => p.SlotIndex).ToArray());
        Assert.IsTrue(early.Slots.All(p => p.Amount == 4_800 * Atto / 1000));
        var late = BlockRewardDistributor.ForBlock(BlockRewardSchedule.Mainnet, 1673, F.Committee, SignerBitmap.Of(6, 0, 1, 2, 3, 5));
        CollectionAssert.AreEqual(new[] { 2, 3, 5 }, late.Slots.Select(p => p.SlotIndex).ToArray());
        Assert.AreEqual(10_500 * Atto / 1000, late.Total);
        // 7 atto over 3 signers, cumulatively as Harmony pays them: ⌊7/3⌋ = 2, ⌊14/3⌋ − 2 = 2, 7 − 4 = 3.
        var odd = BlockRewardDistributor.DistributeEqually(F.Committee, SignerBitmap.Of(6, 1, 4, 5), 7);
        CollectionAssert.AreEqual(new System.Numerics.BigInteger[] { 2, 2, 3 }, odd.Slots.Select(p => p.Amount).ToArray());
    }

    [TestMethod]
    public void Commission_then_delegators_by_their_decimal_share_of_the_snapshot()
    {
        // Due 10.5 ONE at 10 % commission: 1.05 ONE commission; 9.45 ONE over 1 M (self) and 2 M (A): the shares
        // 0.333333333333333333 and 0.666666666666666667 times 9.45 ONE, rounded: 3.149999999999999997 and 6.300000000000000003 ONE.
        var split = CommissionSplitter.Split(10_500 * Atto / 1000, Dec.Parse("0.1"),
            [new DelegatorShare(V, 1_000_000 * Atto), new DelegatorShare(EposBuilder.Addr(11), 2_000_000 * Atto)]);
        Assert.AreEqual(1_050 * Atto / 1000, split.Commission);
        CollectionAssert.AreEqual(new[] { 4_199_999_999_999_999_997, BigInteger.Parse("6300000000000000003") }, split.Rewards.ToArray());
        Assert.AreEqual(10_500 * Atto / 1000, split.Total);
    }

    [TestMethod]
    public void Commission_and_shares_round_halves_to_even_as_harmonys_RoundInt_does()
    {
        // Due 10 atto at 5 %: commission 0.5 atto rounds to 0 (even). 10 atto over weights 1, 2, 4: 1/7, 2/7, 4/7 of 10 =
        // 1.43, 2.86, 5.71 → 1, 3, 6, nothing left. (Rounding half up and flooring the shares gave 1 | 3, 2, 5.)
        var split = CommissionSplitter.Split(10, Dec.Parse("0.05"),
            [new DelegatorShare(V, 1), new DelegatorShare(EposBuilder.Addr(11), 2), new DelegatorShare(EposBuilder.Addr(12), 4)]);
        Assert.AreEqual(BigInteger.Zero, split.Commission);
        CollectionAssert.AreEqual(new BigInteger[] { 1, 3, 6 }, split.Rewards.ToArray());
        // 30 atto at 5 %: 1.5 → 2 (even).
        Assert.AreEqual(new BigInteger(2), CommissionSplitter.Split(30, Dec.Parse("0.05"), [new DelegatorShare(V, 1)]).Commission);
    }

    [TestMethod]
    public void Shares_rounded_up_are_paid_in_full_so_a_split_can_exceed_the_due()
    {
        // 1 atto over two equal delegations: 0.5 each rounds to 0 (even) — the atto goes to the self-delegation. 3 atto
        // over two equal delegations: 1.5 → 2 each, 4 atto paid for a due of 3, as Harmony's AddReward pays them.
        CollectionAssert.AreEqual(new BigInteger[] { 1, 0 }, CommissionSplitter.Split(1, Dec.Zero, [new DelegatorShare(V, 5), new DelegatorShare(X, 5)]).Rewards.ToArray());
        var split = CommissionSplitter.Split(3, Dec.Zero, [new DelegatorShare(V, 5), new DelegatorShare(X, 5)]);
        CollectionAssert.AreEqual(new BigInteger[] { 2, 2 }, split.Rewards.ToArray());
        Assert.AreEqual(new BigInteger(4), split.Total);
    }

    // ---- properties ----

    private static readonly Gen<(Committee, SignerBitmap, BigInteger)> Block =
        from harmony in Gen.Int[0, 8]
        from stakes in Gen.Long[0, long.MaxValue / 2].Array[1, 40]
        from owners in Gen.Int[0, 5].Array[stakes.Length]
        from share in Gen.Int[0, 100]
        from bits in Gen.Bool.Array[harmony + stakes.Length]
        from reward in Gen.Long[0, long.MaxValue]
        from scale in Gen.Int[1, 1000]
        select (new Committee(0, 900,
                [.. Enumerable.Range(0, harmony).Select(i => new CommitteeSlot(Keys[i].Public, HarmonyOwner))
                    .Concat(stakes.Select((s, j) => new CommitteeSlot(Keys[harmony + j].Public, EposBuilder.Addr(owners[j]), (BigInteger)s * scale)))],
                Scheme, QuorumMode.ByVotingPower, VotingPower.One / 100 * share),
            SignerBitmap.Of(bits.Length, [.. Enumerable.Range(0, bits.Length).Where(i => bits[i])]),
            (BigInteger)reward * scale);

    [TestMethod]
    public void Payouts_go_only_to_signing_external_slots_each_within_a_few_atto_of_its_exact_share()
    {
        Block.Sample(x =>
        {
            var (committee, signers, reward) = x;
            var payout = BlockRewardDistributor.Distribute(committee, signers, reward);
            var payable = Enumerable.Range(0, committee.Count).Where(i => signers[i] && !committee.Slots[i].IsHarmonyOperated).ToList();
            var power = payable.Aggregate(BigInteger.Zero, (a, i) => a + committee.PowerOf(i));
            if (power.IsZero) Assert.AreEqual(BigInteger.Zero, payout.Total);
            // Harmony's roster hands the rounding residue of the slots' shares to the last external slot, which leaves
            // it a few units below zero when its own share is zero (no stake, or a 100 % Harmony share): such a slot,
            // and a payable set whose power is not positive, have no exact share to compare with.
            if (power.Sign < 0) return;
            // The share power.Quo(Σ) is off by at most half of 10^-18, which the reward scales; then truncation, under one atto.
            var slack = reward / (2 * Dec.Scale) + 2;
            foreach (var p in payout.Slots)
            {
                Assert.IsTrue(signers[p.SlotIndex] && !committee.Slots[p.SlotIndex].IsHarmonyOperated);
                if (committee.PowerOf(p.SlotIndex) < 0) continue;
                var exact = reward * committee.PowerOf(p.SlotIndex);
                Assert.IsTrue(BigInteger.Abs(p.Amount * power - exact) <= slack * power, $"{p.Amount} for {exact}/{power}");
            }
            Assert.AreEqual(payout.Total, payout.ByValidator.Aggregate(BigInteger.Zero, (a, v) => a + v.Value));
        });
    }

    [TestMethod]
    public void Commission_split_pays_the_due_and_at_most_a_few_atto_per_delegation_more()
    {
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long[0, VotingPower.One], Gen.Long[0, long.MaxValue].Array[1, 20]).Sample((due, rate, stakes) =>
        {
            var split = CommissionSplitter.Split(due, new Dec(rate), [.. stakes.Select((s, i) => new DelegatorShare(EposBuilder.Addr(i), s))]);
            // Each share is rounded to 18 decimals (≤ ½·10^-18 × due off) and then to the atto (≤ ½ off).
            Assert.IsTrue(split.Total >= due && split.Total <= due + stakes.Length * (due / Dec.Scale + 1), $"{split.Total} for {due}");
            Assert.IsTrue(split.Rewards.All(r => r.Sign >= 0));
            Assert.IsTrue(split.Commission <= due);
        });
    }
}
