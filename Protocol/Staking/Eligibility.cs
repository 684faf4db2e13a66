namespace HarmonySim.Protocol.Staking;

/// <summary>
/// Who may bid (reference §4.3 step 1, §5.3; <c>IsEligibleForEPoSAuction</c>): status Active and, when in the current
/// committee, a current-epoch signing ratio strictly above 2/3.
/// </summary>
public static class Eligibility
{
    /// <summary>
    /// Below threshold iff signed/toSign ≤ 2/3, compared exactly as 3·signed ≤ 2·toSign. toSign = 0 is not below
    /// (the HIP-32 rule) unless <paramref name="zeroToSignIsBelow"/>.
    /// </summary>
    public static bool IsBelowSigningThreshold(ulong signed, ulong toSign, bool zeroToSignIsBelow = false)
    {
        if (toSign == 0) return zeroToSignIsBelow;
        return (UInt128)signed * 3 <= (UInt128)toSign * 2;
    }

    public static ExclusionReason? Check(ValidatorCandidate candidate, bool zeroToSignIsBelow = false)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.InCurrentCommittee && IsBelowSigningThreshold(candidate.BlocksSigned, candidate.BlocksToSign, zeroToSignIsBelow))
            return ExclusionReason.BelowSigningThreshold;
        return candidate.Status == ValidatorStatus.Active ? null : ExclusionReason.NotActive;
    }
}
