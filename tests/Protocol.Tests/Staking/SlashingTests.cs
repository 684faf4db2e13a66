using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Numeric;
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
    /// 1 000 000 ONE staked and 500 000 ONE unclaimed, so 1 500 000 ONE is taken and the aggregate is 1 200 000 ONE.
    /// Harmony divides it over the snapshot total less the validator's <em>current</em> self-stake, 13 M − 1 M = 12 M
    /// (not the delegators' 3 M): A owes 2 M × 1.2 M / 12 M = 200 000 ONE, B 100 000 ONE.
    /// </summary>
    [TestMethod]
    public void Delegators_owe_their_snapshot_stake_times_the_aggregate_over_the_snapshot_total_less_the_current_self_stake()
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
        Assert.AreEqual(200_000 * Atto, outcome.Debits[1].Paid);
        Assert.AreEqual(100_000 * Atto, outcome.Debits[2].Paid);
        Assert.AreEqual(900_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(900_000 * Atto, outcome.Burned);
    }

    [TestMethod]
    public void A_snapshot_total_given_for_delegations_since_removed_enters_the_denominator()
    {
        // Snapshot: V 10, A 10, and a delegator since gone with 20: 40 in all. V pays 5, the aggregate is 4, A owes ⌊10 × 4 / 30⌋ = 1.
        var target = new SlashTarget(V, Epoch, [new SlashableDelegation(V, 10, 10), new SlashableDelegation(A, 10, 10)], SnapshotTotalDelegation: 40);
        CollectionAssert.AreEqual(new BigInteger[] { 5, 1 }, SlashCalculator.Current(target, Leader).Debits.Select(d => d.Paid).ToArray());
    }

    [TestMethod]
    public void Delegators_owe_nothing_when_the_current_self_stake_outgrew_the_snapshot_total()
    {
        // Snapshot V 10, A 10; V has since staked up to 30 ≥ 20: Harmony would divide by 20 − 30 (negative debts); none here.
        var target = new SlashTarget(V, Epoch, [new SlashableDelegation(V, 10, 30), new SlashableDelegation(A, 10, 10)]);
        CollectionAssert.AreEqual(new BigInteger[] { 5, 0 }, SlashCalculator.Current(target, Leader).Debits.Select(d => d.Paid).ToArray());
    }

    [TestMethod]
    public void Each_delegators_debt_is_rounded_down_on_its_own_and_no_leftover_is_charged()
    {
        // Validator debt 5 atto; the aggregate ⌊0.8 × 5⌋ = 4 atto over three equal delegations of 7 (denominator 31 − 10 = 21):
        // ⌊7 × 4 / 21⌋ = 1 each; the fourth atto is charged to nobody.
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 10, 10),
            new SlashableDelegation(A, 7, 7),
            new SlashableDelegation(B, 7, 7),
            new SlashableDelegation(C, 7, 7),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);
        CollectionAssert.AreEqual(new BigInteger[] { 5, 1, 1, 1 }, outcome.Debits.Select(d => d.Paid).ToArray());
        Assert.AreEqual(4, (int)outcome.BeneficiaryCredit);
        Assert.AreEqual(4, (int)outcome.Burned);
    }

    // ---- §5.2 2020 rule ----

    [TestMethod]
    public void Rule_2020_uses_the_double_signed_keys_share_of_the_external_stake()
    {
        // V's two keys hold 3 M of the 10 M ONE of external effective stake: group shares 0.3 each, 0.6 together (their
        // share of the whole committee, 0.153 each, is not what Harmony's rate sums).
        Dec[] shares = [F.Committee.GroupShareOf(2), F.Committee.GroupShareOf(3)];
        Assert.AreEqual(Dec.Parse("0.6"), SlashCalculator.RateOf2020(shares));
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 1_000_000 * Atto, 1_000_000 * Atto),
            new SlashableDelegation(A, 5_000_000 * Atto, 5_000_000 * Atto),
        ]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, shares, Leader);
        Assert.AreEqual(600_000 * Atto, outcome.Debits[0].Paid);
        Assert.AreEqual(3_000_000 * Atto, outcome.Debits[1].Paid);
        Assert.AreEqual(1_800_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(1_800_000 * Atto, outcome.Burned);
        Assert.AreEqual(ValidatorStatus.Banned, outcome.NewStatus);
    }

    [TestMethod]
    public void Rule_2020_floors_the_rate_at_two_percent_and_halves_each_delegations_payment()
    {
        Assert.AreEqual(Dec.Parse("0.02"), SlashCalculator.RateOf2020([Dec.Parse("0.005")]));
        var target = new SlashTarget(V, Epoch,
        [
            new SlashableDelegation(V, 150, 150),
            new SlashableDelegation(A, 150, 150),
            new SlashableDelegation(B, 10_000_000 * Atto, 10_000_000 * Atto),
        ]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, [Dec.Parse("0.005")], Leader);
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
        Assert.AreEqual(Dec.Parse("0.6"), SlashCalculator.RateOf2020(shares));
        var target = new SlashTarget(verdict.Offender, Epoch, [new SlashableDelegation(verdict.Offender, 1_000_000 * Atto, 1_000_000 * Atto)]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, shares, Leader);
        Assert.AreEqual(300_000 * Atto, outcome.BeneficiaryCredit);
        Assert.AreEqual(300_000 * Atto, outcome.Burned);
    }

    [TestMethod]
    public void Rule_2020_sums_the_shares_of_every_record_at_the_same_moment_and_does_not_cap_the_rate()
    {
        // V (keys 2, 3) and W (key 4) double-sign at height 1000, view 1002: one rate for both, 0.3 + 0.3 + 0.2 = 0.8.
        // A record for another view stands alone; a record naming keys of another validator adds nothing for them.
        var v = F.Evidence(F.Commit(HashOf(1), [2, 3]), F.Commit(HashOf(2), [2, 3]));
        var w = F.Evidence(F.Commit(HashOf(1), [4, 5]), F.Commit(HashOf(2), [4, 5]), offender: 4);
        var elsewhere = v with { ViewId = 1003 };
        Assert.AreEqual(Dec.Parse("0.8"), SlashCalculator.RateOf2020(DoubleSignedShares.OfMoment(F.Committee, [v, w, elsewhere], v)));
        Assert.AreEqual(Dec.Parse("0.6"), SlashCalculator.RateOf2020(DoubleSignedShares.OfMoment(F.Committee, [v, w, elsewhere], elsewhere)));
        // Harmony never capped the rate: at 1.5 a delegation owes one and a half times its snapshot stake.
        var target = new SlashTarget(V, Epoch, [new SlashableDelegation(V, 1_000 * Atto, 2_000 * Atto)]);
        var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, [Dec.Parse("0.75"), Dec.Parse("0.75")], Leader);
        Assert.AreEqual(1_500 * Atto, outcome.Debits[0].Debt);
        Assert.AreEqual(1_500 * Atto, outcome.Debits[0].Paid);
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
            var aggregate = outcome.Debits[0].Paid * 4 / 5;
            var denominator = target.SnapshotTotal - target.SelfDelegation.CurrentAmount;
            for (var i = 1; i < target.Delegations.Count; i++)
                Assert.AreEqual(denominator.Sign > 0 ? target.Delegations[i].SnapshotAmount * aggregate / denominator : BigInteger.Zero, outcome.Debits[i].Debt);
        });
    }

    [TestMethod]
    public void Rule_2020_conserves_value_exactly()
    {
        Gen.Select(Target, Gen.Long[0, VotingPower.One].Array[1, 4]).Sample((target, raw) =>
        {
            Dec[] shares = [.. raw.Select(r => new Dec(r))];
            var outcome = SlashCalculator.Compute(SlashRule.Rate2020, target, shares, Leader);
            AssertConserves(target, outcome);
            var rate = SlashCalculator.RateOf2020(shares);
            for (var i = 0; i < target.Delegations.Count; i++)
                Assert.AreEqual(target.Delegations[i].SnapshotAmount * rate.Raw / Dec.Scale, outcome.Debits[i].Debt);
        });
    }
}
