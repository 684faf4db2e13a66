using System.Numerics;

namespace HarmonySim.Protocol.Crypto.Vdf;

/// <summary>
/// Wesolowski's verifiable delay function ("Efficient verifiable delay functions", 2019) over an RSA group of unknown
/// order. Evaluating takes T sequential squarings, which cannot be parallelised or shortcut without the group order;
/// checking takes two short exponentiations. Pure and deterministic.
/// </summary>
public sealed class WesolowskiVdf
{
    private static readonly Lazy<WesolowskiVdf> DefaultInstance = new(() => new WesolowskiVdf(RsaGroup.Rsa2048));

    public WesolowskiVdf(RsaGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
    }

    /// <summary>The VDF over the RSA-2048 challenge modulus.</summary>
    public static WesolowskiVdf Rsa2048 => DefaultInstance.Value;

    public RsaGroup Group { get; }

    /// <summary>
    /// x = hash-to-group(input); y = x^(2^T) by T squarings; ℓ = <see cref="PrimeChallenge.Derive"/>(x, y);
    /// π = x^⌊2^T/ℓ⌋ by long division of 2^T by ℓ, one bit per step, squaring π and multiplying in x on each quotient
    /// bit 1 (T more squarings, about T/2 multiplications, constant memory whatever T is).
    /// </summary>
    public VdfResult Evaluate(ReadOnlySpan<byte> input, int difficulty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        var n = Group.Modulus;
        var x = Group.HashToElement(input);

        var y = x;
        for (var i = 0; i < difficulty; i++) y = y * y % n;
        // (−v)² = v², so reducing to the canonical representative once at the end is enough.
        y = Group.Canonical(y);

        var l = PrimeChallenge.Derive(Group.Encode(x), Group.Encode(y));
        var pi = BigInteger.One;
        var r = BigInteger.One; // remainder of the leading 1 bit of 2^T, which is below ℓ
        for (var i = 0; i < difficulty; i++)
        {
            r <<= 1;
            pi = pi * pi % n;
            if (r >= l)
            {
                r -= l;
                pi = pi * x % n;
            }
        }
        return new VdfResult(y, Group.Canonical(pi));
    }

    /// <summary>
    /// Accepts iff y and π are valid canonical elements and π^ℓ · x^r = ±y with r = 2^T mod ℓ, ℓ recomputed from
    /// (x, y). False, never an exception, for malformed values or a difficulty below 1.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> input, int difficulty, BigInteger output, BigInteger proof)
    {
        if (difficulty < 1 || !Group.IsValidElement(output) || !Group.IsValidElement(proof)) return false;
        var n = Group.Modulus;
        var x = Group.HashToElement(input);
        var l = PrimeChallenge.Derive(Group.Encode(x), Group.Encode(output));
        var r = BigInteger.ModPow(2, difficulty, l);
        var lhs = BigInteger.ModPow(proof, l, n) * BigInteger.ModPow(x, r, n) % n;
        return Group.Canonical(lhs) == output;
    }

    public bool Verify(ReadOnlySpan<byte> input, int difficulty, VdfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Verify(input, difficulty, result.Output, result.Proof);
    }

    /// <summary>Checks the y ‖ π encoding of <see cref="VdfResult.ToBytes"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> input, int difficulty, ReadOnlySpan<byte> encoded) =>
        VdfResult.TryFromBytes(Group, encoded, out var result) && Verify(input, difficulty, result!);
}
