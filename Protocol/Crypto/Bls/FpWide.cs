using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>A 768-bit unreduced product (12 limbs, least significant first), for lazy reduction in GF(p^2).</summary>
[SkipLocalsInit]
internal struct Wide
{
    public ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11;
}

/// <summary>Generated straight-line limb code: schoolbook products, Montgomery reduction of a 768-bit value, wide add/sub.</summary>
internal static class FpWide
{
    /// <summary>w = a·b as integers (inputs below 2^384).</summary>
    public static void Mul(in Fp a, in Fp b, out Wide w)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, c, bi;
        bi = b.L0;
        c = Fp.Mac(0, a0, bi, 0, out t0);
        c = Fp.Mac(0, a1, bi, c, out t1);
        c = Fp.Mac(0, a2, bi, c, out t2);
        c = Fp.Mac(0, a3, bi, c, out t3);
        c = Fp.Mac(0, a4, bi, c, out t4);
        c = Fp.Mac(0, a5, bi, c, out t5);
        t6 = c;
        bi = b.L1;
        c = Fp.Mac(t1, a0, bi, 0, out t1);
        c = Fp.Mac(t2, a1, bi, c, out t2);
        c = Fp.Mac(t3, a2, bi, c, out t3);
        c = Fp.Mac(t4, a3, bi, c, out t4);
        c = Fp.Mac(t5, a4, bi, c, out t5);
        c = Fp.Mac(t6, a5, bi, c, out t6);
        t7 = c;
        bi = b.L2;
        c = Fp.Mac(t2, a0, bi, 0, out t2);
        c = Fp.Mac(t3, a1, bi, c, out t3);
        c = Fp.Mac(t4, a2, bi, c, out t4);
        c = Fp.Mac(t5, a3, bi, c, out t5);
        c = Fp.Mac(t6, a4, bi, c, out t6);
        c = Fp.Mac(t7, a5, bi, c, out t7);
        t8 = c;
        bi = b.L3;
        c = Fp.Mac(t3, a0, bi, 0, out t3);
        c = Fp.Mac(t4, a1, bi, c, out t4);
        c = Fp.Mac(t5, a2, bi, c, out t5);
        c = Fp.Mac(t6, a3, bi, c, out t6);
        c = Fp.Mac(t7, a4, bi, c, out t7);
        c = Fp.Mac(t8, a5, bi, c, out t8);
        t9 = c;
        bi = b.L4;
        c = Fp.Mac(t4, a0, bi, 0, out t4);
        c = Fp.Mac(t5, a1, bi, c, out t5);
        c = Fp.Mac(t6, a2, bi, c, out t6);
        c = Fp.Mac(t7, a3, bi, c, out t7);
        c = Fp.Mac(t8, a4, bi, c, out t8);
        c = Fp.Mac(t9, a5, bi, c, out t9);
        t10 = c;
        bi = b.L5;
        c = Fp.Mac(t5, a0, bi, 0, out t5);
        c = Fp.Mac(t6, a1, bi, c, out t6);
        c = Fp.Mac(t7, a2, bi, c, out t7);
        c = Fp.Mac(t8, a3, bi, c, out t8);
        c = Fp.Mac(t9, a4, bi, c, out t9);
        c = Fp.Mac(t10, a5, bi, c, out t10);
        t11 = c;
        w.W0 = t0; w.W1 = t1; w.W2 = t2; w.W3 = t3; w.W4 = t4; w.W5 = t5;
        w.W6 = t6; w.W7 = t7; w.W8 = t8; w.W9 = t9; w.W10 = t10; w.W11 = t11;
    }

    /// <summary>Montgomery reduction T·R^-1 mod p of T &lt; p·R.</summary>
    public static Fp Redc(in Wide w)
    {
        ulong t0 = w.W0, t1 = w.W1, t2 = w.W2, t3 = w.W3, t4 = w.W4, t5 = w.W5, t6 = w.W6, t7 = w.W7, t8 = w.W8, t9 = w.W9, t10 = w.W10, t11 = w.W11;
        ulong c, c2 = 0, m;
        m = t0 * Fp.Inv;
        c = Fp.Mac(t0, m, Fp.P0, 0, out t0);
        c = Fp.Mac(t1, m, Fp.P1, c, out t1);
        c = Fp.Mac(t2, m, Fp.P2, c, out t2);
        c = Fp.Mac(t3, m, Fp.P3, c, out t3);
        c = Fp.Mac(t4, m, Fp.P4, c, out t4);
        c = Fp.Mac(t5, m, Fp.P5, c, out t5);
        t6 = Fp.AddCarry(t6, c, c2, out c2);
        m = t1 * Fp.Inv;
        c = Fp.Mac(t1, m, Fp.P0, 0, out t1);
        c = Fp.Mac(t2, m, Fp.P1, c, out t2);
        c = Fp.Mac(t3, m, Fp.P2, c, out t3);
        c = Fp.Mac(t4, m, Fp.P3, c, out t4);
        c = Fp.Mac(t5, m, Fp.P4, c, out t5);
        c = Fp.Mac(t6, m, Fp.P5, c, out t6);
        t7 = Fp.AddCarry(t7, c, c2, out c2);
        m = t2 * Fp.Inv;
        c = Fp.Mac(t2, m, Fp.P0, 0, out t2);
        c = Fp.Mac(t3, m, Fp.P1, c, out t3);
        c = Fp.Mac(t4, m, Fp.P2, c, out t4);
        c = Fp.Mac(t5, m, Fp.P3, c, out t5);
        c = Fp.Mac(t6, m, Fp.P4, c, out t6);
        c = Fp.Mac(t7, m, Fp.P5, c, out t7);
        t8 = Fp.AddCarry(t8, c, c2, out c2);
        m = t3 * Fp.Inv;
        c = Fp.Mac(t3, m, Fp.P0, 0, out t3);
        c = Fp.Mac(t4, m, Fp.P1, c, out t4);
        c = Fp.Mac(t5, m, Fp.P2, c, out t5);
        c = Fp.Mac(t6, m, Fp.P3, c, out t6);
        c = Fp.Mac(t7, m, Fp.P4, c, out t7);
        c = Fp.Mac(t8, m, Fp.P5, c, out t8);
        t9 = Fp.AddCarry(t9, c, c2, out c2);
        m = t4 * Fp.Inv;
        c = Fp.Mac(t4, m, Fp.P0, 0, out t4);
        c = Fp.Mac(t5, m, Fp.P1, c, out t5);
        c = Fp.Mac(t6, m, Fp.P2, c, out t6);
        c = Fp.Mac(t7, m, Fp.P3, c, out t7);
        c = Fp.Mac(t8, m, Fp.P4, c, out t8);
        c = Fp.Mac(t9, m, Fp.P5, c, out t9);
        t10 = Fp.AddCarry(t10, c, c2, out c2);
        m = t5 * Fp.Inv;
        c = Fp.Mac(t5, m, Fp.P0, 0, out t5);
        c = Fp.Mac(t6, m, Fp.P1, c, out t6);
        c = Fp.Mac(t7, m, Fp.P2, c, out t7);
        c = Fp.Mac(t8, m, Fp.P3, c, out t8);
        c = Fp.Mac(t9, m, Fp.P4, c, out t9);
        c = Fp.Mac(t10, m, Fp.P5, c, out t10);
        t11 = Fp.AddCarry(t11, c, c2, out c2);
        return Fp.Reduce(t6, t7, t8, t9, t10, t11);
    }

    public static void Add(in Wide a, in Wide b, out Wide r)
    {
        ulong c;
        r.W0 = Fp.AddCarry(a.W0, b.W0, 0, out c);
        r.W1 = Fp.AddCarry(a.W1, b.W1, c, out c);
        r.W2 = Fp.AddCarry(a.W2, b.W2, c, out c);
        r.W3 = Fp.AddCarry(a.W3, b.W3, c, out c);
        r.W4 = Fp.AddCarry(a.W4, b.W4, c, out c);
        r.W5 = Fp.AddCarry(a.W5, b.W5, c, out c);
        r.W6 = Fp.AddCarry(a.W6, b.W6, c, out c);
        r.W7 = Fp.AddCarry(a.W7, b.W7, c, out c);
        r.W8 = Fp.AddCarry(a.W8, b.W8, c, out c);
        r.W9 = Fp.AddCarry(a.W9, b.W9, c, out c);
        r.W10 = Fp.AddCarry(a.W10, b.W10, c, out c);
        r.W11 = Fp.AddCarry(a.W11, b.W11, c, out _);
    }

    /// <summary>r = a - b; returns the final borrow (1 when a &lt; b).</summary>
    public static ulong Sub(in Wide a, in Wide b, out Wide r)
    {
        ulong c;
        r.W0 = Fp.SubBorrow(a.W0, b.W0, 0, out c);
        r.W1 = Fp.SubBorrow(a.W1, b.W1, c, out c);
        r.W2 = Fp.SubBorrow(a.W2, b.W2, c, out c);
        r.W3 = Fp.SubBorrow(a.W3, b.W3, c, out c);
        r.W4 = Fp.SubBorrow(a.W4, b.W4, c, out c);
        r.W5 = Fp.SubBorrow(a.W5, b.W5, c, out c);
        r.W6 = Fp.SubBorrow(a.W6, b.W6, c, out c);
        r.W7 = Fp.SubBorrow(a.W7, b.W7, c, out c);
        r.W8 = Fp.SubBorrow(a.W8, b.W8, c, out c);
        r.W9 = Fp.SubBorrow(a.W9, b.W9, c, out c);
        r.W10 = Fp.SubBorrow(a.W10, b.W10, c, out c);
        r.W11 = Fp.SubBorrow(a.W11, b.W11, c, out c);
        return c;
    }

    /// <summary>a - b, adding p·2^384 when the difference is negative (so the result is in [0, p·R) for |a - b| &lt; p·R).</summary>
    public static void SubModPR(in Wide a, in Wide b, out Wide r)
    {
        var borrow = Sub(a, b, out r);
        var m = 0UL - borrow;
        ulong c;
        r.W6 = Fp.AddCarry(r.W6, Fp.P0 & m, 0, out c);
        r.W7 = Fp.AddCarry(r.W7, Fp.P1 & m, c, out c);
        r.W8 = Fp.AddCarry(r.W8, Fp.P2 & m, c, out c);
        r.W9 = Fp.AddCarry(r.W9, Fp.P3 & m, c, out c);
        r.W10 = Fp.AddCarry(r.W10, Fp.P4 & m, c, out c);
        r.W11 = Fp.AddCarry(r.W11, Fp.P5 & m, c, out _);
    }

    /// <summary>Integer sum of two field elements (below 2p, not reduced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp AddNoReduce(in Fp a, in Fp b)
    {
        var t0 = Fp.AddCarry(a.L0, b.L0, 0, out var c);
        var t1 = Fp.AddCarry(a.L1, b.L1, c, out c);
        var t2 = Fp.AddCarry(a.L2, b.L2, c, out c);
        var t3 = Fp.AddCarry(a.L3, b.L3, c, out c);
        var t4 = Fp.AddCarry(a.L4, b.L4, c, out c);
        var t5 = Fp.AddCarry(a.L5, b.L5, c, out _);
        return new Fp(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>Integer a + p - b for reduced a, b (in [1, 2p), not reduced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp SubPlusP(in Fp a, in Fp b)
    {
        var d0 = Fp.SubBorrow(Fp.P0, b.L0, 0, out var c);
        var d1 = Fp.SubBorrow(Fp.P1, b.L1, c, out c);
        var d2 = Fp.SubBorrow(Fp.P2, b.L2, c, out c);
        var d3 = Fp.SubBorrow(Fp.P3, b.L3, c, out c);
        var d4 = Fp.SubBorrow(Fp.P4, b.L4, c, out c);
        var d5 = Fp.SubBorrow(Fp.P5, b.L5, c, out _);
        return AddNoReduce(a, new Fp(d0, d1, d2, d3, d4, d5));
    }
}
