using System.Numerics;
using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// A point of y^2 = x^3 + b over F in homogeneous projective coordinates (x = X/Z, y = Y/Z); the identity is (0:1:0).
/// Addition and doubling use the complete formulas of Renes–Costello–Batina (2016, algorithms 7 and 9 for a = 0),
/// which have no exceptional cases, so the same code path runs for every input (constant time).
/// </summary>
[SkipLocalsInit]
internal readonly struct Point<F> where F : unmanaged, IField<F>
{
    public readonly F X, Y, Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Point(in F x, in F y, in F z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static Point<F> Identity => new(F.FieldZero, F.FieldOne, F.FieldZero);

    public static Point<F> FromAffine(in F x, in F y) => new(x, y, F.FieldOne);

    public bool IsIdentity => Z.IsZero;

    public bool IsOnCurve()
    {
        // Y^2 Z = X^3 + b Z^3
        var lhs = F.Mul(F.Square(Y), Z);
        var rhs = F.Add(F.Mul(F.Square(X), X), F.MulByB(F.Mul(F.Square(Z), Z)));
        return lhs.Equals(rhs);
    }

    /// <summary>Projective equality: X1 Z2 = X2 Z1 and Y1 Z2 = Y2 Z1.</summary>
    public bool Equals(in Point<F> o)
    {
        var a = F.Mul(X, o.Z).Equals(F.Mul(o.X, Z));
        var b = F.Mul(Y, o.Z).Equals(F.Mul(o.Y, Z));
        var i1 = IsIdentity;
        var i2 = o.IsIdentity;
        return (i1 & i2) | (!i1 & !i2 & a & b);
    }

    public void ToAffine(out F x, out F y)
    {
        if (IsIdentity)
        {
            x = F.FieldZero;
            y = F.FieldZero;
            return;
        }
        if (Z.Equals(F.FieldOne))
        {
            x = X;
            y = Y;
            return;
        }
        var zi = F.Inverse(Z);
        x = F.Mul(X, zi);
        y = F.Mul(Y, zi);
    }

    public Point<F> Normalize()
    {
        if (IsIdentity) return Identity;
        ToAffine(out var x, out var y);
        return FromAffine(x, y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Point<F> Neg(in Point<F> p) => new(p.X, F.Neg(p.Y), p.Z);

    public static Point<F> Add(in Point<F> p, in Point<F> q)
    {
        var t0 = F.Mul(p.X, q.X);
        var t1 = F.Mul(p.Y, q.Y);
        var t2 = F.Mul(p.Z, q.Z);
        var t3 = F.Mul(F.Add(p.X, p.Y), F.Add(q.X, q.Y));
        var t4 = F.Add(t0, t1);
        t3 = F.Sub(t3, t4);
        t4 = F.Mul(F.Add(p.Y, p.Z), F.Add(q.Y, q.Z));
        var x3 = F.Add(t1, t2);
        t4 = F.Sub(t4, x3);
        x3 = F.Mul(F.Add(p.X, p.Z), F.Add(q.X, q.Z));
        var y3 = F.Add(t0, t2);
        y3 = F.Sub(x3, y3);
        x3 = F.Add(t0, t0);
        t0 = F.Add(x3, t0);
        t2 = F.MulByB3(t2);
        var z3 = F.Add(t1, t2);
        t1 = F.Sub(t1, t2);
        y3 = F.MulByB3(y3);
        x3 = F.Mul(t4, y3);
        t2 = F.Mul(t3, t1);
        x3 = F.Sub(t2, x3);
        y3 = F.Mul(y3, t0);
        t1 = F.Mul(t1, z3);
        y3 = F.Add(t1, y3);
        t0 = F.Mul(t0, t3);
        z3 = F.Mul(z3, t4);
        z3 = F.Add(z3, t0);
        return new Point<F>(x3, y3, z3);
    }

    /// <summary>Mixed addition with an affine point (x2, y2) that is not the identity (RCB algorithm 8).</summary>
    public static Point<F> AddAffine(in Point<F> p, in F x2, in F y2)
    {
        var t0 = F.Mul(p.X, x2);
        var t1 = F.Mul(p.Y, y2);
        var t3 = F.Mul(F.Add(x2, y2), F.Add(p.X, p.Y));
        var t4 = F.Add(t0, t1);
        t3 = F.Sub(t3, t4);
        t4 = F.Add(F.Mul(y2, p.Z), p.Y);
        var y3 = F.Add(F.Mul(x2, p.Z), p.X);
        var x3 = F.Add(t0, t0);
        t0 = F.Add(x3, t0);
        var t2 = F.MulByB3(p.Z);
        var z3 = F.Add(t1, t2);
        t1 = F.Sub(t1, t2);
        y3 = F.MulByB3(y3);
        x3 = F.Mul(t4, y3);
        t2 = F.Mul(t3, t1);
        x3 = F.Sub(t2, x3);
        y3 = F.Mul(y3, t0);
        t1 = F.Mul(t1, z3);
        y3 = F.Add(t1, y3);
        t0 = F.Mul(t0, t3);
        z3 = F.Mul(z3, t4);
        z3 = F.Add(z3, t0);
        return new Point<F>(x3, y3, z3);
    }

    /// <summary>p + q, using the cheaper mixed formula when q is affine (Z = 1); variable time in q's form only.</summary>
    public static Point<F> AddMixed(in Point<F> p, in Point<F> q)
    {
        if (q.IsIdentity) return p;
        return q.Z.Equals(F.FieldOne) ? AddAffine(p, q.X, q.Y) : Add(p, q);
    }

    public static Point<F> Double(in Point<F> p)
    {
        var t0 = F.Square(p.Y);
        var z3 = F.Double(t0);
        z3 = F.Double(z3);
        z3 = F.Double(z3);
        var t1 = F.Mul(p.Y, p.Z);
        var t2 = F.Square(p.Z);
        t2 = F.MulByB3(t2);
        var x3 = F.Mul(t2, z3);
        var y3 = F.Add(t0, t2);
        z3 = F.Mul(t1, z3);
        t1 = F.Double(t2);
        t2 = F.Add(t1, t2);
        t0 = F.Sub(t0, t2);
        y3 = F.Mul(t0, y3);
        y3 = F.Add(x3, y3);
        t1 = F.Mul(p.X, p.Y);
        x3 = F.Mul(t0, t1);
        x3 = F.Double(x3);
        return new Point<F>(x3, y3, z3);
    }

    public static Point<F> Sub(in Point<F> p, in Point<F> q) => Add(p, Neg(q));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Point<F> SelectMask(in Point<F> a, in Point<F> b, ulong mask) =>
        new(F.SelectMask(a.X, b.X, mask), F.SelectMask(a.Y, b.Y, mask), F.SelectMask(a.Z, b.Z, mask));

    /// <summary>[k]P for a public 64-bit scalar (variable time).</summary>
    public static Point<F> MulPublic(in Point<F> p, ulong k)
    {
        var r = Identity;
        var bits = 64 - BitOperations.LeadingZeroCount(k);
        for (var i = bits - 1; i >= 0; i--)
        {
            r = Double(r);
            if (((k >> i) & 1) != 0) r = Add(r, p);
        }
        return r;
    }

    /// <summary>
    /// [k]P for a public 64-bit scalar in Jacobian coordinates (cheaper doublings than the complete projective
    /// formulas), variable time; every exceptional case of the addition (identity, P = ±R) is handled, so it is
    /// correct for points of any order (subgroup checks run it on untrusted points).
    /// </summary>
    public static Point<F> MulPublicJacobian(in Point<F> p, ulong k)
    {
        if (p.IsIdentity || k == 0) return Identity;
        // projective (X:Y:Z) -> Jacobian (XZ : YZ^2 : Z)
        var z2 = F.Square(p.Z);
        var px = F.Mul(p.X, p.Z);
        var py = F.Mul(p.Y, z2);
        var pz = p.Z;
        F rx = px, ry = py, rz = pz;
        var bits = 64 - BitOperations.LeadingZeroCount(k);
        for (var i = bits - 2; i >= 0; i--)
        {
            JacobianDouble(ref rx, ref ry, ref rz);
            if (((k >> i) & 1) != 0) JacobianAdd(ref rx, ref ry, ref rz, px, py, pz);
        }
        if (rz.IsZero) return Identity;
        // Jacobian (X:Y:Z) -> projective (XZ : Y : Z^3)
        return new Point<F>(F.Mul(rx, rz), ry, F.Mul(F.Square(rz), rz));
    }

    private static void JacobianDouble(ref F x, ref F y, ref F z)
    {
        if (z.IsZero) return;
        var a = F.Square(x);
        var b = F.Square(y);
        var c = F.Square(b);
        var d = F.Double(F.Sub(F.Sub(F.Square(F.Add(x, b)), a), c));
        var e = F.Add(F.Double(a), a);
        var f = F.Square(e);
        var x3 = F.Sub(f, F.Double(d));
        var c8 = F.Double(F.Double(F.Double(c)));
        var y3 = F.Sub(F.Mul(e, F.Sub(d, x3)), c8);
        var z3 = F.Double(F.Mul(y, z));
        x = x3;
        y = y3;
        z = z3;
    }

    private static void JacobianAdd(ref F x1, ref F y1, ref F z1, in F x2, in F y2, in F z2)
    {
        if (z1.IsZero)
        {
            x1 = x2;
            y1 = y2;
            z1 = z2;
            return;
        }
        if (z2.IsZero) return;
        var z1z1 = F.Square(z1);
        var z2z2 = F.Square(z2);
        var u1 = F.Mul(x1, z2z2);
        var u2 = F.Mul(x2, z1z1);
        var s1 = F.Mul(F.Mul(y1, z2), z2z2);
        var s2 = F.Mul(F.Mul(y2, z1), z1z1);
        var h = F.Sub(u2, u1);
        var r = F.Double(F.Sub(s2, s1));
        if (h.IsZero)
        {
            if (r.IsZero)
            {
                JacobianDouble(ref x1, ref y1, ref z1);
                return;
            }
            x1 = F.FieldOne;
            y1 = F.FieldOne;
            z1 = F.FieldZero;
            return;
        }
        var i = F.Square(F.Double(h));
        var j = F.Mul(h, i);
        var v = F.Mul(u1, i);
        var x3 = F.Sub(F.Sub(F.Square(r), j), F.Double(v));
        var y3 = F.Sub(F.Mul(r, F.Sub(v, x3)), F.Double(F.Mul(s1, j)));
        var z3 = F.Mul(F.Sub(F.Sub(F.Square(F.Add(z1, z2)), z1z1), z2z2), h);
        x1 = x3;
        y1 = y3;
        z1 = z3;
    }

    /// <summary>[k]P for a public non-negative integer (variable time).</summary>
    public static Point<F> MulPublic(in Point<F> p, BigInteger k)
    {
        if (k.Sign < 0) return Neg(MulPublic(p, -k));
        var r = Identity;
        var bits = (int)k.GetBitLength();
        for (var i = bits - 1; i >= 0; i--)
        {
            r = Double(r);
            if (!(k >> i).IsEven) r = Add(r, p);
        }
        return r;
    }

    /// <summary>
    /// [k]P for a secret scalar given as 32 big-endian bytes: fixed 4-bit windows, a table lookup that reads every
    /// entry and selects with masks, and an addition in every window (the identity entry included), so the sequence of
    /// operations and memory accesses does not depend on k.
    /// </summary>
    public static Point<F> MulSecret(in Point<F> p, ReadOnlySpan<byte> scalarBe32)
    {
        Span<Point<F>> table = stackalloc Point<F>[16];
        table[0] = Identity;
        table[1] = p;
        for (var i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? Double(table[i >> 1]) : Add(table[i - 1], p);
        var r = Identity;
        for (var i = 0; i < 64; i++)
        {
            var b = scalarBe32[i >> 1];
            var nibble = (uint)((i & 1) == 0 ? b >> 4 : b & 0xf);
            r = Double(r);
            r = Double(r);
            r = Double(r);
            r = Double(r);
            var sel = table[0];
            for (var j = 1; j < 16; j++)
            {
                // mask = all ones when j == nibble, without a branch.
                var diff = (uint)j ^ nibble;
                var mask = (ulong)(((long)diff - 1) >> 63);
                sel = SelectMask(sel, table[j], mask);
            }
            r = Add(r, sel);
        }
        table.Clear();
        return r;
    }

    /// <summary>
    /// Σ P_i for public points by pairwise affine additions whose denominators share one inversion per round
    /// (Montgomery's trick): about 6 multiplications per point instead of 11 for mixed projective additions.
    /// Points that are not affine, and pairs with equal x (doubling or cancellation), go through the complete
    /// projective formulas, so the result is right for any input. Variable time.
    /// </summary>
    public static Point<F> SumPublic(ReadOnlySpan<Point<F>> points)
    {
        var extra = Identity;
        var n = 0;
        var xs = System.Buffers.ArrayPool<F>.Shared.Rent(Math.Max(points.Length, 1));
        var ys = System.Buffers.ArrayPool<F>.Shared.Rent(Math.Max(points.Length, 1));
        var den = System.Buffers.ArrayPool<F>.Shared.Rent(Math.Max(points.Length / 2, 1));
        var pre = System.Buffers.ArrayPool<F>.Shared.Rent(Math.Max(points.Length / 2, 1));
        try
        {
            foreach (var p in points)
            {
                if (p.IsIdentity) continue;
                if (!p.Z.Equals(F.FieldOne))
                {
                    extra = Add(extra, p);
                    continue;
                }
                xs[n] = p.X;
                ys[n] = p.Y;
                n++;
            }
            while (n > 1)
            {
                var pairs = n / 2;
                // Denominators x2 - x1 and their prefix products; a zero denominator is replaced by 1 and handled apart.
                var acc = F.FieldOne;
                for (var i = 0; i < pairs; i++)
                {
                    var d = F.Sub(xs[(2 * i) + 1], xs[2 * i]);
                    if (d.IsZero) d = F.FieldOne;
                    den[i] = d;
                    acc = F.Mul(acc, d);
                    pre[i] = acc;
                }
                var inv = F.Inverse(acc);
                var m = 0;
                for (var i = pairs - 1; i >= 0; i--)
                {
                    // inv = 1 / (d_0 ... d_i)
                    var dInv = i > 0 ? F.Mul(inv, pre[i - 1]) : inv;
                    inv = F.Mul(inv, den[i]);
                    den[i] = dInv;
                }
                for (var i = 0; i < pairs; i++)
                {
                    F x1 = xs[2 * i], y1 = ys[2 * i], x2 = xs[(2 * i) + 1], y2 = ys[(2 * i) + 1];
                    if (F.Sub(x2, x1).IsZero)
                    {
                        extra = AddAffine(AddAffine(extra, x1, y1), x2, y2);
                        continue;
                    }
                    var lambda = F.Mul(F.Sub(y2, y1), den[i]);
                    var x3 = F.Sub(F.Sub(F.Square(lambda), x1), x2);
                    var y3 = F.Sub(F.Mul(lambda, F.Sub(x1, x3)), y1);
                    xs[m] = x3;
                    ys[m] = y3;
                    m++;
                }
                if ((n & 1) == 1)
                {
                    xs[m] = xs[n - 1];
                    ys[m] = ys[n - 1];
                    m++;
                }
                n = m;
            }
            return n == 1 ? AddAffine(extra, xs[0], ys[0]) : extra;
        }
        finally
        {
            System.Buffers.ArrayPool<F>.Shared.Return(xs);
            System.Buffers.ArrayPool<F>.Shared.Return(ys);
            System.Buffers.ArrayPool<F>.Shared.Return(den);
            System.Buffers.ArrayPool<F>.Shared.Return(pre);
        }
    }

    /// <summary>
    /// Σ [k_i] P_i for public 64-bit scalars (Pippenger's bucket method), used by batch verification.
    /// </summary>
    public static Point<F> MultiMulPublic(ReadOnlySpan<Point<F>> points, ReadOnlySpan<ulong> scalars)
    {
        var n = points.Length;
        if (n == 0) return Identity;
        var c = n < 8 ? 3 : n < 64 ? 4 : n < 512 ? 6 : 8;
        var buckets = new Point<F>[(1 << c) - 1];
        var windows = (64 + c - 1) / c;
        var acc = Identity;
        for (var w = windows - 1; w >= 0; w--)
        {
            for (var d = 0; d < c; d++) acc = Double(acc);
            Array.Fill(buckets, Identity);
            var shift = w * c;
            var any = false;
            for (var i = 0; i < n; i++)
            {
                var digit = (int)((scalars[i] >> shift) & (ulong)((1 << c) - 1));
                if (digit == 0) continue;
                buckets[digit - 1] = AddMixed(buckets[digit - 1], points[i]);
                any = true;
            }
            if (!any) continue;
            var running = Identity;
            var sum = Identity;
            for (var j = buckets.Length - 1; j >= 0; j--)
            {
                running = Add(running, buckets[j]);
                sum = Add(sum, running);
            }
            acc = Add(acc, sum);
        }
        return acc;
    }
}
