using System.Numerics;

namespace HarmonySim.Protocol.Consensus.Quorum;

/// <summary>
/// Voting power in Harmony's 18-decimal fixed point: <see cref="One"/> is the whole committee. Integer
/// arithmetic throughout, so every node computes identical shares and the total is exactly one.
/// </summary>
public static class VotingPower
{
    public const long One = 1_000_000_000_000_000_000;

    /// <summary>2/3 as Harmony's 18-decimal type rounds it; quorum by power is strictly greater.</summary>
    public const long TwoThirds = 666_666_666_666_666_667;

    /// <summary>Parses a share such as 0.68 into fixed point; exact for up to 18 decimals.</summary>
    public static long FromDecimal(decimal share)
    {
        if (share < 0 || share > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "a vote share lies between 0 and 1");
        var scaled = share * One;
        if (scaled != decimal.Truncate(scaled)) throw new ArgumentException($"share {share} has more than 18 decimals", nameof(share));
        return (long)scaled;
    }

    /// <summary>
    /// Splits <see cref="One"/> over a committee (reference §1.5): Harmony-operated slots (no effective stake)
    /// share <paramref name="harmonyShare"/> equally (all of it when there are no external slots, none when there are no Harmony slots); external slots split the rest in proportion to effective
    /// stake; the rounding residue goes to the last external slot (the last slot when there is none).
    /// Slots flagged in <paramref name="counted"/> as false (duplicate keys) get nothing.
    /// </summary>
    public static long[] Compute(IReadOnlyList<BigInteger?> effectiveStakes, IReadOnlyList<bool> counted, long harmonyShare)
    {
        var n = effectiveStakes.Count;
        var power = new long[n];
        var harmony = 0;
        var stakeTotal = BigInteger.Zero;
        var lastExternal = -1;
        var lastCounted = -1;
        for (var i = 0; i < n; i++)
        {
            if (!counted[i]) continue;
            lastCounted = i;
            if (effectiveStakes[i] is { } stake)
            {
                if (stake.Sign < 0) throw new ArgumentException($"slot {i} has negative effective stake", nameof(effectiveStakes));
                stakeTotal += stake;
                lastExternal = i;
            }
            else harmony++;
        }
        if (lastCounted < 0) return power;
        var harmonyPart = harmony == 0 ? 0 : lastExternal < 0 ? One : harmonyShare;
        var externalPart = One - harmonyPart;
        for (var i = 0; i < n; i++)
        {
            if (!counted[i]) continue;
            if (effectiveStakes[i] is { } stake)
                power[i] = stakeTotal.IsZero ? 0 : (long)(stake * externalPart / stakeTotal);
            else
                power[i] = harmonyPart / harmony;
        }
        long sum = 0;
        foreach (var p in power) sum += p;
        power[lastExternal >= 0 ? lastExternal : lastCounted] += One - sum;
        return power;
    }
}
