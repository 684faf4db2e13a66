namespace HarmonySim.Protocol.Staking.Availability;

/// <summary>The 2/3 signing threshold (reference §5.3, <c>IsBelowSigningThreshold</c>), as an exact rational comparison.</summary>
public static class AvailabilityThreshold
{
    /// <summary>
    /// True iff signed / toSign ≤ 2/3, i.e. 3 × signed ≤ 2 × toSign. A validator with nothing to sign is not below (HIP-32).
    /// </summary>
    public static bool IsBelowThreshold(SigningCounters epoch) =>
        epoch.ToSign != 0 && 3 * (System.Numerics.BigInteger)epoch.Signed <= 2 * (System.Numerics.BigInteger)epoch.ToSign;
}
