namespace HarmonySim.Protocol.Crypto.Simulated;

/// <summary>Arithmetic modulo the Mersenne prime 2^61 − 1, where reduction is a shift and an add.</summary>
internal static class Mersenne61
{
    public const ulong P = (1UL << 61) - 1;

    public static ulong Add(ulong a, ulong b)
    {
        var r = a + b;
        return r >= P ? r - P : r;
    }

    public static ulong Multiply(ulong a, ulong b)
    {
        var product = (UInt128)a * b;
        var r = ((ulong)product & P) + (ulong)(product >> 61);
        r = (r & P) + (r >> 61);
        return r >= P ? r - P : r;
    }

    /// <summary>Maps 8 uniformly random bytes to a non-zero field element.</summary>
    public static ulong FromRandom(ulong raw)
    {
        var r = (raw & P) + (raw >> 61);
        r = r >= P ? r - P : r;
        return r == 0 ? 1 : r;
    }
}
