using System.Numerics;
using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>GF(p^2) = GF(p)[u]/(u^2 + 1); element c0 + c1·u.</summary>
[SkipLocalsInit]
internal readonly struct Fp2 : IEquatable<Fp2>, IField<Fp2>
{
    public readonly Fp C0, C1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static readonly Fp2 Zero;
    public static readonly Fp2 One = new(Fp.One, Fp.Zero);

    public static Fp2 FromHex(string c0, string c1) => new(Fp.FromHex(c0), Fp.FromHex(c1));

    public bool IsZero => C0.IsZero && C1.IsZero;

    public bool Equals(Fp2 other) => C0.Equals(other.C0) & C1.Equals(other.C1);
    public override bool Equals(object? obj) => obj is Fp2 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1);
    public override string ToString() => $"{C0},{C1}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Add(in Fp2 a, in Fp2 b) => new(Fp.Add(a.C0, b.C0), Fp.Add(a.C1, b.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Sub(in Fp2 a, in Fp2 b) => new(Fp.Sub(a.C0, b.C0), Fp.Sub(a.C1, b.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Neg(in Fp2 a) => new(Fp.Neg(a.C0), Fp.Neg(a.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Double(in Fp2 a) => new(Fp.Add(a.C0, a.C0), Fp.Add(a.C1, a.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Conjugate(in Fp2 a) => new(a.C0, Fp.Neg(a.C1));

    /// <summary>Karatsuba: 3 base-field multiplications.</summary>
    public static Fp2 Mul(in Fp2 a, in Fp2 b)
    {
        // Lazy reduction: three 768-bit products, two Montgomery reductions.
        FpWide.Mul(a.C0, b.C0, out var v0);
        FpWide.Mul(a.C1, b.C1, out var v1);
        FpWide.Mul(FpWide.AddNoReduce(a.C0, a.C1), FpWide.AddNoReduce(b.C0, b.C1), out var s);
        FpWide.SubModPR(v0, v1, out var c0);
        FpWide.Add(v0, v1, out var sum);
        FpWide.Sub(s, sum, out var c1);
        return new Fp2(FpWide.Redc(c0), FpWide.Redc(c1));
    }

    /// <summary>Complex squaring: 2 base-field multiplications.</summary>
    public static Fp2 Square(in Fp2 a)
    {
        // Unreduced operands (each below 2p, so the products stay below p·R): (a0 + a1)(a0 + p - a1) and (2a0)·a1.
        FpWide.Mul(FpWide.AddNoReduce(a.C0, a.C1), FpWide.SubPlusP(a.C0, a.C1), out var w0);
        FpWide.Mul(FpWide.AddNoReduce(a.C0, a.C0), a.C1, out var w1);
        return new Fp2(FpWide.Redc(w0), FpWide.Redc(w1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByFp(in Fp2 a, in Fp b) => new(Fp.Mul(a.C0, b), Fp.Mul(a.C1, b));

    /// <summary>Multiplies by the non-residue ξ = 1 + u used to build GF(p^6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByNonResidue(in Fp2 a) => new(Fp.Sub(a.C0, a.C1), Fp.Add(a.C0, a.C1));

    public static Fp2 operator +(in Fp2 a, in Fp2 b) => Add(a, b);
    public static Fp2 operator -(in Fp2 a, in Fp2 b) => Sub(a, b);
    public static Fp2 operator -(in Fp2 a) => Neg(a);
    public static Fp2 operator *(in Fp2 a, in Fp2 b) => Mul(a, b);

    /// <summary>The Frobenius map x -> x^p, which is conjugation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Frobenius() => Conjugate(this);

    public Fp2 Invert()
    {
        var norm = Fp.Add(Fp.Square(C0), Fp.Square(C1));
        var t = norm.Invert();
        return new Fp2(Fp.Mul(C0, t), Fp.Neg(Fp.Mul(C1, t)));
    }

    public static Fp2 Pow(in Fp2 a, BigInteger e)
    {
        var result = One;
        var bits = (int)e.GetBitLength();
        for (var i = bits - 1; i >= 0; i--)
        {
            result = Square(result);
            if (!(e >> i).IsEven) result = Mul(result, a);
        }
        return result;
    }

    /// <summary>RFC 9380 sgn0 for m = 2.</summary>
    public bool Sgn0()
    {
        var sign0 = C0.IsOdd;
        var zero0 = C0.IsZero;
        var sign1 = C1.IsOdd;
        return sign0 | (zero0 & sign1);
    }

    /// <summary>ZCash "lexicographically largest" for GF(p^2): compare c1, then c0 when c1 is zero.</summary>
    public bool IsLexicographicallyLargest => C1.IsLexicographicallyLargest | (C1.IsZero & C0.IsLexicographicallyLargest);

    /// <summary>True for zero and non-zero squares (the norm is a square in GF(p)).</summary>
    public bool IsSquare() => Fp.Add(Fp.Square(C0), Fp.Square(C1)).IsSquare();

    private static readonly Fp TwoInv = Fp.FromUInt64(2).Invert();

    /// <summary>Square root by the complex method; false when there is none.</summary>
    public bool TrySqrt(out Fp2 root)
    {
        root = default;
        if (C1.IsZero)
        {
            if (C0.TrySqrt(out var r0))
            {
                root = new Fp2(r0, Fp.Zero);
                return true;
            }
            if (Fp.Neg(C0).TrySqrt(out var r1))
            {
                root = new Fp2(Fp.Zero, r1);
                return true;
            }
            return false;
        }
        var norm = Fp.Add(Fp.Square(C0), Fp.Square(C1));
        if (!norm.TrySqrt(out var gamma)) return false;
        var delta = Fp.Mul(Fp.Add(C0, gamma), TwoInv);
        if (!delta.TrySqrtAndInverseSqrt(out var x0, out var x0Inv))
        {
            delta = Fp.Mul(Fp.Sub(C0, gamma), TwoInv);
            if (!delta.TrySqrtAndInverseSqrt(out x0, out x0Inv)) return false;
        }
        // x1 = c1 / (2 x0)
        var x1 = Fp.Mul(Fp.Mul(C1, x0Inv), TwoInv);
        var candidate = new Fp2(x0, x1);
        if (!Square(candidate).Equals(this)) return false;
        root = candidate;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Select(in Fp2 a, in Fp2 b, bool choose) => new(Fp.Select(a.C0, b.C0, choose), Fp.Select(a.C1, b.C1, choose));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 SelectMask(in Fp2 a, in Fp2 b, ulong m) => new(Fp.SelectMask(a.C0, b.C0, m), Fp.SelectMask(a.C1, b.C1, m));

    static Fp2 IField<Fp2>.FieldZero => Zero;
    static Fp2 IField<Fp2>.FieldOne => One;
    static Fp2 IField<Fp2>.Inverse(in Fp2 a) => a.Invert();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByB(in Fp2 a) => MulByNonResidue(new Fp2(Fp.MulByB(a.C0), Fp.MulByB(a.C1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByB3(in Fp2 a) => MulByNonResidue(new Fp2(Fp.MulByB3(a.C0), Fp.MulByB3(a.C1)));
}
