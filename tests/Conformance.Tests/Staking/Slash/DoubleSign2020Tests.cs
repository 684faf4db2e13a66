using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking.Slashing;
using static HarmonySim.Conformance.Tests.Staking.Slash.SlashFixtures;

namespace HarmonySim.Conformance.Tests.Staking.Slash;

/// <summary>
/// Replays <c>staking/slash/double-sign_test.go</c> as of <c>97eb8d972</c> (the 2020 rule, <c>SlashRule.Rate2020</c>):
/// <c>TestDelegatorSlashApply</c> (a rate applied to every snapshot delegation) and <c>TestRate</c> (Σ group shares,
/// floored at 2 %). Left out: <c>TestPayDownAsMuchAsCan</c> (the same facts as the current file's <c>TestPayDown</c>).
/// </summary>
[TestClass]
public sealed class DoubleSign2020Tests
{
    /// <summary>
    /// TestDelegatorSlashApply on the default wrappers: the offender's debt is rate × 40 000 (Harmony's
    /// <c>applySlashRate</c>); del1 is gone from the current state and del2 was not in the snapshot, so only the offender
    /// pays. Columns: rate, offender's amount, reward and undelegations after, total slashed and beneficiary reward in ONE.
    /// Case 4's rate of 1.5 makes a debt of 60 000 — more than the offender's 40 000 within reach; Harmony does not cap
    /// the rate, so 20 000 stays unpaid.
    /// </summary>
    [TestMethod]
    [DataRow("0", 20_000L, 10_000L, 10_000L, 10_000L, 0L, 0L, 0L, DisplayName = "TestDelegatorSlashApply (2020) case 0")]
    [DataRow("0.25", 10_000L, 10_000L, 10_000L, 10_000L, 10_000L, 5_000L, 10_000L, DisplayName = "TestDelegatorSlashApply (2020) case 1")]
    [DataRow("0.625", 0L, 10_000L, 10_000L, 5_000L, 25_000L, 12_500L, 25_000L, DisplayName = "TestDelegatorSlashApply (2020) case 2")]
    [DataRow("0.875", 0L, 5_000L, 10_000L, 0L, 35_000L, 17_500L, 35_000L, DisplayName = "TestDelegatorSlashApply (2020) case 3")]
    [DataRow("1.5", 0L, 0L, 10_000L, 0L, 40_000L, 20_000L, 60_000L, DisplayName = "TestDelegatorSlashApply (2020) case 4")]
    public void DelegatorSlashApply_charges_rate_times_snapshot_stake(string rate, long amount, long reward, long undelegation0, long undelegation1,
        long slashed, long beneficiary, long offenderDebt)
    {
        var target = Default();
        var outcome = SlashCalculator.Rate2020(target, Dec.Parse(rate), Leader);
        var (a, r, u) = After(target.Delegations[0], outcome.Debits[0]);
        Assert.AreEqual(amount * One, a);
        Assert.AreEqual(reward * One, r);
        CollectionAssert.AreEqual(new[] { undelegation0 * One, undelegation1 * One }, u);
        Assert.AreEqual((K(40), K(10)), (target.Delegations[1].CurrentAmount - outcome.Debits[1].Paid, target.Delegations[1].UnclaimedReward));
        Assert.AreEqual(slashed * One, outcome.TotalSlashed);
        Assert.AreEqual(beneficiary * One, outcome.BeneficiaryCredit);
        Assert.AreEqual(offenderDebt * One, outcome.Debits[0].Debt, "applySlashRate(40 000 ONE, rate)");
    }

    /// <summary>TestRate: each record's double-signed key adds its group share when it is in the roster.</summary>
    [TestMethod]
    [DataRow(new[] { "0.01", "0.02", "0.03" }, "0.06", DisplayName = "TestRate case 0")]
    [DataRow(new[] { "0.01" }, "0.02", DisplayName = "TestRate case 1 (floor)")]
    [DataRow(new string[0], "0.02", DisplayName = "TestRate case 2 (no records)")]
    [DataRow(new[] { "0.01", "0.02" }, "0.03", DisplayName = "TestRate case 3 (the third key is not in the roster)")]
    public void Rate_sums_group_shares_with_a_two_percent_floor(string[] shares, string expected) =>
        Assert.AreEqual(Dec.Parse(expected), SlashCalculator.RateOf2020(shares.Select(Dec.Parse)));
}
