using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.3 step 1 and §5.3: Active, and when in the committee a signing ratio strictly above 2/3.</summary>
[TestClass]
public sealed class EligibilityTests
{
    private static ValidatorCandidate InCommittee(ulong signed, ulong toSign, ValidatorStatus status = ValidatorStatus.Active) =>
        EposBuilder.Validator(1, EposBuilder.Ones(10_000), EposBuilder.Key(1)) with
        { Status = status, InCurrentCommittee = true, BlocksSigned = signed, BlocksToSign = toSign };

    [TestMethod]
    public void Exactly_two_thirds_signed_is_not_eligible()
    {
        Assert.AreEqual(ExclusionReason.BelowSigningThreshold, Eligibility.Check(InCommittee(200, 300)));
        Assert.AreEqual(ExclusionReason.BelowSigningThreshold, Eligibility.Check(InCommittee(21_844, 32_766)));
    }

    [TestMethod]
    public void One_block_above_two_thirds_is_eligible()
    {
        Assert.IsNull(Eligibility.Check(InCommittee(201, 300)));
        Assert.IsNull(Eligibility.Check(InCommittee(21_845, 32_766)));
    }

    [TestMethod]
    public void Near_the_ulong_limit_the_ratio_is_compared_as_harmony_rounds_it_to_18_decimals()
    {
        // (2k + 1)/3k exceeds 2/3 by 1/(3k) ≈ 5.6·10^-20, which signed.Quo(toSign) rounds away: Harmony counts it below.
        const ulong k = 6_000_000_000_000_000_000;
        Assert.IsTrue(Eligibility.IsBelowSigningThreshold(2 * k, 3 * k));
        Assert.IsTrue(Eligibility.IsBelowSigningThreshold(2 * k + 1, 3 * k));
        Assert.IsFalse(Eligibility.IsBelowSigningThreshold(ulong.MaxValue, ulong.MaxValue));
    }

    [TestMethod]
    public void Nothing_to_sign_is_not_below_threshold_unless_the_pre_hip32_rule_is_asked_for()
    {
        Assert.IsNull(Eligibility.Check(InCommittee(0, 0)));
        Assert.AreEqual(ExclusionReason.BelowSigningThreshold, Eligibility.Check(InCommittee(0, 0), zeroToSignIsBelow: true));
    }

    [TestMethod]
    public void Signing_counters_do_not_matter_outside_the_committee()
    {
        var candidate = InCommittee(0, 1_000) with { InCurrentCommittee = false };
        Assert.IsNull(Eligibility.Check(candidate));
    }

    [TestMethod]
    [DataRow(ValidatorStatus.Inactive)]
    [DataRow(ValidatorStatus.Banned)]
    public void Inactive_and_banned_validators_are_not_eligible_however_well_they_signed(ValidatorStatus status)
    {
        Assert.AreEqual(ExclusionReason.NotActive, Eligibility.Check(InCommittee(300, 300, status)));
        Assert.AreEqual(ExclusionReason.NotActive, Eligibility.Check(InCommittee(300, 300, status) with { InCurrentCommittee = false }));
    }
}
