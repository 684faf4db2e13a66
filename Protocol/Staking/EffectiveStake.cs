using System.Numerics;

namespace HarmonySim.Protocol.Staking;

/// <summary>Median and clamp of reference §4.3 steps 5–6, in exact integer arithmetic over atto-ONE.</summary>
public static class EffectiveStake
{
    /// <summary>
    /// Median of the values: the middle one, or for an even count the mean of the two middle ones rounded down
    /// (⌊(a + b)/2⌋; stakes are non-negative). Zero for no values.
    /// </summary>
    public static BigInteger Median(IEnumerable<BigInteger> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return BigInteger.Zero;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The clamp bounds as integers: ⌈(1−c)·median⌉ and ⌊(1+c)·median⌋, c an exact decimal. An integer stake lies
    /// within the exact real bounds iff it lies within these, so clamping to them changes exactly the stakes the
    /// exact clamp changes, and moves them to the nearest atto inside.
    /// </summary>
    public static (BigInteger Lower, BigInteger Upper) Bounds(BigInteger median, decimal c)
    {
        if (c < 0 || c > 1) throw new ArgumentOutOfRangeException(nameof(c), c, "c lies between 0 and 1");
        var (num, den) = Fraction(c);
        var lowerNum = (den - num) * median;
        var lower = BigInteger.DivRem(lowerNum, den, out var rem);
        if (rem.Sign > 0) lower += 1;
        var upper = (den + num) * median / den;
        return (lower, upper);
    }

    public static BigInteger Clamp(BigInteger raw, BigInteger median, decimal c)
    {
        var (lower, upper) = Bounds(median, c);
        return BigInteger.Clamp(raw, lower, upper);
    }

    /// <summary>An exact decimal as num/den with den a power of ten.</summary>
    private static (BigInteger Num, BigInteger Den) Fraction(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (bits[3] < 0) mantissa = -mantissa;
        return (mantissa, BigInteger.Pow(10, scale));
    }
}
