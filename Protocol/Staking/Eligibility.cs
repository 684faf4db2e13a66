using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking;

/// <summary>
/// Who may bid (reference §4.3 step 1, §5.3; <c>IsEligibleForEPoSAuction</c>): status Active and, when in the current
/// committee, a current-epoch signing ratio strictly above 2/3.
/// </summary>
public static class Eligibility
{
    /// <summary>2/3 as Harmony's <c>Dec</c> holds it, 2.Quo(3) = 0.666666666666666667 (<c>availability.measure</c>).</summary>
    public static readonly Dec SigningThreshold = Dec.FromInteger(2).Quo(Dec.FromInteger(3));

    /// <summary>The epoch's signing ratio as Harmony computes it (<c>ComputeCurrentSigning</c>): signed.Quo(toSign), 0 when toSign = 0.</summary>
    public static Dec SigningRatio(ulong signed, ulong toSign) =>
        toSign == 0 ? Dec.Zero : Dec.FromInteger(signed).Quo(Dec.FromInteger(toSign));

    /// <summary>
    /// Below threshold iff <see cref="SigningRatio"/> ≤ <see cref="SigningThreshold"/>, both rounded to 18 decimals as in
    /// Harmony (for fewer than about 10^17 blocks this is the exact 3·signed ≤ 2·toSign). toSign = 0 is not below
    /// (the HIP-32 rule) unless <paramref name="zeroToSignIsBelow"/>.
    /// </summary>
    public static bool IsBelowSigningThreshold(ulong signed, ulong toSign, bool zeroToSignIsBelow = false) =>
        toSign == 0 ? zeroToSignIsBelow : SigningRatio(signed, toSign) <= SigningThreshold;

    public static ExclusionReason? Check(ValidatorCandidate candidate, bool zeroToSignIsBelow = false)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.InCurrentCommittee && IsBelowSigningThreshold(candidate.BlocksSigned, candidate.BlocksToSign, zeroToSignIsBelow))
            return ExclusionReason.BelowSigningThreshold;
        return candidate.Status == ValidatorStatus.Active ? null : ExclusionReason.NotActive;
    }
}
