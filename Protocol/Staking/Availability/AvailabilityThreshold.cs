namespace HarmonySim.Protocol.Staking.Availability;

/// <summary>The 2/3 signing threshold (reference §5.3, <c>IsBelowSigningThreshold</c>), compared in Harmony's <c>Dec</c>.</summary>
public static class AvailabilityThreshold
{
    /// <summary>
    /// True iff signed.Quo(toSign) ≤ 2.Quo(3) in 18-decimal fixed point. A validator with nothing to sign is not below (HIP-32).
    /// The same rule the election's <see cref="Eligibility"/> applies, so a validator made Inactive here is also excluded there.
    /// </summary>
    public static bool IsBelowThreshold(SigningCounters epoch) =>
        Eligibility.IsBelowSigningThreshold(epoch.Signed, epoch.ToSign);
}
