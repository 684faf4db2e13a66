using System.Buffers.Binary;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// [k]H for one fixed G2 point H by signed fixed windows: the table holds d·2^(w·i)·H in affine form for every
/// window i and every digit 1 ≤ d ≤ 2^(w-1), so a multiplication is one mixed addition per non-zero digit and no
/// doubling at all. A committee signs one message with hundreds of keys, which pays back the build (about
/// 256/w · 2^(w-1) affine additions in 2(w-1) batches that share an inversion each) many times over.
/// Not constant time: which entry is read and whether an addition happens depend on k. HarmonySim signs inside a
/// simulation, where timing is not an attack surface; <see cref="G2Gls.MulSecret"/> stays the constant-time path.
/// The result is the same group element as any other way of computing [k]H, so its encoding is identical.
/// </summary>
internal sealed class G2FixedBaseTable
{
    /// <summary>Window width chosen by measurement (bench/BlsBenchmarks.cs): widest whose build still pays off for a 250-key committee.</summary>
    public const int DefaultWidth = 6;

    private readonly int _width;
    private readonly int _half;
    private readonly int _windows;
    // One small array per window rather than one of 132 KB: large-object-heap allocations would bring on full
    // collections (and with them array-pool trimming) every few tables, which a profile of mainnet-2020 showed.
    private readonly Fp2[][] _x;
    private readonly Fp2[][] _y;

    public G2FixedBaseTable(in Point<Fp2> h, int width = DefaultWidth)
    {
        if (width is < 2 or > 16) throw new ArgumentOutOfRangeException(nameof(width));
        if (h.IsIdentity) throw new ArgumentException("the base must not be the identity", nameof(h));
        _width = width;
        _half = 1 << (width - 1);
        // Scalars are below 2^255; with w·windows ≥ 256 the top digit plus a carry still fits in 1..2^(w-1).
        _windows = (256 + width - 1) / width;
        _x = new Fp2[_windows][];
        _y = new Fp2[_windows][];
        for (var i = 0; i < _windows; i++)
        {
            _x[i] = new Fp2[_half];
            _y[i] = new Fp2[_half];
        }
        // Column d = 1: the window bases 2^(w·i)·H, by projective doublings and one shared inversion.
        var bases = new Point<Fp2>[_windows];
        var b = h;
        for (var i = 0; i < _windows; i++)
        {
            bases[i] = b;
            for (var k = 0; k < width; k++) b = Point<Fp2>.Double(b);
        }
        var bx = new Fp2[_windows];
        var by = new Fp2[_windows];
        ToAffine(bases, bx, by);
        for (var i = 0; i < _windows; i++)
        {
            _x[i][0] = bx[i];
            _y[i][0] = by[i];
        }
        // Then in generations: 2^k·B doubles 2^(k-1)·B; every d between 2^k and 2^(k+1) is (d - 2^k)·B + 2^k·B.
        // Within a generation no entry needs another, so each is one batch of affine additions sharing one inversion.
        for (var p = 2; p <= _half; p <<= 1)
        {
            AffineBatch([(p / 2, p / 2, p)]);
            var jobs = new List<(int A, int B, int C)>();
            for (var d = p + 1; d < 2 * p && d <= _half; d++) jobs.Add((d - p, p, d));
            if (jobs.Count > 0) AffineBatch(jobs);
        }
    }

    /// <summary>
    /// For every window i and job (a, b, c): entry c = entry a + entry b (a doubling when a = b), in affine
    /// coordinates with one inversion for the whole batch. No exceptional case arises: entries are non-identity
    /// multiples of H below r, a ≠ b jobs never have a = ±b, and y ≠ 0 on points of odd order.
    /// </summary>
    private void AffineBatch(List<(int A, int B, int C)> jobs)
    {
        var n = jobs.Count * _windows;
        var den = new Fp2[n];
        var prefix = new Fp2[n];
        var acc = Fp2.One;
        for (var t = 0; t < n; t++)
        {
            var (a, b, _) = jobs[t / _windows];
            var i = t % _windows;
            den[t] = a == b ? Fp2.Double(_y[i][a - 1]) : Fp2.Sub(_x[i][b - 1], _x[i][a - 1]);
            prefix[t] = acc;
            acc = Fp2.Mul(acc, den[t]);
        }
        var inv = acc.Invert();
        for (var t = n - 1; t >= 0; t--)
        {
            var (a, b, c) = jobs[t / _windows];
            var i = t % _windows;
            var dInv = Fp2.Mul(inv, prefix[t]);
            inv = Fp2.Mul(inv, den[t]);
            Fp2 x1 = _x[i][a - 1], y1 = _y[i][a - 1], x2 = _x[i][b - 1], y2 = _y[i][b - 1];
            Fp2 num;
            if (a == b)
            {
                var xx = Fp2.Square(x1);
                num = Fp2.Add(Fp2.Double(xx), xx);
            }
            else num = Fp2.Sub(y2, y1);
            var lambda = Fp2.Mul(num, dInv);
            var x3 = Fp2.Sub(Fp2.Sub(Fp2.Square(lambda), x1), x2);
            _x[i][c - 1] = x3;
            _y[i][c - 1] = Fp2.Sub(Fp2.Mul(lambda, Fp2.Sub(x1, x3)), y1);
        }
    }

    /// <summary>Bytes the table holds (for sizing caches).</summary>
    public long SizeInBytes => 2L * _windows * _half * System.Runtime.CompilerServices.Unsafe.SizeOf<Fp2>();

    /// <summary>[k]H for a 32-byte big-endian scalar k &lt; 2^255 (every secret key and every sum of them mod r).</summary>
    public Point<Fp2> Mul(ReadOnlySpan<byte> scalarBe32)
    {
        if (scalarBe32.Length != 32) throw new ArgumentException("a scalar is 32 bytes", nameof(scalarBe32));
        if ((scalarBe32[0] & 0x80) != 0) throw new ArgumentException("the scalar must be below 2^255", nameof(scalarBe32));
        Span<ulong> limbs = stackalloc ulong[5];
        for (var i = 0; i < 4; i++) limbs[i] = BinaryPrimitives.ReadUInt64BigEndian(scalarBe32[(24 - (8 * i))..]);
        limbs[4] = 0;
        var mask = (1 << _width) - 1;
        var acc = Point<Fp2>.Identity;
        var started = false;
        var carry = 0;
        for (var i = 0; i < _windows; i++)
        {
            var digit = Window(limbs, i * _width, mask) + carry;
            // Signed recoding: a digit above 2^(w-1) becomes digit - 2^w and carries one into the next window. The
            // top window never needs it (see the constructor).
            carry = digit > _half && i < _windows - 1 ? 1 : 0;
            digit -= carry << _width;
            if (digit == 0) continue;
            var index = Math.Abs(digit) - 1;
            var y = digit < 0 ? Fp2.Neg(_y[i][index]) : _y[i][index];
            if (!started)
            {
                acc = Point<Fp2>.FromAffine(_x[i][index], y);
                started = true;
            }
            else acc = Point<Fp2>.AddAffine(acc, _x[i][index], y);
        }
        return acc;
    }

    /// <summary>The w bits of the little-endian limbs starting at bit <paramref name="offset"/> (zero past the top).</summary>
    private static int Window(ReadOnlySpan<ulong> limbs, int offset, int mask)
    {
        var limb = offset >> 6;
        var shift = offset & 63;
        if (limb >= 4) return 0;
        var bits = limbs[limb] >> shift;
        if (shift != 0) bits |= limbs[limb + 1] << (64 - shift);
        return (int)bits & mask;
    }

    /// <summary>Normalises many non-identity projective points with one inversion (Montgomery's trick).</summary>
    private static void ToAffine(ReadOnlySpan<Point<Fp2>> points, Span<Fp2> xs, Span<Fp2> ys)
    {
        // xs holds the prefix products of the Z coordinates until it is overwritten from the back.
        var acc = Fp2.One;
        for (var i = 0; i < points.Length; i++)
        {
            xs[i] = acc;
            acc = Fp2.Mul(acc, points[i].Z);
        }
        var inv = acc.Invert();
        for (var i = points.Length - 1; i >= 0; i--)
        {
            var zInv = Fp2.Mul(inv, xs[i]);
            inv = Fp2.Mul(inv, points[i].Z);
            xs[i] = Fp2.Mul(points[i].X, zInv);
            ys[i] = Fp2.Mul(points[i].Y, zInv);
        }
    }
}
