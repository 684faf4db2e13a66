using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Slashing;
using static HarmonySim.Protocol.Tests.Staking.SlashingFixture;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §5.1 (evidence) and §5.2 (slash application), to the atto.</summary>
[TestClass]
public sealed class SlashingTests
{
    private static readonly SlashingFixture F = new();
    private static readonly Address A = EposBuilder.Addr(11), B = EposBuilder.Addr(12), C = EposBuilder.Addr(13);

    private static ValidatorStatus ActiveStatus(Address _) => ValidatorStatus.Active;

    // ---- §5.1 evidence ----

    [TestMethod]
    public void Conflicting_commits_of_one_validators_keys_are_accepted_with_the_offender_address()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [2, 3]), F.Commit(HashOf(2), [2, 3, 4]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsTrue(verdict.IsAccepted, verdict.Reason);
        Assert.AreEqual(V, verdict.Offender);
        CollectionAssert.AreEquivalent(new[] { F.Keys[2].Public, F.Keys[3].Public }, verdict.DoubleSignedKeys.ToArray());
    }

    [TestMethod]
    public void Two_votes_for_the_same_hash_are_rejected()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(1), [2, 3]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "same block hash");
    }

    [TestMethod]
    public void A_forged_signature_is_rejected()
    {
        // The second vote claims key 2 but is signed with W's key 4.
        var e = F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(2), [2], signers: [4]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "does not verify");
    }

    [TestMethod]
    public void A_signature_over_another_view_is_rejected()
    {
        var payload = Protocol.Consensus.Messages.SigningPayloads.Commit(1000, HashOf(2), 1003);
        var wrongView = new Protocol.Consensus.Messages.Vote(Protocol.Consensus.Messages.MessageType.Commit, 0, 1002, 1000, HashOf(2),
            [F.Keys[2].Public], F.Scheme.Sign(F.Keys[2].Secret, payload));
        var verdict = DoubleSignVerifier.Verify(F.Evidence(F.Commit(HashOf(1), [2]), wrongView), F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "does not verify");
    }

    [TestMethod]
    public void Shared_keys_of_two_owners_are_rejected()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [2, 4]), F.Commit(HashOf(2), [2, 4]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "2 different validators");
    }

    [TestMethod]
    public void An_already_banned_offender_is_rejected()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(2), [2]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, a => a == V ? ValidatorStatus.Banned : ValidatorStatus.Active);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "already banned");
    }

    [TestMethod]
    public void The_offender_reporting_itself_is_rejected()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(2), [2]));
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, V, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "reporter is the offender");
    }

    [TestMethod]
    public void Votes_sharing_no_key_and_evidence_from_a_future_epoch_are_rejected()
    {
        var disjoint = DoubleSignVerifier.Verify(F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(2), [3])), F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(disjoint.IsAccepted);
        StringAssert.Contains(disjoint.Reason, "share no key");
        var future = DoubleSignVerifier.Verify(F.Evidence(F.Commit(HashOf(1), [2]), F.Commit(HashOf(2), [2])), F.Committee, Leader, Epoch - 1, ActiveStatus);
        Assert.IsFalse(future.IsAccepted);
        StringAssert.Contains(future.Reason, "after the current epoch");
    }

    [TestMethod]
    public void Harmony_operated_keys_are_not_slashable()
    {
        var e = F.Evidence(F.Commit(HashOf(1), [0]), F.Commit(HashOf(2), [0]), offender: 0);
        var verdict = DoubleSignVerifier.Verify(e, F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsFalse(verdict.IsAccepted);
        StringAssert.Contains(verdict.Reason, "Harmony-operated");
    }

    // ---- §5.2 current rule ----

    /// <summary>
    /// Self-delegation 10 000 000 ONE + 3 atto in the snapshot; delegators A 3 000 000 ONE and B 1 000 000 ONE.
    /// By hand: validator debt ⌊(10⁷ ONE + 3) / 2⌋ = 5 000 000 ONE + 1, all taken from stake. Delegators owe
    /// ⌊0.8 × (5·10⁶ ONE + 1)⌋ = 4 000 000 ONE, pro rata 3 : 1 → A 3 000 000, B 1 000 000. A pays it all from stake;
    /// B has 400 000 ONE staked, an undelegation of 200 000 ONE from before the offence (untouchable), one of
    /// 500 000 ONE at the offence epoch and 50 000 ONE unclaimed: pays 400 000 + 500 000 + 50 000 = 950 000, 50 000 unpaid.
    /// Total 8 950 000 ONE + 1; the leader gets ⌊half⌋ = 4 475 000 ONE, 4 475 000 ONE + 1 burned.
    /// </summary>
    [TestMethod]
    public void Current_rule_splits_a_mainnet_sized_slash_to_the_unit()
    {
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 10_000_000 * Atto + 3, 10_000_000 * Atto + 3),
            new SlashableDelegation(A, 3_000_000 * Atto, 3_000_000 * Atto),
            new SlashableDelegation(B, 1_000_000 * Atto, 400_000 * Atto,
                [new PendingUndelegation(200_000 * Atto, Epoch - 1), new PendingUndelegation(500_000 * Atto, Epoch)], 50_000 * Atto),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);

        Assert.AreEqual(5_000_000 * Atto + 1, outcome.Debits[0].Debt);
        Assert.AreEqual(5_000_000 * Atto + 1, outcome.Debits[0].FromStake);
        Assert.AreEqual(3_000_000 * Atto, outcome.Debits[1].FromStake);
        var b = outcome.Debits[2];
        Assert.AreEqual(1_000_000 * Atto, b.Debt);
        Assert.AreEqual(400_000 * Atto, b.FromStake);
        CollectionAssert.AreEqual(new[] { BigInteger.Zero, 500_000 * Atto }, b.FromUndelegations.ToArray());
        Assert.AreEqual(50_000 * Atto, b.FromReward);
        Assert.AreEqual(50_000 * Atto, b.Unpaid);

        Assert.AreEqual(8_950_000 * Atto + 1, outcome.TotalSlashed);
        Assert.AreEqual(Leader, outcome.Beneficiary);
        Assert.AreEqual(4_475_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(4_475_000 * Atto + 1, outcome.Burned);
        Assert.AreEqual(ValidatorStatus.Banned, outcome.NewStatus);
    }

    /// <summary>
    /// The delegators' 80 % is of what was actually taken: the validator's snapshot was 10 000 000 ONE but it has
    /// 1 000 000 ONE staked and 500 000 ONE unclaimed, so 1 500 000 ONE is taken and delegators owe 1 200 000 ONE.
    /// </summary>
    [TestMethod]
    public void Delegators_owe_eighty_percent_of_what_was_actually_taken_from_the_validator()
    {
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 10_000_000 * Atto, 1_000_000 * Atto, [], 500_000 * Atto),
            new SlashableDelegation(A, 2_000_000 * Atto, 2_000_000 * Atto),
            new SlashableDelegation(B, 1_000_000 * Atto, 1_000_000 * Atto),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);
        Assert.AreEqual(1_500_000 * Atto, outcome.Debits[0].Paid);
        Assert.AreEqual(3_500_000 * Atto, outcome.Debits[0].Unpaid);
        Assert.AreEqual(800_000 * Atto, outcome.Debits[1].Paid);
        Assert.AreEqual(400_000 * Atto, outcome.Debits[2].Paid);
        Assert.AreEqual(1_350_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(1_350_000 * Atto, outcome.Burned);
    }

    [TestMethod]
    public void Delegator_residue_goes_to_the_largest_remainders_so_the_delegators_total_is_exact()
    {
        // Validator debt 5 atto; delegators owe ⌊0.8 × 5⌋ = 4 atto over three equal delegations: 2, 1, 1.
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 10, 10),
            new SlashableDelegation(A, 7, 7),
            new SlashableDelegation(B, 7, 7),
            new SlashableDelegation(C, 7, 7),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);
        CollectionAssert.AreEqual(new BigInteger[] { 5, 2, 1, 1 }, outcome.Debits.Select(d => d.Paid).ToArray());
        Assert.AreEqual(4, (int)outcome.BeneficiaryCredit);
        Assert.AreEqual(5, (int)outcome.Burned);
    }

    // ---- §5.2 2020 rule ----

    [TestMethod]
    public void Rule_2020_uses_the_double_signed_keys_vote_share()
    {
        // V's two keys: external part 0.51 split over 10 M ONE of effective stake, 3 M each → 0.153 each, 0.306 together.
        long[] shares = [F.Committee.PowerOf(2), F.Committee.PowerOf(3)];
        Assert.AreEqual(VotingPower.FromDecimal(0.306m), shares.Sum());
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 1_000_000 * Atto, 1_000_000 * Atto),
            new SlashableDelegation(A, 5_000_000 * Atto, 5_000_000 * Atto),
        ]);
        var outcome = SlashCalculator.Rate2020(target, shares, Leader);
        Assert.AreEqual(306_000 * Atto, outcome.Debits[0].Paid);
        Assert.AreEqual(1_530_000 * Atto, outcome.Debits[1].Paid);
        Assert.AreEqual(918_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(918_000 * Atto, outcome.Burned);
        Assert.AreEqual(ValidatorStatus.Banned, outcome.NewStatus);
    }

    [TestMethod]
    public void Rule_2020_floors_the_rate_at_two_percent_and_halves_each_delegations_payment()
    {
        Assert.AreEqual(VotingPower.FromDecimal(0.02m), SlashCalculator.RateOf2020([VotingPower.FromDecimal(0.005m)]));
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 150, 150),
            new SlashableDelegation(A, 150, 150),
            new SlashableDelegation(B, 10_000_000 * Atto, 10_000_000 * Atto),
        ]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, [VotingPower.FromDecimal(0.005m)], Leader);
        // 2 % of 150 atto = 3 atto each: the beneficiary gets ⌊3/2⌋ = 1 of each; 2 % of 10 M ONE = 200 000 ONE, half each way.
        CollectionAssert.AreEqual(new BigInteger[] { 3, 3, 200_000 * Atto }, outcome.Debits.Select(d => d.Paid).ToArray());
        Assert.AreEqual(100_000 * Atto + 2, outcome.BeneficiaryCredit);
        Assert.AreEqual(100_000 * Atto + 4, outcome.Burned);
    }

    [TestMethod]
    public void An_accepted_verdict_feeds_the_2020_rule_with_the_keys_vote_shares()
    {
        var verdict = DoubleSignVerifier.Verify(F.Evidence(F.Commit(HashOf(1), [2, 3]), F.Commit(HashOf(2), [3, 2])), F.Committee, Leader, Epoch, ActiveStatus);
        Assert.IsTrue(verdict.IsAccepted, verdict.Reason);
        var shares = DoubleSignedShares.Of(F.Committee, verdict.DoubleSignedKeys);
        Assert.AreEqual(VotingPower.FromDecimal(0.306m), SlashCalculator.RateOf2020(shares));
        var target = new SlashTarget(verdict.Offender, Epoch, [new SlashableDelegation(verdict.Offender, 1_000_000 * Atto, 1_000_000 * Atto)]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, shares, Leader);
        Assert.AreEqual(153_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(153_000 * Atto, outcome.Burned);
    }

    // ---- properties ----

    private static readonly Gen<SlashableDelegation> Delegation =
        from snapshot in Gen.Long[0, long.MaxValue]
        from scale in Gen.Int[1, 1_000_000]
        from current in Gen.Long[0, long.MaxValue]
        from undelegations in Gen.Select(Gen.Long[0, long.MaxValue], Gen.ULong[Epoch - 3, Epoch + 3]).Array[0, 3]
        from reward in Gen.Long[0, long.MaxValue]
        from address in Gen.Byte.Array[Address.Size]
        select new SlashableDelegation(new Address(address), snapshot * (BigInteger)scale, current * (BigInteger)scale / 2,
            [.. undelegations.Select(u => new PendingUndelegation(u.Item1, u.Item2))], reward);

    private static readonly Gen<SlashTarget> Target =
        from delegations in Delegation.Array[1, 12]
        select new SlashTarget(V, Epoch, delegations);

    private static void AssertConserves(SlashTarget target, SlashOutcome outcome)
    {
        Assert.AreEqual(outcome.TotalSlashed, outcome.BeneficiaryCredit + outcome.Burned);
        Assert.IsTrue(outcome.BeneficiaryCredit <= outcome.Burned && outcome.Burned.Sign >= 0);
        for (var i = 0; i < target.Delegations.Count; i++)
        {
            var d = target.Delegations[i];
            var debit = outcome.Debits[i];
            Assert.IsTrue(debit.Unpaid.Sign >= 0);
            Assert.IsTrue(debit.FromStake <= d.CurrentAmount && debit.FromReward <= d.UnclaimedReward);
            for (var u = 0; u < d.Undelegations.Count; u++)
            {
                Assert.IsTrue(debit.FromUndelegations[u] <= d.Undelegations[u].Amount);
                if (d.Undelegations[u].Epoch < target.OffenceEpoch) Assert.IsTrue(debit.FromUndelegations[u].IsZero);
            }
        }
    }

    [TestMethod]
    public void Any_tampered_signature_byte_is_rejected()
    {
        var first = F.Commit(HashOf(1), [2, 3]);
        var second = F.Commit(HashOf(2), [2, 3]);
        Gen.Select(Gen.Int[0, Protocol.Crypto.Signature.Size - 1], Gen.Byte[1, 255]).Sample((index, mask) =>
        {
            var bytes = second.Signature.ToArray();
            bytes[index] ^= mask;
            var tampered = new Protocol.Consensus.Messages.Vote(second.Type, second.ShardId, second.ViewId, second.BlockNumber, second.BlockHash,
                second.Senders, new Protocol.Crypto.Signature(bytes));
            Assert.IsFalse(DoubleSignVerifier.Verify(F.Evidence(first, tampered), F.Committee, Leader, Epoch, ActiveStatus).IsAccepted);
        }, iter: 300);
    }

    [TestMethod]
    public void Current_rule_conserves_value_exactly()
    {
        Target.Sample(target =>
        {
            var outcome = SlashCalculator.Current(target, Leader);
            AssertConserves(target, outcome);
            Assert.AreEqual(target.SelfDelegation.SnapshotAmount / 2, outcome.Debits[0].Debt);
            var delegatorsDebt = outcome.Debits.Skip(1).Aggregate(BigInteger.Zero, (a, d) => a + d.Debt);
            var anyWeight = target.Delegations.Skip(1).Any(d => d.SnapshotAmount.Sign > 0);
            Assert.AreEqual(anyWeight ? outcome.Debits[0].Paid * 4 / 5 : BigInteger.Zero, delegatorsDebt);
        });
    }

    [TestMethod]
    public void Rule_2020_conserves_value_exactly()
    {
        Gen.Select(Target, Gen.Long[0, VotingPower.One / 3].Array[1, 4]).Sample((target, shares) =>
        {
            var outcome = SlashCalculator.Rate2020(target, shares, Leader);
            AssertConserves(target, outcome);
            var rate = SlashCalculator.RateOf2020(shares);
            for (var i = 0; i < target.Delegations.Count; i++)
                Assert.AreEqual(target.Delegations[i].SnapshotAmount * rate / VotingPower.One, outcome.Debits[i].Debt);
        });
    }
}
