using System.Buffers.Binary;
using System.Numerics;

namespace HarmonySim.Protocol.Crypto.Vdf;

/// <summary>
/// Wesolowski's challenge ℓ: a 128-bit prime derived from the statement (x, y) by hashing, so the prover learns it
/// only after fixing y (the Fiat–Shamir form of the interactive protocol).
/// </summary>
public static class PrimeChallenge
{
    public const int Bits = 128;

    private static readonly byte[] Domain = "HarmonySim VDF hash-to-prime v1"u8.ToArray();

    /// <summary>
    /// Odd primes below 100: trial division by them weeds out most candidates before any exponentiation, and the
    /// first 20 of them are the fixed Miller–Rabin bases.
    /// </summary>
    private static readonly int[] SmallPrimes = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

    private static readonly int[] Bases = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];

    /// <summary>
    /// For counter c = 0, 1, …: candidate = first 16 bytes of Keccak(domain ‖ c (4 bytes BE) ‖ x ‖ y), big-endian,
    /// with the top bit set (exactly 128 bits) and the low bit set (odd); the first candidate that passes
    /// <see cref="IsProbablePrime"/> is ℓ. About 44 candidates are tried on average (primes have density 2/ln 2^128
    /// among odd 128-bit numbers). <paramref name="x"/> and <paramref name="y"/> are fixed-length encodings.
    /// </summary>
    public static BigInteger Derive(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var message = new byte[Domain.Length + 4 + x.Length + y.Length];
        Domain.CopyTo(message, 0);
        x.CopyTo(message.AsSpan(Domain.Length + 4));
        y.CopyTo(message.AsSpan(Domain.Length + 4 + x.Length));
        Span<byte> digest = stackalloc byte[Hash32.Size];
        for (uint counter = 0; ; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(Domain.Length), counter);
            Keccak256.Hash(message).WriteTo(digest);
            digest[0] |= 0x80;
            digest[Bits / 8 - 1] |= 0x01;
            var candidate = new BigInteger(digest[..(Bits / 8)], isUnsigned: true, isBigEndian: true);
            if (IsProbablePrime(candidate)) return candidate;
        }
    }

    /// <summary>
    /// Miller–Rabin with the 20 fixed bases 2…71, after trial division. Deterministic, so prover and verifier agree
    /// on ℓ. Fixed bases are proven exact below 3.3·10^24 (the first 13 primes); for 128-bit numbers no such proof
    /// exists, but the candidates are hash outputs nobody can steer, and a random odd composite passes even one
    /// base with probability at most 1/4 (far less in practice), so a composite ℓ is not a practical concern.
    /// </summary>
    public static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2) return false;
        if (n.IsEven) return n == 2;
        foreach (var p in SmallPrimes)
        {
            if (n == p) return true;
            if ((n % p).IsZero) return false;
        }
        // n − 1 = d · 2^s with d odd.
        var nMinusOne = n - 1;
        var s = (int)BigInteger.TrailingZeroCount(nMinusOne);
        var d = nMinusOne >> s;
        foreach (var a in Bases)
        {
            if (a >= n) break;
            var v = BigInteger.ModPow(a, d, n);
            if (v.IsOne || v == nMinusOne) continue;
            var witness = true;
            for (var r = 1; r < s && witness; r++)
            {
                v = BigInteger.ModPow(v, 2, n);
                if (v == nMinusOne) witness = false;
            }
            if (witness) return false;
        }
        return true;
    }
}
