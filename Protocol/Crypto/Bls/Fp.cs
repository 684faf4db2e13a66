using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// An element of the BLS12-381 base field GF(p), p = 0x1a0111ea…aaab (381 bits), held as six 64-bit
/// limbs (least significant first) in Montgomery form with R = 2^384. Immutable, allocation-free.
/// Arithmetic is branch-free on the values (carries and conditional subtractions use masks).
/// </summary>
[SkipLocalsInit]
internal readonly struct Fp : IEquatable<Fp>, IField<Fp>
{
    internal readonly ulong L0, L1, L2, L3, L4, L5;

    // p, little-endian limbs.
    internal const ulong P0 = 0xb9feffffffffaaab, P1 = 0x1eabfffeb153ffff, P2 = 0x6730d2a0f6b0f624;
    internal const ulong P3 = 0x64774b84f38512bf, P4 = 0x4b1ba7b6434bacd7, P5 = 0x1a0111ea397fe69a;

    /// <summary>-p^-1 mod 2^64.</summary>
    internal const ulong Inv = 0x89f3fffcfffcfffd;

    public static readonly BigInteger Modulus = BigInteger.Parse(
        "01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        System.Globalization.NumberStyles.HexNumber);

    /// <summary>R^2 mod p, used to enter Montgomery form.</summary>
    private static readonly Fp R2 = FromLimbsRaw(BigInteger.ModPow(2, 768, Modulus));

    public static readonly Fp Zero;
    public static readonly Fp One = FromLimbsRaw(BigInteger.ModPow(2, 384, Modulus));

    /// <summary>2^256 as a field element (used to reduce 64-byte hash outputs).</summary>
    private static readonly Fp TwoTo256 = FromBigInteger(BigInteger.Pow(2, 256));


    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3; L4 = l4; L5 = l5;
    }

    private static Fp FromLimbsRaw(BigInteger v)
    {
        Span<byte> b = stackalloc byte[48];
        b.Clear();
        v.TryWriteBytes(b, out _, isUnsigned: true, isBigEndian: false);
        return new Fp(
            BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[16..]), BinaryPrimitives.ReadUInt64LittleEndian(b[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[32..]), BinaryPrimitives.ReadUInt64LittleEndian(b[40..]));
    }

    /// <summary>Converts an integer (reduced mod p first) into the field.</summary>
    public static Fp FromBigInteger(BigInteger v)
    {
        v %= Modulus;
        if (v.Sign < 0) v += Modulus;
        return Mul(FromLimbsRaw(v), R2);
    }

    public static Fp FromUInt64(ulong v) => Mul(new Fp(v, 0, 0, 0, 0, 0), R2);

    public static Fp FromHex(string hex) => FromBigInteger(BigInteger.Parse("0" + (hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex), System.Globalization.NumberStyles.HexNumber));

    public BigInteger ToBigInteger()
    {
        var r = FromMontgomery();
        Span<byte> b = stackalloc byte[48];
        BinaryPrimitives.WriteUInt64LittleEndian(b, r.L0);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], r.L1);
        BinaryPrimitives.WriteUInt64LittleEndian(b[16..], r.L2);
        BinaryPrimitives.WriteUInt64LittleEndian(b[24..], r.L3);
        BinaryPrimitives.WriteUInt64LittleEndian(b[32..], r.L4);
        BinaryPrimitives.WriteUInt64LittleEndian(b[40..], r.L5);
        return new BigInteger(b, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The canonical integer value's limbs (out of Montgomery form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp FromMontgomery() => Mul(this, new Fp(1, 0, 0, 0, 0, 0));

    /// <summary>Reads a 48-byte big-endian integer; false when it is not below p.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> be48, out Fp value)
    {
        var raw = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(be48[40..]), BinaryPrimitives.ReadUInt64BigEndian(be48[32..]),
            BinaryPrimitives.ReadUInt64BigEndian(be48[24..]), BinaryPrimitives.ReadUInt64BigEndian(be48[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(be48[8..]), BinaryPrimitives.ReadUInt64BigEndian(be48));
        if (!raw.IsBelowModulus())
        {
            value = default;
            return false;
        }
        value = Mul(raw, R2);
        return true;
    }

    public void WriteBytes(Span<byte> be48)
    {
        var r = FromMontgomery();
        BinaryPrimitives.WriteUInt64BigEndian(be48[40..], r.L0);
        BinaryPrimitives.WriteUInt64BigEndian(be48[32..], r.L1);
        BinaryPrimitives.WriteUInt64BigEndian(be48[24..], r.L2);
        BinaryPrimitives.WriteUInt64BigEndian(be48[16..], r.L3);
        BinaryPrimitives.WriteUInt64BigEndian(be48[8..], r.L4);
        BinaryPrimitives.WriteUInt64BigEndian(be48, r.L5);
    }

    /// <summary>Reduces a 64-byte big-endian integer mod p (RFC 9380 hash_to_field, L = 64).</summary>
    public static Fp FromBytes64(ReadOnlySpan<byte> be64)
    {
        // value = hi * 2^256 + lo with hi, lo < 2^256 < p.
        var hi = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(be64[24..]), BinaryPrimitives.ReadUInt64BigEndian(be64[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(be64[8..]), BinaryPrimitives.ReadUInt64BigEndian(be64), 0, 0);
        var lo = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(be64[56..]), BinaryPrimitives.ReadUInt64BigEndian(be64[48..]),
            BinaryPrimitives.ReadUInt64BigEndian(be64[40..]), BinaryPrimitives.ReadUInt64BigEndian(be64[32..]), 0, 0);
        return Add(Mul(Mul(hi, R2), TwoTo256), Mul(lo, R2));
    }

    private bool IsBelowModulus()
    {
        SubBorrow(L0, P0, 0, out var b);
        SubBorrow(L1, P1, b, out b);
        SubBorrow(L2, P2, b, out b);
        SubBorrow(L3, P3, b, out b);
        SubBorrow(L4, P4, b, out b);
        SubBorrow(L5, P5, b, out b);
        return b != 0;
    }

    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    public bool IsOne => Equals(One);

    /// <summary>The parity of the canonical value (RFC 9380 sgn0 for m = 1).</summary>
    public bool IsOdd => (FromMontgomery().L0 & 1) != 0;

    /// <summary>True when the canonical value is greater than (p-1)/2 (ZCash "lexicographically largest").</summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            // value > (p-1)/2  <=>  2*value > p-1  <=> 2*value >= p (value < p, 2*value != p since p odd).
            var r = FromMontgomery();
            ulong d0 = r.L0 << 1, d1 = (r.L1 << 1) | (r.L0 >> 63), d2 = (r.L2 << 1) | (r.L1 >> 63);
            ulong d3 = (r.L3 << 1) | (r.L2 >> 63), d4 = (r.L4 << 1) | (r.L3 >> 63), d5 = (r.L5 << 1) | (r.L4 >> 63);
            SubBorrow(d0, P0, 0, out var b);
            SubBorrow(d1, P1, b, out b);
            SubBorrow(d2, P2, b, out b);
            SubBorrow(d3, P3, b, out b);
            SubBorrow(d4, P4, b, out b);
            SubBorrow(d5, P5, b, out b);
            return b == 0;
        }
    }

    public bool Equals(Fp other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5)) == 0;

    public override bool Equals(object? obj) => obj is Fp f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(L0, L1, L5);
    public override string ToString() => "0x" + ToBigInteger().ToString("x96", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ulong carry, out ulong carryOut)
    {
        var s = a + b;
        var c1 = s < a ? 1UL : 0UL;
        s += carry;
        var c2 = s < carry ? 1UL : 0UL;
        carryOut = c1 | c2;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ulong borrow, out ulong borrowOut)
    {
        var d = a - b;
        var b1 = a < b ? 1UL : 0UL;
        var d2 = d - borrow;
        var b2 = d < borrow ? 1UL : 0UL;
        borrowOut = b1 | b2;
        return d2;
    }

    /// <summary>(hi, lo) = t + a*b + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mac(ulong t, ulong a, ulong b, ulong c, out ulong lo)
    {
        ulong hi, l;
        if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported)
        {
            // High half from MULX, low half from IMUL: keeps both in registers (BigMul's out parameter goes through memory).
            hi = System.Runtime.Intrinsics.X86.Bmi2.X64.MultiplyNoFlags(a, b);
            l = a * b;
        }
        else
        {
            hi = Math.BigMul(a, b, out l);
        }
        l += t;
        hi += l < t ? 1UL : 0UL;
        l += c;
        hi += l < c ? 1UL : 0UL;
        lo = l;
        return hi;
    }

    /// <summary>Subtracts p when the 384-bit value t is at least p (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5)
    {
        var s0 = SubBorrow(t0, P0, 0, out var b);
        var s1 = SubBorrow(t1, P1, b, out b);
        var s2 = SubBorrow(t2, P2, b, out b);
        var s3 = SubBorrow(t3, P3, b, out b);
        var s4 = SubBorrow(t4, P4, b, out b);
        var s5 = SubBorrow(t5, P5, b, out b);
        // b == 1: t < p, keep t.
        var keep = 0UL - b;
        return new Fp(
            (t0 & keep) | (s0 & ~keep), (t1 & keep) | (s1 & ~keep), (t2 & keep) | (s2 & ~keep),
            (t3 & keep) | (s3 & ~keep), (t4 & keep) | (s4 & ~keep), (t5 & keep) | (s5 & ~keep));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Add(in Fp a, in Fp b)
    {
        var t0 = AddCarry(a.L0, b.L0, 0, out var c);
        var t1 = AddCarry(a.L1, b.L1, c, out c);
        var t2 = AddCarry(a.L2, b.L2, c, out c);
        var t3 = AddCarry(a.L3, b.L3, c, out c);
        var t4 = AddCarry(a.L4, b.L4, c, out c);
        var t5 = AddCarry(a.L5, b.L5, c, out _);
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Sub(in Fp a, in Fp b)
    {
        var t0 = SubBorrow(a.L0, b.L0, 0, out var c);
        var t1 = SubBorrow(a.L1, b.L1, c, out c);
        var t2 = SubBorrow(a.L2, b.L2, c, out c);
        var t3 = SubBorrow(a.L3, b.L3, c, out c);
        var t4 = SubBorrow(a.L4, b.L4, c, out c);
        var t5 = SubBorrow(a.L5, b.L5, c, out c);
        var m = 0UL - c; // add p back when we borrowed
        t0 = AddCarry(t0, P0 & m, 0, out var d);
        t1 = AddCarry(t1, P1 & m, d, out d);
        t2 = AddCarry(t2, P2 & m, d, out d);
        t3 = AddCarry(t3, P3 & m, d, out d);
        t4 = AddCarry(t4, P4 & m, d, out d);
        t5 = AddCarry(t5, P5 & m, d, out _);
        return new Fp(t0, t1, t2, t3, t4, t5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Neg(in Fp a)
    {
        var t0 = SubBorrow(P0, a.L0, 0, out var b);
        var t1 = SubBorrow(P1, a.L1, b, out b);
        var t2 = SubBorrow(P2, a.L2, b, out b);
        var t3 = SubBorrow(P3, a.L3, b, out b);
        var t4 = SubBorrow(P4, a.L4, b, out b);
        var t5 = SubBorrow(P5, a.L5, b, out _);
        var nz = (a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5) == 0 ? 0UL : ulong.MaxValue;
        return new Fp(t0 & nz, t1 & nz, t2 & nz, t3 & nz, t4 & nz, t5 & nz);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Double(in Fp a) => Add(a, a);

    /// <summary>Montgomery product a*b/R mod p (CIOS without the extra carry word; p has spare top bits).</summary>
    public static Fp Mul(in Fp a, in Fp b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0;
        ref var bRef = ref Unsafe.AsRef(in b.L0);
        for (var i = 0; i < 6; i++)
        {
            var bi = Unsafe.Add(ref bRef, i);
            var A = Mac(t0, a0, bi, 0, out t0);
            var m = t0 * Inv;
            var C = Mac(t0, m, P0, 0, out _);
            A = Mac(t1, a1, bi, A, out t1);
            C = Mac(t1, m, P1, C, out t0);
            A = Mac(t2, a2, bi, A, out t2);
            C = Mac(t2, m, P2, C, out t1);
            A = Mac(t3, a3, bi, A, out t3);
            C = Mac(t3, m, P3, C, out t2);
            A = Mac(t4, a4, bi, A, out t4);
            C = Mac(t4, m, P4, C, out t3);
            A = Mac(t5, a5, bi, A, out t5);
            C = Mac(t5, m, P5, C, out t4);
            t5 = C + A;
        }
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>Montgomery squaring: 21 limb products (off-diagonal terms doubled) and a separate reduction (generated straight-line code).</summary>
    public static Fp Square(in Fp a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong r0 = 0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, c, c2, m;
        c = Mac(0, a0, a1, 0, out r1);
        c = Mac(0, a0, a2, c, out r2);
        c = Mac(0, a0, a3, c, out r3);
        c = Mac(0, a0, a4, c, out r4);
        c = Mac(0, a0, a5, c, out r5);
        r6 = c;
        c = Mac(r3, a1, a2, 0, out r3);
        c = Mac(r4, a1, a3, c, out r4);
        c = Mac(r5, a1, a4, c, out r5);
        c = Mac(r6, a1, a5, c, out r6);
        r7 = c;
        c = Mac(r5, a2, a3, 0, out r5);
        c = Mac(r6, a2, a4, c, out r6);
        c = Mac(r7, a2, a5, c, out r7);
        r8 = c;
        c = Mac(r7, a3, a4, 0, out r7);
        c = Mac(r8, a3, a5, c, out r8);
        r9 = c;
        c = Mac(r9, a4, a5, 0, out r9);
        r10 = c;
        r11 = 0;
        r11 = r10 >> 63; r10 = (r10 << 1) | (r9 >> 63); r9 = (r9 << 1) | (r8 >> 63); r8 = (r8 << 1) | (r7 >> 63);
        r7 = (r7 << 1) | (r6 >> 63); r6 = (r6 << 1) | (r5 >> 63); r5 = (r5 << 1) | (r4 >> 63); r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63); r2 = (r2 << 1) | (r1 >> 63); r1 <<= 1;
        ulong hi, lo;
        c = 0;
        hi = Mac(0, a0, a0, 0, out lo);
        r0 = AddCarry(r0, lo, c, out c);
        r1 = AddCarry(r1, hi, c, out c);
        hi = Mac(0, a1, a1, 0, out lo);
        r2 = AddCarry(r2, lo, c, out c);
        r3 = AddCarry(r3, hi, c, out c);
        hi = Mac(0, a2, a2, 0, out lo);
        r4 = AddCarry(r4, lo, c, out c);
        r5 = AddCarry(r5, hi, c, out c);
        hi = Mac(0, a3, a3, 0, out lo);
        r6 = AddCarry(r6, lo, c, out c);
        r7 = AddCarry(r7, hi, c, out c);
        hi = Mac(0, a4, a4, 0, out lo);
        r8 = AddCarry(r8, lo, c, out c);
        r9 = AddCarry(r9, hi, c, out c);
        hi = Mac(0, a5, a5, 0, out lo);
        r10 = AddCarry(r10, lo, c, out c);
        r11 = AddCarry(r11, hi, c, out c);
        c2 = 0;
        m = r0 * Inv;
        c = Mac(r0, m, P0, 0, out r0);
        c = Mac(r1, m, P1, c, out r1);
        c = Mac(r2, m, P2, c, out r2);
        c = Mac(r3, m, P3, c, out r3);
        c = Mac(r4, m, P4, c, out r4);
        c = Mac(r5, m, P5, c, out r5);
        r6 = AddCarry(r6, c, c2, out c2);
        m = r1 * Inv;
        c = Mac(r1, m, P0, 0, out r1);
        c = Mac(r2, m, P1, c, out r2);
        c = Mac(r3, m, P2, c, out r3);
        c = Mac(r4, m, P3, c, out r4);
        c = Mac(r5, m, P4, c, out r5);
        c = Mac(r6, m, P5, c, out r6);
        r7 = AddCarry(r7, c, c2, out c2);
        m = r2 * Inv;
        c = Mac(r2, m, P0, 0, out r2);
        c = Mac(r3, m, P1, c, out r3);
        c = Mac(r4, m, P2, c, out r4);
        c = Mac(r5, m, P3, c, out r5);
        c = Mac(r6, m, P4, c, out r6);
        c = Mac(r7, m, P5, c, out r7);
        r8 = AddCarry(r8, c, c2, out c2);
        m = r3 * Inv;
        c = Mac(r3, m, P0, 0, out r3);
        c = Mac(r4, m, P1, c, out r4);
        c = Mac(r5, m, P2, c, out r5);
        c = Mac(r6, m, P3, c, out r6);
        c = Mac(r7, m, P4, c, out r7);
        c = Mac(r8, m, P5, c, out r8);
        r9 = AddCarry(r9, c, c2, out c2);
        m = r4 * Inv;
        c = Mac(r4, m, P0, 0, out r4);
        c = Mac(r5, m, P1, c, out r5);
        c = Mac(r6, m, P2, c, out r6);
        c = Mac(r7, m, P3, c, out r7);
        c = Mac(r8, m, P4, c, out r8);
        c = Mac(r9, m, P5, c, out r9);
        r10 = AddCarry(r10, c, c2, out c2);
        m = r5 * Inv;
        c = Mac(r5, m, P0, 0, out r5);
        c = Mac(r6, m, P1, c, out r6);
        c = Mac(r7, m, P2, c, out r7);
        c = Mac(r8, m, P3, c, out r8);
        c = Mac(r9, m, P4, c, out r9);
        c = Mac(r10, m, P5, c, out r10);
        r11 = AddCarry(r11, c, c2, out c2);
        return Reduce(r6, r7, r8, r9, r10, r11);
    }

    public static Fp operator +(in Fp a, in Fp b) => Add(a, b);
    public static Fp operator -(in Fp a, in Fp b) => Sub(a, b);
    public static Fp operator -(in Fp a) => Neg(a);
    public static Fp operator *(in Fp a, in Fp b) => Mul(a, b);

    /// <summary>A public exponent as big-endian 4-bit digits.</summary>
    internal sealed class Exponent
    {
        public Exponent(BigInteger e)
        {
            var hex = e.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
            Digits = hex.Select(c => (byte)Convert.ToInt32(c.ToString(), 16)).ToArray();
        }

        public byte[] Digits { get; }
    }

    private static readonly Exponent PMinus2Digits = new(Modulus - 2);
    private static readonly Exponent SqrtDigits = new((Modulus + 1) / 4);
    private static readonly Exponent SqrtMinusOneDigits = new((Modulus - 3) / 4);
    private static readonly Exponent LegendreDigits = new((Modulus - 1) / 2);

    /// <summary>a^e for a public exponent: fixed 4-bit windows. The sequence of operations depends on e only (not on a).</summary>
    internal static Fp Pow(in Fp a, Exponent e)
    {
        Span<Fp> table = stackalloc Fp[16];
        table[0] = One;
        table[1] = a;
        for (var i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? Square(table[i >> 1]) : Mul(table[i - 1], a);
        var digits = e.Digits;
        var result = table[digits[0]];
        for (var i = 1; i < digits.Length; i++)
        {
            result = Square(result);
            result = Square(result);
            result = Square(result);
            result = Square(result);
            if (digits[i] != 0) result = Mul(result, table[digits[i]]);
        }
        return result;
    }

    /// <summary>a^e for a public exponent (square-and-multiply).</summary>
    public static Fp Pow(in Fp a, BigInteger e) => e.IsZero ? One : Pow(a, new Exponent(e));

    /// <summary>1/a (Fermat); 0 maps to 0.</summary>
    public Fp Invert() => Pow(this, PMinus2Digits);

    /// <summary>Square root when one exists (p ≡ 3 mod 4).</summary>
    public bool TrySqrt(out Fp root)
    {
        root = Pow(this, SqrtDigits);
        return Square(root).Equals(this);
    }

    /// <summary>
    /// For a non-zero square a, returns sqrt(a) and 1/sqrt(a) from one exponentiation: t = a^((p-3)/4),
    /// sqrt = t·a and t·sqrt = a^((p-1)/2) = 1. False when a is zero or not a square.
    /// </summary>
    public bool TrySqrtAndInverseSqrt(out Fp root, out Fp inverseRoot)
    {
        inverseRoot = Pow(this, SqrtMinusOneDigits);
        root = Mul(inverseRoot, this);
        return !IsZero && Mul(inverseRoot, root).Equals(One);
    }

    /// <summary>True for zero and the non-zero squares.</summary>
    public bool IsSquare()
    {
        var l = Pow(this, LegendreDigits);
        return l.IsZero || l.Equals(One);
    }

    /// <summary>Constant-time choice: b when choose is true, else a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Select(in Fp a, in Fp b, bool choose)
    {
        var m = 0UL - (choose ? 1UL : 0UL);
        return new Fp(
            (a.L0 & ~m) | (b.L0 & m), (a.L1 & ~m) | (b.L1 & m), (a.L2 & ~m) | (b.L2 & m),
            (a.L3 & ~m) | (b.L3 & m), (a.L4 & ~m) | (b.L4 & m), (a.L5 & ~m) | (b.L5 & m));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp SelectMask(in Fp a, in Fp b, ulong m) => new(
        (a.L0 & ~m) | (b.L0 & m), (a.L1 & ~m) | (b.L1 & m), (a.L2 & ~m) | (b.L2 & m),
        (a.L3 & ~m) | (b.L3 & m), (a.L4 & ~m) | (b.L4 & m), (a.L5 & ~m) | (b.L5 & m));

    static Fp IField<Fp>.FieldZero => Zero;
    static Fp IField<Fp>.FieldOne => One;
    static Fp IField<Fp>.Inverse(in Fp a) => a.Invert();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulByB(in Fp a)
    {
        var a2 = Add(a, a);
        return Add(a2, a2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulByB3(in Fp a)
    {
        var a2 = Add(a, a);
        var a4 = Add(a2, a2);
        var a8 = Add(a4, a4);
        return Add(a8, a4);
    }
}
