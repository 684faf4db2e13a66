using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.StakingBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.5: from the redelegation epoch (290) a Delegate spends locked undelegations of earlier epochs before the balance.</summary>
[TestClass]
public sealed class RedelegationTests
{
    private static StakingState Apply(StakingState s, StakingTransaction tx, ulong epoch) =>
        Accepted(StakingTransactionProcessor.Apply(s, tx, epoch, Marker));

    /// <summary>Delegator 4 delegates to validator 3, then 1 (its index order), and undelegates 5,000 ONE from each in epoch 700.</summary>
    private static StakingState TwoLocked()
    {
        var s = WithValidator(700);
        s = Apply(s, Create(Addr(3), One(50_000), MarkerKey(3)), 700);
        s = Apply(s, new DelegateStake(Addr(4), Addr(3), One(20_000)), 700);
        s = Apply(s, new DelegateStake(Addr(4), Addr(1), One(20_000)), 700);
        s = Apply(s, new UndelegateStake(Addr(4), Addr(3), One(5_000)), 700);
        return Apply(s, new UndelegateStake(Addr(4), Addr(1), One(5_000)), 700);
    }

    [TestMethod]
    public void The_index_lists_validators_in_first_delegation_order_not_address_order()
    {
        CollectionAssert.AreEqual(new[] { Addr(3), Addr(1) }, TwoLocked().DelegatedValidators(Addr(4)).ToArray());
        CollectionAssert.AreEqual(new[] { Addr(1) }, TwoLocked().DelegatedValidators(Addr(1)).ToArray());
    }

    [TestMethod]
    [DataRow(700UL, 1_000L, 5_000L, 5_000L, DisplayName = "same epoch: nothing locked is spendable")]
    [DataRow(701UL, 1_000L, 4_000L, 5_000L, DisplayName = "first-delegated validator's undelegation first")]
    [DataRow(701UL, 7_000L, 0L, 3_000L, DisplayName = "then the next validator's")]
    [DataRow(701UL, 12_000L, 0L, 0L, DisplayName = "the rest from the balance")]
    public void Locked_tokens_are_spent_in_index_order_before_the_balance(ulong epoch, long ones, long lockedAt3, long lockedAt1)
    {
        var s = TwoLocked();
        var before = s.AccountOf(Addr(4)).Balance;
        var after = Apply(s, new DelegateStake(Addr(4), Addr(1), One(ones)), epoch);
        Assert.AreEqual(One(lockedAt3), after.Validators[Addr(3)].DelegationOf(Addr(4)).Undelegating);
        Assert.AreEqual(One(lockedAt1), after.Validators[Addr(1)].DelegationOf(Addr(4)).Undelegating);
        var fromLocked = One(10_000) - One(lockedAt3) - One(lockedAt1);
        Assert.AreEqual(before - (One(ones) - fromLocked), after.AccountOf(Addr(4)).Balance);
        Assert.AreEqual(One(15_000 + ones), after.Validators[Addr(1)].DelegationOf(Addr(4)).Amount);
        Assert.AreEqual(s.TotalSupply(), after.TotalSupply());
    }

    [TestMethod]
    public void Before_the_redelegation_epoch_only_the_balance_pays()
    {
        var s = TwoLocked();
        var p = Marker with { RedelegationEpoch = 702 };
        var after = Accepted(StakingTransactionProcessor.Apply(s, new DelegateStake(Addr(4), Addr(1), One(1_000)), 701, p));
        Assert.AreEqual(One(10_000), after.Validators[Addr(3)].DelegationOf(Addr(4)).Undelegating + after.Validators[Addr(1)].DelegationOf(Addr(4)).Undelegating);
        Assert.AreEqual(s.AccountOf(Addr(4)).Balance - One(1_000), after.AccountOf(Addr(4)).Balance);
    }

    [TestMethod]
    public void Locked_tokens_count_towards_what_the_delegator_can_afford()
    {
        var s = TwoLocked();
        var broke = s.WithAccount(Addr(4), s.AccountOf(Addr(4)) with { Balance = One(1_000) });
        Accepted(StakingTransactionProcessor.Apply(broke, new DelegateStake(Addr(4), Addr(1), One(11_000)), 701, Marker));
        Rejected(StakingTransactionProcessor.Apply(broke, new DelegateStake(Addr(4), Addr(1), One(11_000) + 1), 701, Marker), "Amount");
    }
}
