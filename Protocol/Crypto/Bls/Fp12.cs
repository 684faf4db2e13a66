using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>GF(p^12) = GF(p^6)[w]/(w^2 - v); element c0 + c1·w. The pairing's target group lives here.</summary>
[SkipLocalsInit]
internal readonly struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0, C1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static readonly Fp12 One = new(Fp6.One, Fp6.Zero);

    // ξ^((p-1)/6): w^p = FrobW·w.
    private static readonly Fp2 FrobW = Fp2.Pow(new Fp2(Fp.One, Fp.One), (Fp.Modulus - 1) / 6);

    public bool IsOne => Equals(One);
    public bool Equals(Fp12 other) => C0.Equals(other.C0) & C1.Equals(other.C1);
    public override bool Equals(object? obj) => obj is Fp12 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public static Fp12 Mul(in Fp12 a, in Fp12 b)
    {
        var aa = Fp6.Mul(a.C0, b.C0);
        var bb = Fp6.Mul(a.C1, b.C1);
        var c1 = Fp6.Sub(Fp6.Sub(Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(b.C0, b.C1)), aa), bb);
        var c0 = Fp6.Add(Fp6.MulByNonResidue(bb), aa);
        return new Fp12(c0, c1);
    }

    /// <summary>Complex squaring: 2 GF(p^6) multiplications.</summary>
    public static Fp12 Square(in Fp12 a)
    {
        var ab = Fp6.Mul(a.C0, a.C1);
        var c0c1 = Fp6.Add(a.C0, a.C1);
        var c0 = Fp6.Sub(Fp6.Sub(Fp6.Mul(c0c1, Fp6.Add(a.C0, Fp6.MulByNonResidue(a.C1))), ab), Fp6.MulByNonResidue(ab));
        return new Fp12(c0, Fp6.Add(ab, ab));
    }

    /// <summary>Multiplies by the sparse line value c0 + c1·v + c4·v·w (slots 0, 1 and 4).</summary>
    public static Fp12 MulBy014(in Fp12 a, in Fp2 c0, in Fp2 c1, in Fp2 c4)
    {
        var aa = Fp6.MulBy01(a.C0, c0, c1);
        var bb = Fp6.MulBy1(a.C1, c4);
        var o = Fp2.Add(c1, c4);
        var t = Fp6.MulBy01(Fp6.Add(a.C1, a.C0), c0, o);
        var r1 = Fp6.Sub(Fp6.Sub(t, aa), bb);
        var r0 = Fp6.Add(Fp6.MulByNonResidue(bb), aa);
        return new Fp12(r0, r1);
    }

    /// <summary>x^(p^6), which is the inverse for elements of the cyclotomic subgroup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp12 Conjugate(in Fp12 a) => new(a.C0, Fp6.Neg(a.C1));

    public Fp12 Frobenius()
    {
        var c0 = C0.Frobenius();
        var c1 = Fp6.MulByFp2(C1.Frobenius(), FrobW);
        return new Fp12(c0, c1);
    }

    public Fp12 Invert()
    {
        var t = Fp6.Sub(Fp6.Square(C0), Fp6.MulByNonResidue(Fp6.Square(C1))).Invert();
        return new Fp12(Fp6.Mul(C0, t), Fp6.Neg(Fp6.Mul(C1, t)));
    }

    private static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 c0, out Fp2 c1)
    {
        var t0 = Fp2.Square(a);
        var t1 = Fp2.Square(b);
        c0 = Fp2.Add(Fp2.MulByNonResidue(t1), t0);
        c1 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(a, b)), t0), t1);
    }

    /// <summary>Granger–Scott squaring, valid for elements of the cyclotomic subgroup.</summary>
    public static Fp12 CyclotomicSquare(in Fp12 f)
    {
        var z0 = f.C0.C0;
        var z4 = f.C0.C1;
        var z3 = f.C0.C2;
        var z2 = f.C1.C0;
        var z1 = f.C1.C1;
        var z5 = f.C1.C2;

        Fp4Square(z0, z1, out var t0, out var t1);
        z0 = Fp2.Sub(t0, z0);
        z0 = Fp2.Add(Fp2.Double(z0), t0);
        z1 = Fp2.Add(t1, z1);
        z1 = Fp2.Add(Fp2.Double(z1), t1);

        Fp4Square(z2, z3, out t0, out t1);
        Fp4Square(z4, z5, out var t2, out var t3);

        z4 = Fp2.Sub(t0, z4);
        z4 = Fp2.Add(Fp2.Double(z4), t0);
        z5 = Fp2.Add(t1, z5);
        z5 = Fp2.Add(Fp2.Double(z5), t1);

        t0 = Fp2.MulByNonResidue(t3);
        z2 = Fp2.Add(t0, z2);
        z2 = Fp2.Add(Fp2.Double(z2), t0);
        z3 = Fp2.Sub(t2, z3);
        z3 = Fp2.Add(Fp2.Double(z3), t2);

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }
}
