using System.Numerics;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// <c>core/staking_verifier_test.go</c> <c>TestVerifyAndCreateValidatorFromMsg</c>, epoch 5. Cases 1–4 (nil state
/// database, chain, epoch or block number) have no counterpart: HarmonySim's inputs cannot be missing.
/// </summary>
[TestClass]
public sealed class VerifyAndCreateValidatorFromMsgTests
{
    /// <summary><c>defaultMsgCreateValidator</c>: key 11 with its proof, rates 0.1 / 0.9 / 0.5, 10,000 / 100,000 ONE, self-stake 20,000 ONE.</summary>
    private static CreateValidator DefaultMsg() => new(
        CreateValidatorAddr, DefaultDesc, new CommissionRates(0.1m, 0.9m, 0.5m), Ones(10_000), Ones(100_000), [BlsKey(11)], Ones(20_000));

    [TestMethod]
    [DataRow(0, DisplayName = "case 0: valid request")]
    [DataRow(11, DisplayName = "case 11: amount exactly minSelfDelegation")]
    public void Accepted_cases_create_the_expected_validator(int goCase)
    {
        var msg = goCase == 11 ? DefaultMsg() with { Amount = Ones(10_000) } : DefaultMsg();
        var state = Accepted(Apply(StateForStake(), msg, DefaultEpoch));

        // defaultExpWrapperCreateValidator
        var v = state.Validators[CreateValidatorAddr];
        CollectionAssert.AreEqual(new[] { BlsKey(11).Key }, v.SlotKeys.ToArray());
        Assert.AreEqual(new CommissionRates(0.1m, 0.9m, 0.5m), v.Commission);
        Assert.AreEqual(Ones(10_000), v.MinSelfDelegation);
        Assert.AreEqual(Ones(100_000), v.MaxTotalDelegation);
        Assert.AreEqual(ValidatorStatus.Active, v.Status);
        Assert.AreEqual(DefaultDesc, v.Description);
        Assert.AreEqual(0UL, v.LastEpochInCommittee);
        Assert.AreEqual(msg.Amount, v.SelfDelegation);
        Assert.HasCount(1, v.Delegations);
        Assert.AreEqual(Ones(100_000) - msg.Amount, state.AccountOf(CreateValidatorAddr).Balance);
    }

    [TestMethod]
    [DataRow(5, "Amount", "below", DisplayName = "case 5: negative amount")]
    [DataRow(6, "ValidatorAddress", "already a validator", DisplayName = "case 6: the address is already a validator")]
    [DataRow(7, "SlotKeys[0]", "already used", DisplayName = "case 7: bls collision (checkDuplicateFields)")]
    [DataRow(8, "Amount", "balance", DisplayName = "case 8: insufficient balance")]
    [DataRow(9, "SlotKeys[0]", "proof", DisplayName = "case 9: incorrect signature")]
    [DataRow(10, "Amount", "MinSelfDelegation", DisplayName = "case 10: small self delegation amount (fails sanity check)")]
    public void Refused_cases(int goCase, string field, string reason)
    {
        var state = StateForStake();
        var msg = DefaultMsg();
        switch (goCase)
        {
            case 5: msg = msg with { Amount = BigInteger.MinusOne }; break;
            case 6: state = state.WithValidator(ValidatorByIndex(0) with { Address = CreateValidatorAddr, SlotKeys = [BlsKey(19).Key], Delegations = ValidatorByIndex(0).Delegations.Clear().Add(CreateValidatorAddr, Delegation.Empty with { Amount = Ones(20_000) }) }); break;
            case 7: msg = msg with { SlotKeys = [BlsKey(0)] }; break;
            case 8: state = state.WithAccount(CreateValidatorAddr, Account.Empty with { Balance = Ones(20_000) - 1 }); break;
            case 9: msg = msg with { SlotKeys = [new SlotKeyWithProof(BlsKey(11).Key, BlsKey(12).Proof)] }; break;
            case 10: msg = msg with { Amount = msg.MinSelfDelegation - 1 }; break;
        }
        Rejected(Apply(state, msg, DefaultEpoch), field, reason);
    }
}
