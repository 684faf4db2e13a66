using System.Numerics;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// <c>core/staking_verifier_test.go</c> <c>TestVerifyAndUndelegateFromMsg</c>, epoch 5 unless the case says. Cases 5,
/// 6 (nil state database or epoch) and 9 (validator flag without a stored validator) have no counterpart.
/// </summary>
[TestClass]
public sealed class VerifyAndUndelegateFromMsgTests
{
    /// <summary><c>makeDefaultStateForUndelegate</c>: the delegator holds 15,000 ONE with validator 0 and 5,000 ONE undelegated in epoch 5.</summary>
    private static StakingState StateForUndelegate() => StateForStake()
        .WithDelegation(ValidatorAddr, DelegatorAddr, new Delegation(Ones(15_000), BigInteger.Zero, [new Undelegation(Ones(5_000), DefaultEpoch)]));

    /// <summary>
    /// Accepted cases: who undelegates how much in which epoch, and the expected delegation and undelegations of
    /// that delegator with validator 0, and the validator's status.
    /// </summary>
    [TestMethod]
    [DataRow(0, false, 5_000L, 5UL, 10_000L, new[] { 10_000L }, new[] { 5UL }, ValidatorStatus.Active, DisplayName = "case 0: an entry of the same epoch grows")]
    [DataRow(1, false, 5_000L, 6UL, 10_000L, new[] { 5_000L, 5_000L }, new[] { 5UL, 6UL }, ValidatorStatus.Active, DisplayName = "case 1: another epoch adds an entry")]
    [DataRow(2, true, 5_000L, 5UL, 15_000L, new[] { 5_000L }, new[] { 5UL }, ValidatorStatus.Active, DisplayName = "case 2: first undelegation of the self-delegation")]
    [DataRow(3, true, 15_000L, 5UL, 5_000L, new[] { 15_000L }, new[] { 5UL }, ValidatorStatus.Inactive, DisplayName = "case 3: self delegation below minimum makes it Inactive")]
    [DataRow(4, true, 15_000L, 5UL, 5_000L, new[] { 15_000L }, new[] { 5UL }, ValidatorStatus.Banned, DisplayName = "case 4: extract tokens from a banned validator")]
    public void Accepted_cases(int goCase, bool self, long ones, ulong epoch, long expectedAmount, long[] undelegated, ulong[] undelegationEpochs, ValidatorStatus expectedStatus)
    {
        var state = StateForUndelegate();
        if (goCase == 4) state = state.WithValidator(state.Validators[ValidatorAddr] with { Status = ValidatorStatus.Banned });
        var delegator = self ? ValidatorAddr : DelegatorAddr;
        var after = Accepted(Apply(state, new UndelegateStake(delegator, ValidatorAddr, Ones(ones)), epoch));

        var v = after.Validators[ValidatorAddr];
        var d = v.DelegationOf(delegator);
        Assert.AreEqual(Ones(expectedAmount), d.Amount);
        CollectionAssert.AreEqual(undelegated.Zip(undelegationEpochs, (a, e) => new Undelegation(Ones(a), e)).ToArray(), d.Undelegations.ToArray());
        Assert.AreEqual(expectedStatus, v.Status);
    }

    [TestMethod]
    [DataRow(7, "Amount", "not positive", DisplayName = "case 7: negative amount")]
    [DataRow(8, "ValidatorAddress", "not a validator", DisplayName = "case 8: validator flag not set")]
    [DataRow(10, "Amount", "exceeds", DisplayName = "case 10: insufficient balance to undelegate")]
    [DataRow(11, "DelegatorAddress", "no delegation", DisplayName = "case 11: no delegation record")]
    public void Refused_cases(int goCase, string field, string reason)
    {
        var msg = new UndelegateStake(DelegatorAddr, ValidatorAddr, Ones(5_000));
        msg = goCase switch
        {
            7 => msg with { Amount = BigInteger.MinusOne },
            8 => msg with { ValidatorAddress = TestAddr(6) },
            10 => msg with { Amount = Ones(100_000) },
            _ => msg with { DelegatorAddress = TestAddr("not exist") },
        };
        Rejected(Apply(StateForUndelegate(), msg, DefaultEpoch), field, reason);
    }
}
