using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>GF(p^6) = GF(p^2)[v]/(v^3 - ξ), ξ = 1 + u; element c0 + c1·v + c2·v^2.</summary>
[SkipLocalsInit]
internal readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0, C1, C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static readonly Fp6 Zero;
    public static readonly Fp6 One = new(Fp2.One, Fp2.Zero, Fp2.Zero);

    // ξ^((p-1)/3) and ξ^(2(p-1)/3): v^p = FrobC1·v, (v^2)^p = FrobC2·v^2.
    private static readonly Fp2 FrobC1 = Fp2.Pow(new Fp2(Fp.One, Fp.One), (Fp.Modulus - 1) / 3);
    private static readonly Fp2 FrobC2 = Fp2.Pow(new Fp2(Fp.One, Fp.One), 2 * (Fp.Modulus - 1) / 3);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;
    public bool Equals(Fp6 other) => C0.Equals(other.C0) & C1.Equals(other.C1) & C2.Equals(other.C2);
    public override bool Equals(object? obj) => obj is Fp6 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Add(in Fp6 a, in Fp6 b) => new(Fp2.Add(a.C0, b.C0), Fp2.Add(a.C1, b.C1), Fp2.Add(a.C2, b.C2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Sub(in Fp6 a, in Fp6 b) => new(Fp2.Sub(a.C0, b.C0), Fp2.Sub(a.C1, b.C1), Fp2.Sub(a.C2, b.C2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Neg(in Fp6 a) => new(Fp2.Neg(a.C0), Fp2.Neg(a.C1), Fp2.Neg(a.C2));

    /// <summary>Multiplies by v: (c0, c1, c2) -> (ξ·c2, c0, c1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 MulByNonResidue(in Fp6 a) => new(Fp2.MulByNonResidue(a.C2), a.C0, a.C1);

    public static Fp6 Mul(in Fp6 a, in Fp6 b)
    {
        var aa = Fp2.Mul(a.C0, b.C0);
        var bb = Fp2.Mul(a.C1, b.C1);
        var cc = Fp2.Mul(a.C2, b.C2);
        var t1 = Fp2.Add(Fp2.MulByNonResidue(Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C1, a.C2), Fp2.Add(b.C1, b.C2)), bb), cc)), aa);
        var t2 = Fp2.Add(Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C1), Fp2.Add(b.C0, b.C1)), aa), bb), Fp2.MulByNonResidue(cc));
        var t3 = Fp2.Sub(Fp2.Add(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C2), Fp2.Add(b.C0, b.C2)), aa), bb), cc);
        return new Fp6(t1, t2, t3);
    }

    /// <summary>Chung–Hasan SQR2.</summary>
    public static Fp6 Square(in Fp6 a)
    {
        var s0 = Fp2.Square(a.C0);
        var ab = Fp2.Mul(a.C0, a.C1);
        var s1 = Fp2.Double(ab);
        var s2 = Fp2.Square(Fp2.Add(Fp2.Sub(a.C0, a.C1), a.C2));
        var bc = Fp2.Mul(a.C1, a.C2);
        var s3 = Fp2.Double(bc);
        var s4 = Fp2.Square(a.C2);
        var c0 = Fp2.Add(Fp2.MulByNonResidue(s3), s0);
        var c1 = Fp2.Add(Fp2.MulByNonResidue(s4), s1);
        var c2 = Fp2.Sub(Fp2.Sub(Fp2.Add(Fp2.Add(s1, s2), s3), s0), s4);
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Multiplies by the sparse element c0 + c1·v.</summary>
    public static Fp6 MulBy01(in Fp6 a, in Fp2 c0, in Fp2 c1)
    {
        var aa = Fp2.Mul(a.C0, c0);
        var bb = Fp2.Mul(a.C1, c1);
        var t1 = Fp2.Add(Fp2.MulByNonResidue(Fp2.Mul(a.C2, c1)), aa);
        var t2 = Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(c0, c1), Fp2.Add(a.C0, a.C1)), aa), bb);
        var t3 = Fp2.Add(Fp2.Mul(a.C2, c0), bb);
        return new Fp6(t1, t2, t3);
    }

    /// <summary>Multiplies by the sparse element c1·v.</summary>
    public static Fp6 MulBy1(in Fp6 a, in Fp2 c1) =>
        new(Fp2.MulByNonResidue(Fp2.Mul(a.C2, c1)), Fp2.Mul(a.C0, c1), Fp2.Mul(a.C1, c1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 MulByFp2(in Fp6 a, in Fp2 b) => new(Fp2.Mul(a.C0, b), Fp2.Mul(a.C1, b), Fp2.Mul(a.C2, b));

    public Fp6 Frobenius() => new(C0.Frobenius(), Fp2.Mul(C1.Frobenius(), FrobC1), Fp2.Mul(C2.Frobenius(), FrobC2));

    public Fp6 Invert()
    {
        var c0 = Fp2.Sub(Fp2.Square(C0), Fp2.MulByNonResidue(Fp2.Mul(C1, C2)));
        var c1 = Fp2.Sub(Fp2.MulByNonResidue(Fp2.Square(C2)), Fp2.Mul(C0, C1));
        var c2 = Fp2.Sub(Fp2.Square(C1), Fp2.Mul(C0, C2));
        var t = Fp2.Add(Fp2.MulByNonResidue(Fp2.Add(Fp2.Mul(C2, c1), Fp2.Mul(C1, c2))), Fp2.Mul(C0, c0)).Invert();
        return new Fp6(Fp2.Mul(t, c0), Fp2.Mul(t, c1), Fp2.Mul(t, c2));
    }
}
