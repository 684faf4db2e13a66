using System.Numerics;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;
using static HarmonySim.Conformance.Tests.Staking.Types.ValidatorTestFixture;

namespace HarmonySim.Conformance.Tests.Staking.Types;

/// <summary>
/// <c>staking/types/validator_test.go</c> <c>TestUpdateValidatorFromEditMsg</c>, epoch 0, through EditValidator on
/// <c>makeValidValidator</c>. Left out: case 2 (rate 0.5 above max rate 0) and case 7 (removing the only key), which
/// Harmony's function accepts alone but its caller's checks refuse, as HarmonySim's single rule does; case 9 (a
/// signature without a key) and case 12 (a message for another address), which HarmonySim's message cannot express.
/// </summary>
[TestClass]
public sealed class UpdateValidatorFromEditMsgTests
{
    private static StakingState State() => StakingState.Empty.WithValidator(ValidValidator());

    private static StakingParameters HarmonyKeyParameters => Parameters with { HarmonyKeys = [BlsKey(19).Key] };

    [TestMethod]
    [DataRow(0, DisplayName = "case 0: empty edit changes nothing")]
    [DataRow(1, DisplayName = "case 1: update Description.Name only")]
    [DataRow(3, DisplayName = "case 3: update MinSelfDelegation")]
    [DataRow(4, DisplayName = "case 4: MinSelfDelegation zero remains unchanged")]
    [DataRow(5, DisplayName = "case 5: update MaxTotalDelegation")]
    [DataRow(6, DisplayName = "case 6: MaxTotalDelegation zero remains unchanged")]
    [DataRow(8, DisplayName = "case 8: add a bls key with its signature")]
    [DataRow(10, DisplayName = "case 10: update status")]
    [DataRow(11, DisplayName = "case 11: status to banned - not changed")]
    public void Accepted_cases(int goCase)
    {
        var edit = new EditValidator(TypesValidatorAddr);
        var expected = ValidValidator();
        switch (goCase)
        {
            case 1:
                edit = edit with { Description = new ValidatorDescription("jacky@harmony.one") };
                expected = expected with { Description = expected.Description with { Name = "jacky@harmony.one" } };
                break;
            case 3:
                edit = edit with { MinSelfDelegation = Ones(11_000) };
                expected = expected with { MinSelfDelegation = Ones(11_000) };
                break;
            case 4: edit = edit with { MinSelfDelegation = BigInteger.Zero }; break;
            case 5:
                edit = edit with { MaxTotalDelegation = Ones(11_000) };
                expected = expected with { MaxTotalDelegation = Ones(11_000) };
                break;
            case 6: edit = edit with { MaxTotalDelegation = BigInteger.Zero }; break;
            case 8:
                edit = edit with { SlotKeyToAdd = BlsKey(4) };
                expected = expected with { SlotKeys = expected.SlotKeys.Add(BlsKey(4).Key) };
                break;
            case 10:
                edit = edit with { Status = ValidatorStatus.Inactive };
                expected = expected with { Status = ValidatorStatus.Inactive };
                break;
            case 11: edit = edit with { Status = ValidatorStatus.Banned }; break;
        }
        var v = Accepted(StakingTransactionProcessor.Apply(State(), edit, 0, Parameters)).Validators[TypesValidatorAddr];

        CollectionAssert.AreEqual(expected.SlotKeys.ToArray(), v.SlotKeys.ToArray());
        Assert.AreEqual(expected.Description, v.Description);
        Assert.AreEqual(expected.Commission, v.Commission);
        Assert.AreEqual(expected.MinSelfDelegation, v.MinSelfDelegation);
        Assert.AreEqual(expected.MaxTotalDelegation, v.MaxTotalDelegation);
        Assert.AreEqual(expected.Status, v.Status);
        Assert.AreEqual(expected.LastEpochInCommittee, v.LastEpochInCommittee);
    }

    [TestMethod]
    [DataRow(13, "Description.Name", "characters", DisplayName = "case 13: invalid description")]
    [DataRow(14, "SlotKeyToRemove", "not one of", DisplayName = "case 14: invalid removing bls key")]
    [DataRow(15, "SlotKeyToAdd", "Harmony", DisplayName = "case 15: add pub colliding with a Harmony bls account")]
    [DataRow(16, "SlotKeyToAdd", "proof", DisplayName = "case 16: add pub not having a valid signature")]
    [DataRow(17, "SlotKeyToAdd", "duplicate", DisplayName = "case 17: add pub key already in the validator")]
    public void Refused_cases(int goCase, string field, string reason)
    {
        var edit = goCase switch
        {
            13 => new EditValidator(TypesValidatorAddr, Description: InvalidDescription),
            14 => new EditValidator(TypesValidatorAddr, SlotKeyToRemove: BlsKey(4).Key),
            15 => new EditValidator(TypesValidatorAddr, SlotKeyToAdd: BlsKey(19)),
            16 => new EditValidator(TypesValidatorAddr, SlotKeyToAdd: new SlotKeyWithProof(BlsKey(4).Key, BlsKey(3).Proof)),
            _ => new EditValidator(TypesValidatorAddr, SlotKeyToAdd: BlsKey(0)),
        };
        Rejected(StakingTransactionProcessor.Apply(State(), edit, 0, HarmonyKeyParameters), field, reason);
    }
}
