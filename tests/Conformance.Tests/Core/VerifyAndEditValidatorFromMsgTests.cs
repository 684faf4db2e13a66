using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// <c>core/staking_verifier_test.go</c> <c>TestVerifyAndEditValidatorFromMsg</c>, epoch 5 unless the case says.
/// Cases 2–4 (nil state database, chain or block number), 7 (validator flag without a stored validator) and 10
/// (validator missing from the snapshot) have no counterpart: HarmonySim's state cannot be inconsistent that way.
/// Case 9's and 12's chain snapshot rates (0.7, 0.1) are not modelled apart from the state; the message is refused
/// before the snapshot matters in both.
/// </summary>
[TestClass]
public sealed class VerifyAndEditValidatorFromMsgTests
{
    /// <summary>
    /// <c>defaultMsgEditValidator</c>: Name and Identity "batman" (the other fields empty), rate 0.2, remove key 0,
    /// add key 12 with its proof, status Inactive.
    /// </summary>
    private static EditValidator DefaultMsg() => new(
        ValidatorAddr, new ValidatorDescription("batman", "batman"), 0.2m, null, null, BlsKey(0).Key, BlsKey(12), ValidatorStatus.Inactive);

    [TestMethod]
    [DataRow(0, 5UL, DisplayName = "case 0: positive case")]
    [DataRow(1, 5UL, DisplayName = "case 1: rate not changed")]
    [DataRow(15, 15UL, DisplayName = "case 15: rate 0.01 is ok within the promo period")]
    public void Accepted_cases_merge_the_edit_into_the_validator(int goCase, ulong epoch)
    {
        var msg = goCase switch
        {
            1 => DefaultMsg() with { CommissionRate = null },
            15 => DefaultMsg() with { CommissionRate = 0.01m },
            _ => DefaultMsg(),
        };
        var v = Accepted(Apply(StateForStake(), msg, epoch)).Validators[ValidatorAddr];

        // defaultExpWrapperEditValidator: keys [1, 12], the description merged (editExpDesc), the new rate, Inactive.
        CollectionAssert.AreEqual(new[] { BlsKey(1).Key, BlsKey(12).Key }, v.SlotKeys.ToArray());
        Assert.AreEqual(new ValidatorDescription("batman", "batman", "Secret Website", "LicenseToKill", "blah blah blah"), v.Description);
        Assert.AreEqual(goCase switch { 1 => 0.4m, 15 => 0.01m, _ => 0.2m }, v.Commission.Rate);
        Assert.AreEqual(0.9m, v.Commission.MaxRate);
        Assert.AreEqual(0.4m, v.Commission.MaxChangeRate);
        Assert.AreEqual(ValidatorStatus.Inactive, v.Status);
        Assert.AreEqual(Ones(10_000), v.MinSelfDelegation);
        Assert.AreEqual(Ones(100_000), v.MaxTotalDelegation);
        Assert.AreEqual(Ones(20_000), v.SelfDelegation);
    }

    [TestMethod]
    [DataRow(5, 5UL, "ValidatorAddress", "not a validator", DisplayName = "case 5: edited validator not in state")]
    [DataRow(6, 5UL, "SlotKeyToAdd", "already used", DisplayName = "case 6: bls key collision")]
    [DataRow(8, 5UL, "SlotKeyToAdd", "proof", DisplayName = "case 8: signature cannot be verified")]
    [DataRow(9, 5UL, "CommissionRate", "exceeds MaxRate", DisplayName = "case 9: rate is greater than maxRate")]
    [DataRow(11, 5UL, "CommissionRate", "MaxChangeRate", DisplayName = "case 11: rate change greater than maxChangeRate")]
    [DataRow(12, 5UL, "CommissionRate", "negative", DisplayName = "case 12: fails sanity check (rate below zero)")]
    [DataRow(13, 5UL, "ValidatorAddress", "banned", DisplayName = "case 13: cannot update a banned validator")]
    [DataRow(14, 20UL, "CommissionRate", "minimum commission", DisplayName = "case 14: rate lower than the 5% minimum after the promo period")]
    public void Refused_cases(int goCase, ulong epoch, string field, string reason)
    {
        var state = StateForStake();
        var msg = DefaultMsg();
        switch (goCase)
        {
            case 5: msg = msg with { ValidatorAddress = TestAddr("addr not in chain") }; break;
            case 6: msg = msg with { SlotKeyToAdd = BlsKey(3) }; break;
            case 8: msg = msg with { SlotKeyToAdd = new SlotKeyWithProof(BlsKey(12).Key, BlsKey(13).Proof) }; break;
            case 9: msg = msg with { CommissionRate = 1m }; break;
            case 11: msg = msg with { CommissionRate = 0.85m }; break;
            case 12: msg = msg with { CommissionRate = -0.0000000001m }; break;
            case 13: state = state.WithValidator(state.Validators[ValidatorAddr] with { Status = ValidatorStatus.Banned }); break;
            case 14: msg = msg with { CommissionRate = 0.01m }; break;
        }
        Rejected(Apply(state, msg, epoch), field, reason);
    }
}
