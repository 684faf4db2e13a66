using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.StakingBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>
/// Reference §4.2 minimum commission: 5 % from epoch 631, 7 % from HIP-30 (1673), binding 100 epochs after the first
/// election; raised by the protocol at election; MaxRate lifted to minimum + MaxChangeRate from 1733 (capped at 1 from 1976).
/// </summary>
[TestClass]
public sealed class CommissionFloorTests
{
    private static Validator Validator(decimal rate, decimal maxRate = 0.5m, decimal maxChange = 0.05m, ulong firstElection = 0) =>
        WithValidator().Validators[Addr(1)] with { Commission = new(rate, maxRate, maxChange), FirstElectionEpoch = firstElection };

    private static Validator Elect(Validator v, ulong newEpoch, bool elected = true) =>
        CommissionFloor.AfterElection(StakingState.Empty.WithValidator(v), elected ? [v.Address] : [], newEpoch, StakingParameters.Mainnet).Validators[v.Address];

    [TestMethod]
    [DataRow(630UL, 0.0)]
    [DataRow(631UL, 0.05)]
    [DataRow(1672UL, 0.05)]
    [DataRow(1673UL, 0.07)]
    public void The_minimum_commission_follows_the_mainnet_eras(ulong epoch, double expected) =>
        Assert.AreEqual((decimal)expected, StakingParameters.Mainnet.MinCommissionRateAt(epoch));

    [TestMethod]
    [DataRow(0UL, 700UL, 0.01, 0.01, 700UL, DisplayName = "first election at 700 starts the promotion")]
    [DataRow(700UL, 799UL, 0.01, 0.01, 700UL, DisplayName = "99 epochs after: still promoted")]
    [DataRow(700UL, 800UL, 0.01, 0.05, 700UL, DisplayName = "100 epochs after: raised to 5 %")]
    [DataRow(700UL, 800UL, 0.06, 0.06, 700UL, DisplayName = "a rate above the minimum is kept")]
    [DataRow(0UL, 630UL, 0.01, 0.01, 0UL, DisplayName = "before 631 no first election is recorded")]
    [DataRow(1600UL, 1700UL, 0.06, 0.07, 1600UL, DisplayName = "HIP-30 raises to 7 %")]
    public void An_elected_validator_is_raised_to_the_minimum_once_its_promotion_is_over(
        ulong firstElection, ulong newEpoch, double rate, double expectedRate, ulong expectedFirst)
    {
        var v = Elect(Validator((decimal)rate, firstElection: firstElection), newEpoch);
        Assert.AreEqual((decimal)expectedRate, v.Commission.Rate);
        Assert.AreEqual(expectedFirst, v.FirstElectionEpoch);
        Assert.AreEqual(newEpoch, v.LastEpochInCommittee);
    }

    [TestMethod]
    [DataRow(1000UL, 0.01, DisplayName = "before HIP-30 an unelected validator keeps its rate (Harmony's old bug)")]
    [DataRow(1673UL, 0.07, DisplayName = "from HIP-30 it is raised too")]
    public void Unelected_validators_are_raised_only_from_hip30(ulong newEpoch, double expectedRate)
    {
        var v = Elect(Validator(0.01m, firstElection: 700), newEpoch, elected: false);
        Assert.AreEqual((decimal)expectedRate, v.Commission.Rate);
        Assert.AreEqual(0UL, v.LastEpochInCommittee);
    }

    // After staking/availability/measure_test.go TestUpdateMaxCommissionFee: 0.07 + 0.5 = 0.57; a sum above 1 capped at 1.
    [TestMethod]
    [DataRow(1732UL, 0.1, 0.5, 0.1, DisplayName = "before MaxRateEpoch nothing is lifted")]
    [DataRow(1733UL, 0.1, 0.5, 0.57, DisplayName = "0.07 + 0.5 = 0.57")]
    [DataRow(1733UL, 0.95, 0.95, 1.02, DisplayName = "uncapped before TopMaxRateEpoch")]
    [DataRow(1976UL, 0.95, 0.95, 1.0, DisplayName = "capped at 1 from TopMaxRateEpoch")]
    public void Max_rate_is_lifted_to_the_minimum_plus_the_max_change_rate(ulong newEpoch, double maxRate, double maxChange, double expected)
    {
        var v = Elect(Validator(0.1m, (decimal)maxRate, (decimal)maxChange, firstElection: 700), newEpoch, elected: false);
        Assert.AreEqual((decimal)expected, v.Commission.MaxRate);
    }

    [TestMethod]
    public void An_edit_below_the_minimum_is_refused_only_after_the_promotion_period()
    {
        var s = WithValidator(700);
        s = s.WithValidator(s.Validators[Addr(1)] with { FirstElectionEpoch = 700 });
        Accepted(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), CommissionRate: 0.06m), 799, Marker));
        Accepted(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), CommissionRate: 0.06m), 800, Marker));
        Accepted(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), CommissionRate: 0.05m), 800, Marker));
        Rejected(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), CommissionRate: 0.049m), 800, Marker), "CommissionRate");
        // A validator never elected has no promotion to end.
        var never = WithValidator(700);
        Accepted(StakingTransactionProcessor.Apply(never, new EditValidator(Addr(1), CommissionRate: 0.06m), 2000, Marker));
    }
}
