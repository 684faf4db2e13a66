using System.Numerics;

namespace HarmonySim.Protocol.Staking;

/// <summary>Exact proportional splits of an integer amount (atto-ONE), with a deterministic rule for the rounding residue.</summary>
public static class ProRataSplit
{
    /// <summary>
    /// Splits <paramref name="total"/> (≥ 0) in proportion to <paramref name="weights"/> (negative weights count as 0):
    /// each part is first ⌊total × w / Σw⌋, then the residue goes one unit each to the largest remainders, ties to the
    /// lower index, so the parts sum to the total exactly. When all weights are zero every part is zero.
    /// </summary>
    public static BigInteger[] LargestRemainder(BigInteger total, IReadOnlyList<BigInteger> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var parts = new BigInteger[weights.Count];
        var sum = weights.Aggregate(BigInteger.Zero, (a, w) => a + BigInteger.Max(w, 0));
        if (sum.IsZero || total.IsZero) return parts;
        var remainders = new BigInteger[weights.Count];
        var given = BigInteger.Zero;
        for (var i = 0; i < weights.Count; i++)
        {
            parts[i] = BigInteger.DivRem(total * BigInteger.Max(weights[i], 0), sum, out remainders[i]);
            given += parts[i];
        }
        // The residue is Σ remainders / Σw, fewer than the parts with a non-zero remainder.
        var residue = (int)(total - given);
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(residue))
            parts[i] += 1;
        return parts;
    }
}
