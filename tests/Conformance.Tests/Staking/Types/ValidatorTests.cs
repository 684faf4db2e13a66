using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;
using static HarmonySim.Conformance.Tests.Staking.Types.ValidatorTestFixture;

namespace HarmonySim.Conformance.Tests.Staking.Types;

/// <summary>
/// <c>staking/types/validator_test.go</c>. HarmonySim has no free-standing <c>SanityCheck</c>: its checks run inside
/// CreateValidator, Delegate, Undelegate and EditValidator, so those cases are replayed through the transaction
/// that runs them. Cases about nil fields or a message shape HarmonySim cannot express are left out, each named.
/// </summary>
[TestClass]
public sealed class ValidatorTests
{
    private static StakingState Funded() => StakingState.Empty.Fund(TypesValidatorAddr, Ones(100_000));

    // TestValidator_SanityCheck, through CreateValidator. Cases 3–4 (nil MinSelfDelegation, MaxTotalDelegation) cannot occur.
    [TestMethod]
    [DataRow(0, null, DisplayName = "TestValidator_SanityCheck case 0: valid")]
    [DataRow(1, "Description.Name", DisplayName = "case 1: invalid description")]
    [DataRow(2, "SlotKeys", DisplayName = "case 2: no slot key")]
    [DataRow(5, "MinSelfDelegation", DisplayName = "case 5: min self-delegation 9,000 ONE")]
    [DataRow(6, "MaxTotalDelegation", DisplayName = "case 6: max total 9,000 ONE below min self-delegation")]
    [DataRow(7, "CommissionRates.Rate", DisplayName = "case 7: rate -1")]
    [DataRow(8, "CommissionRates.Rate", DisplayName = "case 8: rate 2")]
    [DataRow(9, "CommissionRates.MaxRate", DisplayName = "case 9: max rate -1")]
    [DataRow(10, "CommissionRates.MaxRate", DisplayName = "case 10: max rate 2")]
    [DataRow(11, "CommissionRates.MaxChangeRate", DisplayName = "case 11: max change rate -1")]
    [DataRow(12, "CommissionRates.MaxChangeRate", DisplayName = "case 12: max change rate 2")]
    [DataRow(13, "CommissionRates.Rate", DisplayName = "case 13: rate 1 above max rate 0.5")]
    [DataRow(14, "CommissionRates.MaxChangeRate", DisplayName = "case 14: max change rate 1 above max rate 0.5")]
    [DataRow(15, "SlotKeys[1]", DisplayName = "case 15: duplicate slot keys")]
    public void Validator_sanity_check(int goCase, string? field)
    {
        var msg = CreateMsg();
        var rates = msg.CommissionRates;
        msg = goCase switch
        {
            1 => msg with { Description = InvalidDescription },
            2 => msg with { SlotKeys = [] },
            5 => msg with { MinSelfDelegation = Ones(9_000) },
            6 => msg with { MaxTotalDelegation = Ones(9_000) },
            7 => msg with { CommissionRates = rates with { Rate = -1m } },
            8 => msg with { CommissionRates = rates with { Rate = 2m } },
            9 => msg with { CommissionRates = rates with { MaxRate = -1m } },
            10 => msg with { CommissionRates = rates with { MaxRate = 2m } },
            11 => msg with { CommissionRates = rates with { MaxChangeRate = -1m } },
            12 => msg with { CommissionRates = rates with { MaxChangeRate = 2m } },
            13 => msg with { CommissionRates = rates with { Rate = 1m, MaxRate = 0.5m } },
            14 => msg with { CommissionRates = rates with { MaxChangeRate = 1m, MaxRate = 0.5m } },
            15 => msg with { SlotKeys = [BlsKey(0), BlsKey(0)] },
            _ => msg,
        };
        var result = StakingTransactionProcessor.Apply(Funded(), msg, 1, Parameters);
        if (field is null) Accepted(result);
        else Assert.AreEqual(field, result.Rejection?.Field, result.Rejection?.ToString());
    }

    // TestValidatorWrapper_SanityCheck: cases 3–5 through the transaction that would break them. Cases 1–2 (description,
    // no delegations) are covered above or cannot occur; case 6 (banned, total over the maximum) differs because
    // HarmonySim refuses any delegation to a banned validator first (see the staking docs).
    [TestMethod]
    public void Validator_wrapper_sanity_check()
    {
        // Case 3: self-delegation 9,000 ONE below the 10,000 ONE minimum.
        Rejected(StakingTransactionProcessor.Apply(Funded(), CreateMsg() with { Amount = Ones(9_000) }, 1, Parameters), "Amount", "MinSelfDelegation");
        // Case 4: a delegation bringing the total (10,000 + 20,000 ONE) above 12,000 ONE.
        var created = Accepted(StakingTransactionProcessor.Apply(Funded().Fund(TestAddr(1), Ones(100_000)), CreateMsg(), 1, Parameters));
        Rejected(StakingTransactionProcessor.Apply(created, new DelegateStake(TestAddr(1), TypesValidatorAddr, Ones(20_000)), 1, Parameters), "Amount", "MaxTotalDelegation");
        // Case 5: a banned validator's self-delegation may fall below the minimum; it stays Banned.
        var banned = created.WithValidator(created.Validators[TypesValidatorAddr] with { Status = ValidatorStatus.Banned });
        var after = Accepted(StakingTransactionProcessor.Apply(banned, new UndelegateStake(TypesValidatorAddr, TypesValidatorAddr, Ones(1_000)), 1, Parameters));
        Assert.AreEqual(Ones(9_000), after.Validators[TypesValidatorAddr].SelfDelegation);
        Assert.AreEqual(ValidatorStatus.Banned, after.Validators[TypesValidatorAddr].Status);
    }

    // TestUpdateDescription: the edit's non-empty fields replace, the empty ones keep; the merged result is length-checked.
    [TestMethod]
    [DataRow(0, DisplayName = "TestUpdateDescription case 0: every field replaced")]
    [DataRow(1, DisplayName = "case 1: an empty update keeps everything")]
    [DataRow(2, DisplayName = "case 2: only Details replaced")]
    [DataRow(3, DisplayName = "case 3: an over-long website is refused")]
    public void Update_description(int goCase)
    {
        var raw = new ValidatorDescription("Wayne", "wen", "harmony.one.wen", "wenSecurity", "wenDetails");
        var (update, expect) = goCase switch
        {
            0 => (new ValidatorDescription("Jacky", "jw", "harmony.one/jacky", "jacky@harmony.one", "Details of Jacky"),
                  new ValidatorDescription("Jacky", "jw", "harmony.one/jacky", "jacky@harmony.one", "Details of Jacky")),
            1 => (new ValidatorDescription(""), raw),
            2 => (new ValidatorDescription("", Details: "new details"), raw with { Details = "new details" }),
            _ => (new ValidatorDescription("", Website: LongWebsite), null),
        };
        var merged = raw.MergedWith(update);
        if (expect is null) Assert.AreEqual("Description.Website", merged.FirstViolation()?.Field);
        else
        {
            Assert.IsNull(merged.FirstViolation());
            Assert.AreEqual(expect, merged);
        }
    }

    // TestDescription_EnsureLength.
    [TestMethod]
    [DataRow(0, null, DisplayName = "TestDescription_EnsureLength case 0: valid")]
    [DataRow(1, null, DisplayName = "case 1: empty")]
    [DataRow(2, "Description.Name", DisplayName = "case 2: name too long")]
    [DataRow(3, "Description.Identity", DisplayName = "case 3: identity too long")]
    [DataRow(4, "Description.Website", DisplayName = "case 4: website too long")]
    [DataRow(5, "Description.SecurityContact", DisplayName = "case 5: security contact too long")]
    [DataRow(6, "Description.Details", DisplayName = "case 6: details too long")]
    public void Description_ensure_length(int goCase, string? field)
    {
        var d = goCase switch
        {
            1 => new ValidatorDescription(""),
            2 => ValidDescription with { Name = LongName },
            3 => ValidDescription with { Identity = LongIdentity },
            4 => ValidDescription with { Website = LongWebsite },
            5 => ValidDescription with { SecurityContact = LongContact },
            6 => ValidDescription with { Details = LongDetails },
            _ => ValidDescription,
        };
        Assert.AreEqual(field, d.FirstViolation()?.Field);
    }
}
