using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// <c>core/staking_verifier_test.go</c> <c>TestVerifyAndDelegateFromMsg</c>. Each case runs with
/// <c>MinDelegation100Epoch</c> 100 and <c>RedelegationEpoch</c> = the case's epoch when it re-delegates, else the
/// next epoch. Cases 2 (nil state database), 6 (validator flag without a stored validator) and 14–15 (a delegation
/// index out of bounds) have no counterpart: HarmonySim keeps the index itself and its state cannot be inconsistent.
/// </summary>
[TestClass]
public sealed class VerifyAndDelegateFromMsgTests
{
    private static StakingParameters ConfigFor(ulong epoch, bool redelegate) =>
        Config with { RedelegationEpoch = redelegate ? epoch : epoch + 1 };

    /// <summary>
    /// <c>makeStateForRedelegate</c>: the delegator holds 20,000 ONE with validator 0 and with validator 1 (indexed in
    /// that order, as <c>makeMsgCollectRewards</c> lists them), with 5,000 ONE undelegated in epoch 5 and in epoch 6.
    /// </summary>
    private static StakingState StateForRedelegate() => StateForStake()
        .WithDelegation(ValidatorAddr, DelegatorAddr, new Delegation(Ones(20_000), BigInteger.Zero, [new Undelegation(Ones(5_000), DefaultEpoch)]))
        .WithDelegation(ValidatorAddr2, DelegatorAddr, new Delegation(Ones(20_000), BigInteger.Zero, [new Undelegation(Ones(5_000), DefaultNextEpoch)]));

    /// <summary>
    /// Accepted cases: the message (delegator, validator, ONE), the epoch, whether it re-delegates, and the expected
    /// outcome — the amount taken from the balance (<c>expAmt</c>), the locked ONE taken from validators 0 and 1
    /// (<c>expRedel</c>), and the delegation amounts with validator 0 after the message.
    /// </summary>
    [TestMethod]
    [DataRow(0, 0UL, false, 10_000L, 0L, 0L, DisplayName = "case 0: new delegate")]
    [DataRow(1, 0UL, false, 10_000L, 0L, 0L, DisplayName = "case 1: add amount to current delegate")]
    [DataRow(10, 7UL, true, 0L, 5_000L, 5_000L, DisplayName = "case 10: full redelegate without using balance")]
    [DataRow(11, 6UL, true, 5_000L, 5_000L, 0L, DisplayName = "case 11: undelegation epoch too recent, some balance used")]
    [DataRow(12, 7UL, true, 10_000L, 5_000L, 5_000L, DisplayName = "case 12: not enough undelegated tokens, some balance used")]
    [DataRow(13, 5UL, true, 10_000L, 0L, 0L, DisplayName = "case 13: no redelegation, full balance used")]
    [DataRow(16, 5UL, true, 10_000L, 0L, 0L, DisplayName = "case 16: no redelegation, full balance used (validator delegates to self)")]
    [DataRow(18, 100UL, false, 500L, 0L, 0L, DisplayName = "case 18: valid amount v2 (500 ONE from epoch 100)")]
    public void Accepted_cases(int goCase, ulong epoch, bool redelegate, long fromBalance, long lockedFrom0, long lockedFrom1)
    {
        var redelegation = goCase is >= 10 and <= 16;
        var state = redelegation ? StateForRedelegate() : StateForStake();
        var (delegator, amount) = goCase switch
        {
            1 or 16 => (ValidatorAddr, Ones(10_000)),
            12 => (DelegatorAddr, Ones(20_000)),
            18 => (DelegatorAddr, Ones(500)),
            _ => (DelegatorAddr, Ones(10_000)),
        };
        var after = Accepted(Apply(state, new DelegateStake(delegator, ValidatorAddr, amount), epoch, ConfigFor(epoch, redelegate)));

        Assert.AreEqual(Ones(fromBalance), state.AccountOf(delegator).Balance - after.AccountOf(delegator).Balance, "expAmt");
        Assert.AreEqual(Ones(lockedFrom0), Locked(state, ValidatorAddr) - Locked(after, ValidatorAddr), "expRedel[validatorAddr]");
        Assert.AreEqual(Ones(lockedFrom1), Locked(state, ValidatorAddr2) - Locked(after, ValidatorAddr2), "expRedel[validatorAddr2]");
        // The expected wrappers: the delegation grows by the amount, whatever paid for it.
        var before = state.Validators[ValidatorAddr].DelegationOf(delegator).Amount;
        Assert.AreEqual(before + amount, after.Validators[ValidatorAddr].DelegationOf(delegator).Amount);
        Assert.AreEqual(state.TotalSupply(), after.TotalSupply());
    }

    /// <summary>The delegator's locked undelegations with a validator.</summary>
    private static BigInteger Locked(StakingState state, Address validator) => state.Validators[validator].DelegationOf(DelegatorAddr).Undelegating;

    [TestMethod]
    public void Case_11_and_13_keep_the_undelegations_not_spent_in_their_order()
    {
        // Case 11 (epoch 6): validator 1's epoch-6 undelegation stays; case 13 (epoch 5): both stay.
        var eleven = Accepted(Apply(StateForRedelegate(), new DelegateStake(DelegatorAddr, ValidatorAddr, Ones(10_000)), 6, ConfigFor(6, true)));
        Assert.IsEmpty(eleven.Validators[ValidatorAddr].DelegationOf(DelegatorAddr).Undelegations);
        CollectionAssert.AreEqual(new[] { new Undelegation(Ones(5_000), 6) }, eleven.Validators[ValidatorAddr2].DelegationOf(DelegatorAddr).Undelegations.ToArray());
        var thirteen = Accepted(Apply(StateForRedelegate(), new DelegateStake(DelegatorAddr, ValidatorAddr, Ones(10_000)), 5, ConfigFor(5, true)));
        CollectionAssert.AreEqual(new[] { new Undelegation(Ones(5_000), 5) }, thirteen.Validators[ValidatorAddr].DelegationOf(DelegatorAddr).Undelegations.ToArray());
        Assert.AreEqual(Ones(30_000), thirteen.Validators[ValidatorAddr].DelegationOf(DelegatorAddr).Amount);
    }

    [TestMethod]
    [DataRow(3, 0UL, "ValidatorAddress", "not a validator", DisplayName = "case 3: validator flag not set")]
    [DataRow(4, 0UL, "Amount", "below the minimum", DisplayName = "case 4: negative amount")]
    [DataRow(5, 0UL, "Amount", "below the minimum delegation 1000000000000000000000", DisplayName = "case 5: small amount (100 atto < 1,000 ONE)")]
    [DataRow(7, 0UL, "Amount", "balance", DisplayName = "case 7: cannot transfer since not enough amount")]
    [DataRow(8, 0UL, "Amount", "MaxTotalDelegation", DisplayName = "case 8: self delegation does not pass sanity check")]
    [DataRow(9, 0UL, "Amount", "MaxTotalDelegation", DisplayName = "case 9: delegation does not pass sanity check")]
    [DataRow(17, 100UL, "Amount", "below the minimum delegation 100000000000000000000 ", DisplayName = "case 17: small amount v2 (90 ONE < 100 ONE)")]
    public void Refused_cases(int goCase, ulong epoch, string field, string reason)
    {
        var state = StateForStake();
        var msg = new DelegateStake(DelegatorAddr, ValidatorAddr, Ones(10_000));
        switch (goCase)
        {
            case 3: msg = msg with { ValidatorAddress = TestAddr("not in state") }; break;
            case 4: msg = msg with { Amount = BigInteger.MinusOne }; break;
            case 5: msg = msg with { Amount = 100 }; break;
            case 7: state = state.WithAccount(DelegatorAddr, Account.Empty with { Balance = 100 }); break;
            case 8: msg = new DelegateStake(ValidatorAddr, ValidatorAddr, Ones(100_000)); break;
            case 9: msg = msg with { Amount = Ones(100_000) }; break;
            case 17: msg = msg with { Amount = Ones(90) }; break;
        }
        Rejected(Apply(state, msg, epoch, ConfigFor(epoch, redelegate: false)), field, reason);
    }
}
