using System.Numerics;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Slashing;
using static HarmonySim.Conformance.Tests.Staking.Slash.SlashFixtures;

namespace HarmonySim.Conformance.Tests.Staking.Slash;

/// <summary>
/// Replays <c>staking/slash/double-sign_test.go</c> (current rule, since <c>7ab8be337</c>): <c>TestApplySlashRate</c>,
/// <c>TestPayDown</c>, <c>TestApplySlashingToDelegator</c>, <c>TestDelegatorSlashApply</c> and <c>TestApply</c>'s positive
/// case. Left out: <c>TestVerify</c> (BLS evidence checks, covered by Protocol.Tests' own slashing tests),
/// <c>TestSetDifference</c> (record bookkeeping HarmonySim does not have).
/// </summary>
[TestClass]
public sealed class DoubleSignTests
{
    [TestMethod]
    [DataRow(20_000L, "0.5", "10000000000000000000000", DisplayName = "TestApplySlashRate case 0")]
    [DataRow(1L, "0.5", "500000000000000000", DisplayName = "TestApplySlashRate case 1")]
    [DataRow(3L, "0.5", "1500000000000000000", DisplayName = "TestApplySlashRate case 2")]
    [DataRow(20_000L, "0", "0", DisplayName = "TestApplySlashRate case 3")]
    public void ApplySlashRate_multiplies_and_truncates(long ones, string rate, string expected) =>
        Assert.AreEqual(BigInteger.Parse(expected), SlashCalculator.ApplyRate(ones * One, Dec.Parse(rate)));

    [TestMethod]
    [DataRow(25L, 30L, 25L, 0L, DisplayName = "TestPayDown case 0")]
    [DataRow(30L, 25L, 25L, 5L, DisplayName = "TestPayDown case 1")]
    public void PayDown_takes_what_the_balance_allows(long debtK, long balanceK, long paidK, long leftK)
    {
        var debit = SlashCalculator.Pay(new SlashableDelegation(Offender, 0, K(balanceK)), K(debtK), DoubleSignEpoch);
        Assert.AreEqual(K(paidK), debit.FromStake);
        Assert.AreEqual(K(leftK), debit.Unpaid);
    }

    /// <summary>
    /// TestApplySlashingToDelegator: <c>delegatorSlashApplyDebt</c> on the default wrappers with the validator's debt given;
    /// only the offender is charged (del2 is not in the snapshot). Columns, in ONE: the debt, then the offender's amount,
    /// reward and two undelegations after, then the total slashed and the beneficiary's reward.
    /// </summary>
    [TestMethod]
    [DataRow(0L, 20_000L, 10_000L, 10_000L, 10_000L, 0L, 0L, DisplayName = "TestApplySlashingToDelegator case 0")]
    [DataRow(20_000L, 0L, 10_000L, 10_000L, 10_000L, 20_000L, 10_000L, DisplayName = "TestApplySlashingToDelegator case 1")]
    [DataRow(25_000L, 0L, 10_000L, 10_000L, 5_000L, 25_000L, 12_500L, DisplayName = "TestApplySlashingToDelegator case 2")]
    [DataRow(30_000L, 0L, 10_000L, 10_000L, 0L, 30_000L, 15_000L, DisplayName = "TestApplySlashingToDelegator case 3")]
    [DataRow(35_000L, 0L, 5_000L, 10_000L, 0L, 35_000L, 17_500L, DisplayName = "TestApplySlashingToDelegator case 4")]
    [DataRow(40_000L, 0L, 0L, 10_000L, 0L, 40_000L, 20_000L, DisplayName = "TestApplySlashingToDelegator case 5")]
    [DataRow(50_000L, 0L, 0L, 10_000L, 0L, 40_000L, 20_000L, DisplayName = "TestApplySlashingToDelegator case 6")]
    public void ApplySlashingToDelegator_pays_stake_then_later_undelegations_then_reward(
        long debt, long amount, long reward, long undelegation0, long undelegation1, long slashed, long beneficiary)
    {
        var target = Default();
        var outcome = SlashCalculator.CurrentWithValidatorDebt(target, debt * One, Leader);
        var (a, r, u) = After(target.Delegations[0], outcome.Debits[0]);
        Assert.AreEqual(amount * One, a);
        Assert.AreEqual(reward * One, r);
        CollectionAssert.AreEqual(new[] { undelegation0 * One, undelegation1 * One }, u);
        Assert.AreEqual(slashed * One, outcome.TotalSlashed);
        Assert.AreEqual(beneficiary * One, outcome.BeneficiaryCredit);
        Assert.AreEqual(ValidatorStatus.Banned, outcome.NewStatus);
    }

    [TestMethod]
    public void TestApply_the_default_record_slashes_half_the_snapshot_self_stake_and_bans()
    {
        var outcome = SlashCalculator.Current(Default(), Leader);
        Assert.AreEqual(K(20), outcome.TotalSlashed);
        Assert.AreEqual(K(10), outcome.BeneficiaryCredit);
        Assert.AreEqual(ValidatorStatus.Banned, outcome.NewStatus);
    }

    [TestMethod]
    public void TestDelegatorSlashApply_case_0_a_lone_validator_loses_half()
    {
        var target = new SlashTarget(Offender, DoubleSignEpoch, [new SlashableDelegation(Offender, K(40), K(40), [], K(10))]);
        var outcome = SlashCalculator.Current(target, Leader);
        Assert.AreEqual((K(20), K(10)), Pick(After(target.Delegations[0], outcome.Debits[0])));
        Assert.AreEqual(K(20), outcome.TotalSlashed);
        Assert.AreEqual(K(10), outcome.BeneficiaryCredit);
    }

    [TestMethod]
    public void TestDelegatorSlashApply_case_1_a_delegator_loses_80_percent_of_what_the_validator_lost()
    {
        var target = new SlashTarget(Offender, DoubleSignEpoch,
            [new SlashableDelegation(Offender, K(40), K(40), [], K(10)), new SlashableDelegation(Del1, K(40), K(40), [], K(10))]);
        var outcome = SlashCalculator.Current(target, Leader);
        Assert.AreEqual((K(20), K(10)), Pick(After(target.Delegations[0], outcome.Debits[0])));
        Assert.AreEqual((K(24), K(10)), Pick(After(target.Delegations[1], outcome.Debits[1])));
        Assert.AreEqual(K(36), outcome.TotalSlashed);
        Assert.AreEqual(K(18), outcome.BeneficiaryCredit);
    }

    [TestMethod]
    public void TestDelegatorSlashApply_case_2_delegators_share_the_debt_by_snapshot_stake()
    {
        var target = new SlashTarget(Offender, DoubleSignEpoch,
        [
            new SlashableDelegation(Offender, K(50), K(50), [], K(10)),
            new SlashableDelegation(Del1, K(40), K(40), [], K(10)),
            new SlashableDelegation(Del2, K(10), K(10), [], K(10)),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);
        Assert.AreEqual((K(25), K(10)), Pick(After(target.Delegations[0], outcome.Debits[0])));
        Assert.AreEqual((K(24), K(10)), Pick(After(target.Delegations[1], outcome.Debits[1])));
        Assert.AreEqual((K(6), K(10)), Pick(After(target.Delegations[2], outcome.Debits[2])));
        Assert.AreEqual(K(45), outcome.TotalSlashed);
        Assert.AreEqual(22_500 * One, outcome.BeneficiaryCredit);
    }

    [TestMethod]
    public void TestDelegatorSlashApply_case_3_undelegated_delegators_pay_from_later_undelegations_then_reward()
    {
        var target = new SlashTarget(Offender, DoubleSignEpoch,
        [
            new SlashableDelegation(Offender, K(100), K(100), [], K(10)),
            new SlashableDelegation(Del1, K(20), 0, [new PendingUndelegation(K(20), DoubleSignEpoch - 1), new PendingUndelegation(0, DoubleSignEpoch + 1)], K(10)),
            new SlashableDelegation(Del2, K(20), 0, [new PendingUndelegation(0, DoubleSignEpoch - 1), new PendingUndelegation(K(20), DoubleSignEpoch + 1)], K(10)),
        ]);
        var outcome = SlashCalculator.Current(target, Leader);
        Assert.AreEqual((K(50), K(10)), Pick(After(target.Delegations[0], outcome.Debits[0])));
        var del1 = After(target.Delegations[1], outcome.Debits[1]);
        Assert.AreEqual((BigInteger.Zero, BigInteger.Zero), Pick(del1));
        CollectionAssert.AreEqual(new[] { K(20), BigInteger.Zero }, del1.Undelegations);
        var del2 = After(target.Delegations[2], outcome.Debits[2]);
        Assert.AreEqual((BigInteger.Zero, K(10)), Pick(del2));
        CollectionAssert.AreEqual(new[] { BigInteger.Zero, BigInteger.Zero }, del2.Undelegations);
        Assert.AreEqual(K(80), outcome.TotalSlashed);
        Assert.AreEqual(K(40), outcome.BeneficiaryCredit);
    }

    private static (BigInteger Amount, BigInteger Reward) Pick((BigInteger Amount, BigInteger Reward, BigInteger[] _) after) => (after.Amount, after.Reward);
}
