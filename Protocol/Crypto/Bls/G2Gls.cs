using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// Constant-time [k]Q for Q in G2 using the endomorphism ψ (GLS): with z = |x|, ψ acts on G2 as [x] = [-z], so writing
/// k = d0 + d1·z + d2·z² + d3·z³ (0 ≤ dᵢ &lt; z &lt; 2^64, since k &lt; r &lt; z⁴) gives
/// [k]Q = [d0]Q + [d1](-ψQ) + [d2]ψ²Q + [d3](-ψ³Q): four 64-bit multiplications sharing 64 doublings.
/// The digits come from branch-free division by the invariant z (Möller–Granlund 2-by-1 division with a
/// precomputed reciprocal); windows are fixed 4-bit, every table entry is read for each lookup, and an addition
/// is done in every window (complete formulas), so neither branches nor memory accesses depend on k.
/// </summary>
internal static class G2Gls
{
    private const ulong Z = G1.AbsX; // normalised: top bit set

    /// <summary>floor((2^128 - 1) / z) - 2^64.</summary>
    private static readonly ulong Reciprocal = (ulong)(UInt128.MaxValue / Z);

    /// <summary>(u1·2^64 + u0) / z for u1 &lt; z: returns the quotient, the remainder in r. Branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Div2By1(ulong u1, ulong u0, out ulong r)
    {
        var q = (UInt128)Reciprocal * u1 + new UInt128(u1, u0);
        var q1 = (ulong)(q >> 64) + 1;
        var q0 = (ulong)q;
        var rem = u0 - (q1 * Z);
        // if rem > q0: q1 -= 1, rem += z
        var m1 = 0UL - (rem > q0 ? 1UL : 0UL);
        q1 -= 1 & m1;
        rem += Z & m1;
        // if rem >= z: q1 += 1, rem -= z
        var m2 = 0UL - (rem >= Z ? 1UL : 0UL);
        q1 += 1 & m2;
        rem -= Z & m2;
        r = rem;
        return q1;
    }

    /// <summary>Splits a 256-bit big-endian scalar below z^4 into its four base-z digits.</summary>
    internal static void Decompose(ReadOnlySpan<byte> scalarBe32, Span<ulong> digits)
    {
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(scalarBe32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(scalarBe32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(scalarBe32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(scalarBe32[24..]);
        for (var d = 0; d < 3; d++)
        {
            // l3 < z always holds: k < z^4 ≤ 2^256 and z > 2^63 means the top limb is below z after each division
            // (initially k < 2^255 < z·2^192).
            var q3 = Div2By1(0, l3, out var r);
            var q2 = Div2By1(r, l2, out r);
            var q1 = Div2By1(r, l1, out r);
            var q0 = Div2By1(r, l0, out r);
            digits[d] = r;
            l3 = q3;
            l2 = q2;
            l1 = q1;
            l0 = q0;
        }
        digits[3] = l0; // below z, so l1..l3 are zero
    }

    public static Point<Fp2> MulSecret(in Point<Fp2> q, ReadOnlySpan<byte> scalarBe32)
    {
        Span<ulong> digits = stackalloc ulong[4];
        Decompose(scalarBe32, digits);
        var q1 = Point<Fp2>.Neg(G2.Psi(q));
        var q2 = G2.Psi(G2.Psi(q));
        var q3 = Point<Fp2>.Neg(G2.Psi(G2.Psi(G2.Psi(q))));
        Span<Point<Fp2>> tables = stackalloc Point<Fp2>[64];
        FillTable(tables[..16], q);
        FillTable(tables.Slice(16, 16), q1);
        FillTable(tables.Slice(32, 16), q2);
        FillTable(tables.Slice(48, 16), q3);
        var acc = Point<Fp2>.Identity;
        for (var w = 15; w >= 0; w--)
        {
            acc = Point<Fp2>.Double(acc);
            acc = Point<Fp2>.Double(acc);
            acc = Point<Fp2>.Double(acc);
            acc = Point<Fp2>.Double(acc);
            for (var j = 0; j < 4; j++)
            {
                var nibble = (uint)(digits[j] >> (4 * w)) & 0xf;
                acc = Point<Fp2>.Add(acc, Lookup(tables.Slice(16 * j, 16), nibble));
            }
        }
        tables.Clear();
        digits.Clear();
        return acc;
    }

    private static void FillTable(Span<Point<Fp2>> table, in Point<Fp2> p)
    {
        table[0] = Point<Fp2>.Identity;
        table[1] = p;
        for (var i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? Point<Fp2>.Double(table[i >> 1]) : Point<Fp2>.Add(table[i - 1], p);
    }

    private static Point<Fp2> Lookup(ReadOnlySpan<Point<Fp2>> table, uint nibble)
    {
        var sel = table[0];
        for (var j = 1; j < 16; j++)
        {
            var diff = (uint)j ^ nibble;
            var mask = (ulong)(((long)diff - 1) >> 63);
            sel = Point<Fp2>.SelectMask(sel, table[j], mask);
        }
        return sel;
    }
}
