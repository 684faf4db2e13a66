namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// A G2 point prepared for the Miller loop: the line coefficients of every doubling and addition step, so a point
/// used in many pairings (a message hash shared by a committee's votes, the generator) pays for them once.
/// </summary>
internal sealed class G2Prepared
{
    public const int Steps = 68; // 63 doublings + 5 additions for |x| = 0xd201000000010000 (without the leading bit)

    internal readonly Fp2[] C0, C1, C2;
    public bool IsIdentity { get; }

    public G2Prepared(in Point<Fp2> q)
    {
        C0 = new Fp2[Steps];
        C1 = new Fp2[Steps];
        C2 = new Fp2[Steps];
        IsIdentity = q.IsIdentity;
        if (IsIdentity) return;
        q.ToAffine(out var qx, out var qy);
        // Jacobian coordinates on the twist, starting at Q.
        var rx = qx;
        var ry = qy;
        var rz = Fp2.One;
        var k = 0;
        var foundOne = false;
        for (var b = 63; b >= 0; b--)
        {
            var bit = (((G1.AbsX >> 1) >> b) & 1) == 1;
            if (!foundOne)
            {
                foundOne = bit;
                continue;
            }
            DoublingStep(ref rx, ref ry, ref rz, out C0[k], out C1[k], out C2[k]);
            k++;
            if (bit)
            {
                AdditionStep(ref rx, ref ry, ref rz, qx, qy, out C0[k], out C1[k], out C2[k]);
                k++;
            }
        }
        DoublingStep(ref rx, ref ry, ref rz, out C0[k], out C1[k], out C2[k]);
        k++;
        if (k != Steps) throw new InvalidOperationException("unexpected Miller loop length");
    }

    // Line functions after Costello–Lange–Naehrig (ePrint 2010/354, algorithms 26 and 27), as adapted for
    // BLS12-381's M-type twist; each returns the three non-zero slots of the line, to be scaled by P's coordinates.
    internal static void DoublingStep(ref Fp2 x, ref Fp2 y, ref Fp2 z, out Fp2 c0, out Fp2 c1, out Fp2 c2)
    {
        var tmp0 = Fp2.Square(x);
        var tmp1 = Fp2.Square(y);
        var tmp2 = Fp2.Square(tmp1);
        var tmp3 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(tmp1, x)), tmp0), tmp2);
        tmp3 = Fp2.Double(tmp3);
        var tmp4 = Fp2.Add(Fp2.Double(tmp0), tmp0);
        var tmp6 = Fp2.Add(x, tmp4);
        var tmp5 = Fp2.Square(tmp4);
        var zsquared = Fp2.Square(z);
        x = Fp2.Sub(Fp2.Sub(tmp5, tmp3), tmp3);
        z = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(z, y)), tmp1), zsquared);
        y = Fp2.Mul(Fp2.Sub(tmp3, x), tmp4);
        tmp2 = Fp2.Double(Fp2.Double(Fp2.Double(tmp2)));
        y = Fp2.Sub(y, tmp2);
        tmp3 = Fp2.Mul(tmp4, zsquared);
        tmp3 = Fp2.Neg(Fp2.Double(tmp3));
        tmp6 = Fp2.Sub(Fp2.Sub(Fp2.Square(tmp6), tmp0), tmp5);
        tmp1 = Fp2.Double(Fp2.Double(tmp1));
        tmp6 = Fp2.Sub(tmp6, tmp1);
        tmp0 = Fp2.Double(Fp2.Mul(z, zsquared));
        c0 = tmp0;
        c1 = tmp3;
        c2 = tmp6;
    }

    internal static void AdditionStep(ref Fp2 x, ref Fp2 y, ref Fp2 z, in Fp2 qx, in Fp2 qy, out Fp2 c0, out Fp2 c1, out Fp2 c2)
    {
        var zsquared = Fp2.Square(z);
        var ysquared = Fp2.Square(qy);
        var t0 = Fp2.Mul(zsquared, qx);
        var t1 = Fp2.Mul(Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(qy, z)), ysquared), zsquared), zsquared);
        var t2 = Fp2.Sub(t0, x);
        var t3 = Fp2.Square(t2);
        var t4 = Fp2.Double(Fp2.Double(t3));
        var t5 = Fp2.Mul(t4, t2);
        var t6 = Fp2.Sub(Fp2.Sub(t1, y), y);
        var t9 = Fp2.Mul(t6, qx);
        var t7 = Fp2.Mul(t4, x);
        x = Fp2.Sub(Fp2.Sub(Fp2.Sub(Fp2.Square(t6), t5), t7), t7);
        z = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(z, t2)), zsquared), t3);
        var t10 = Fp2.Add(qy, z);
        var t8 = Fp2.Mul(Fp2.Sub(t7, x), t6);
        t0 = Fp2.Double(Fp2.Mul(y, t5));
        y = Fp2.Sub(t8, t0);
        t10 = Fp2.Sub(Fp2.Sub(Fp2.Square(t10), ysquared), Fp2.Square(z));
        t9 = Fp2.Sub(Fp2.Double(t9), t10);
        t10 = Fp2.Double(z);
        t6 = Fp2.Neg(t6);
        t1 = Fp2.Double(t6);
        c0 = t10;
        c1 = t1;
        c2 = t9;
    }
}

/// <summary>The optimal ate pairing e: G1 × G2 → GT on BLS12-381, with a multi-Miller loop and a shared final exponentiation.</summary>
internal static class Pairing
{
    /// <summary>Π f_{|x|,Q_i}(P_i), conjugated for the negative x. Identity inputs contribute 1.</summary>
    public static Fp12 MillerLoop(ReadOnlySpan<Point<Fp>> ps, ReadOnlySpan<G2Prepared> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("as many G1 as G2 points are needed", nameof(qs));
        var n = ps.Length;
        var px = new Fp[n];
        var py = new Fp[n];
        var active = new bool[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = !ps[i].IsIdentity && !qs[i].IsIdentity;
            if (active[i]) ps[i].ToAffine(out px[i], out py[i]);
        }
        var f = Fp12.One;
        var k = 0;
        var foundOne = false;
        for (var b = 63; b >= 0; b--)
        {
            var bit = (((G1.AbsX >> 1) >> b) & 1) == 1;
            if (!foundOne)
            {
                foundOne = bit;
                continue;
            }
            f = Ell(f, qs, px, py, active, k++);
            if (bit) f = Ell(f, qs, px, py, active, k++);
            f = Fp12.Square(f);
        }
        f = Ell(f, qs, px, py, active, k);
        return Fp12.Conjugate(f);
    }

    private static Fp12 Ell(Fp12 f, ReadOnlySpan<G2Prepared> qs, Fp[] px, Fp[] py, bool[] active, int k)
    {
        for (var i = 0; i < qs.Length; i++)
        {
            if (!active[i]) continue;
            var q = qs[i];
            var c0 = Fp2.MulByFp(q.C0[k], py[i]);
            var c1 = Fp2.MulByFp(q.C1[k], px[i]);
            f = Fp12.MulBy014(f, q.C2[k], c1, c0);
        }
        return f;
    }

    private static Fp12 CyclotomicExpByX(in Fp12 f)
    {
        var tmp = Fp12.One;
        var foundOne = false;
        for (var b = 63; b >= 0; b--)
        {
            var bit = ((G1.AbsX >> b) & 1) == 1;
            if (foundOne) tmp = Fp12.CyclotomicSquare(tmp);
            else foundOne = bit;
            if (bit) tmp = Fp12.Mul(tmp, f);
        }
        return Fp12.Conjugate(tmp);
    }

    /// <summary>f^((p^12 - 1)/r): the easy part, then the hard part by an x-based addition chain with cyclotomic squarings.</summary>
    public static Fp12 FinalExponentiation(in Fp12 m)
    {
        var f = m;
        var t0 = Fp12.Conjugate(f);
        var t1 = f.Invert();
        var t2 = Fp12.Mul(t0, t1);
        t1 = t2;
        t2 = t2.Frobenius().Frobenius();
        t2 = Fp12.Mul(t2, t1);
        t1 = Fp12.Conjugate(Fp12.CyclotomicSquare(t2));
        var t3 = CyclotomicExpByX(t2);
        var t4 = Fp12.CyclotomicSquare(t3);
        var t5 = Fp12.Mul(t1, t3);
        t1 = CyclotomicExpByX(t5);
        t0 = CyclotomicExpByX(t1);
        var t6 = CyclotomicExpByX(t0);
        t6 = Fp12.Mul(t6, t4);
        t4 = CyclotomicExpByX(t6);
        t5 = Fp12.Conjugate(t5);
        t4 = Fp12.Mul(t4, Fp12.Mul(t5, t2));
        t5 = Fp12.Conjugate(t2);
        t1 = Fp12.Mul(t1, t2);
        t1 = t1.Frobenius().Frobenius().Frobenius();
        t6 = Fp12.Mul(t6, t5);
        t6 = t6.Frobenius();
        t3 = Fp12.Mul(t3, t0);
        t3 = t3.Frobenius().Frobenius();
        t3 = Fp12.Mul(t3, t1);
        t3 = Fp12.Mul(t3, t6);
        return Fp12.Mul(t3, t4);
    }

    /// <summary>
    /// f_{|x|,Q1}(P1) · f_{|x|,Q2}(P2) (conjugated). Q1's lines come from <paramref name="q1Prepared"/> when given,
    /// otherwise they are computed on the fly from <paramref name="q1"/>; Q2's are computed on the fly.
    /// No allocation: this is the verification hot path.
    /// </summary>
    public static Fp12 MillerLoop2(in Point<Fp> p1, G2Prepared? q1Prepared, in Point<Fp2> q1, in Point<Fp> p2, in Point<Fp2> q2)
    {
        var prepared1 = q1Prepared is not null && !q1Prepared.IsIdentity && !p1.IsIdentity;
        var raw1 = q1Prepared is null && !q1.IsIdentity && !p1.IsIdentity;
        var active2 = !q2.IsIdentity && !p2.IsIdentity;
        Fp px1 = default, py1 = default, px2 = default, py2 = default;
        Fp2 qx1 = default, qy1 = default, qx2 = default, qy2 = default;
        if (prepared1 || raw1) p1.ToAffine(out px1, out py1);
        if (raw1) q1.ToAffine(out qx1, out qy1);
        if (active2)
        {
            p2.ToAffine(out px2, out py2);
            q2.ToAffine(out qx2, out qy2);
        }
        Fp2 rx1 = qx1, ry1 = qy1, rz1 = Fp2.One;
        Fp2 rx2 = qx2, ry2 = qy2, rz2 = Fp2.One;
        var f = Fp12.One;
        var k = 0;
        var foundOne = false;
        Fp2 c0, c1, c2;
        for (var b = 63; b >= 0; b--)
        {
            var bit = (((G1.AbsX >> 1) >> b) & 1) == 1;
            if (!foundOne)
            {
                foundOne = bit;
                continue;
            }
            if (prepared1) f = Line(f, q1Prepared!, k, px1, py1);
            if (raw1)
            {
                G2Prepared.DoublingStep(ref rx1, ref ry1, ref rz1, out c0, out c1, out c2);
                f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px1), Fp2.MulByFp(c0, py1));
            }
            if (active2)
            {
                G2Prepared.DoublingStep(ref rx2, ref ry2, ref rz2, out c0, out c1, out c2);
                f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px2), Fp2.MulByFp(c0, py2));
            }
            k++;
            if (bit)
            {
                if (prepared1) f = Line(f, q1Prepared!, k, px1, py1);
                if (raw1)
                {
                    G2Prepared.AdditionStep(ref rx1, ref ry1, ref rz1, qx1, qy1, out c0, out c1, out c2);
                    f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px1), Fp2.MulByFp(c0, py1));
                }
                if (active2)
                {
                    G2Prepared.AdditionStep(ref rx2, ref ry2, ref rz2, qx2, qy2, out c0, out c1, out c2);
                    f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px2), Fp2.MulByFp(c0, py2));
                }
                k++;
            }
            f = Fp12.Square(f);
        }
        if (prepared1) f = Line(f, q1Prepared!, k, px1, py1);
        if (raw1)
        {
            G2Prepared.DoublingStep(ref rx1, ref ry1, ref rz1, out c0, out c1, out c2);
            f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px1), Fp2.MulByFp(c0, py1));
        }
        if (active2)
        {
            G2Prepared.DoublingStep(ref rx2, ref ry2, ref rz2, out c0, out c1, out c2);
            f = Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, px2), Fp2.MulByFp(c0, py2));
        }
        return Fp12.Conjugate(f);
    }

    private static Fp12 Line(in Fp12 f, G2Prepared q, int k, in Fp px, in Fp py) =>
        Fp12.MulBy014(f, q.C2[k], Fp2.MulByFp(q.C1[k], px), Fp2.MulByFp(q.C0[k], py));

    public static Fp12 Pair(in Point<Fp> p, in Point<Fp2> q) =>
        FinalExponentiation(MillerLoop2(Point<Fp>.Identity, null, Point<Fp2>.Identity, p, q));

    private static readonly Point<Fp> NegG1 = Point<Fp>.Neg(G1.Generator);

    /// <summary>e(P, Q1) = e(G1, Q2), i.e. e(P, Q1)·e(-G1, Q2) = 1, with Q1's lines precomputed.</summary>
    public static bool VerifyEquation(in Point<Fp> p, G2Prepared q1, in Point<Fp2> q2) =>
        FinalExponentiation(MillerLoop2(p, q1, Point<Fp2>.Identity, NegG1, q2)).IsOne;

    /// <summary>e(P, Q1)·e(-G1, Q2) = 1 with every line computed on the fly (no allocation).</summary>
    public static bool VerifyEquation(in Point<Fp> p, in Point<Fp2> q1, in Point<Fp2> q2) =>
        FinalExponentiation(MillerLoop2(p, null, q1, NegG1, q2)).IsOne;

    /// <summary>True when Π e(P_i, Q_i) = 1.</summary>
    public static bool ProductIsOne(ReadOnlySpan<Point<Fp>> ps, ReadOnlySpan<G2Prepared> qs) =>
        FinalExponentiation(MillerLoop(ps, qs)).IsOne;
}
