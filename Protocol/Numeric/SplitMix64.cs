namespace HarmonySim.Protocol.Numeric;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a fixed, fast, well-mixed function of a 64-bit value. Pure: used where a
/// draw must be a function of its inputs (an explored leader per height and view, a transfer's content per nonce)
/// rather than of a generator's position.
/// </summary>
public static class SplitMix64
{
    /// <summary>The generator's step: advances <paramref name="state"/> by the golden gamma and mixes it.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The step's output for a state already advanced: the finaliser alone.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A draw's top 53 bits as a double in [0, 1).</summary>
    public static double Unit(ulong draw) => (draw >> 11) * (1.0 / (1UL << 53));
}
