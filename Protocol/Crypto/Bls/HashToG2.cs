using System.Buffers;
using System.Security.Cryptography;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// RFC 9380 hash_to_curve for the suite BLS12381G2_XMD:SHA-256_SSWU_RO_: expand_message_xmd with SHA-256,
/// hash_to_field (two GF(p^2) elements, L = 64), simplified SWU onto the 3-isogenous curve E'' (A' = 240u,
/// B' = 1012(1 + u), Z = -(2 + u)), the 3-isogeny map to E', point addition and cofactor clearing.
/// </summary>
internal static class HashToG2
{
    private static readonly Fp2 SwuA = new(Fp.Zero, Fp.FromUInt64(240));
    private static readonly Fp2 SwuB = new(Fp.FromUInt64(1012), Fp.FromUInt64(1012));
    private static readonly Fp2 SwuZ = new(Fp.Neg(Fp.FromUInt64(2)), Fp.Neg(Fp.One));
    private static readonly Fp2 MinusBOverA = Fp2.Neg(Fp2.Mul(SwuB, SwuA.Invert()));
    private static readonly Fp2 BOverZA = Fp2.Mul(SwuB, Fp2.Mul(SwuZ, SwuA).Invert());

    // RFC 9380 appendix E.3: the 3-isogeny map constants k_(i,j) = c0 + c1·I.
    private static readonly Fp2[] XNum =
    [
        Fp2.FromHex("5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
        Fp2.FromHex("0", "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
        Fp2.FromHex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
        Fp2.FromHex("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1", "0"),
    ];

    private static readonly Fp2[] XDen =
    [
        Fp2.FromHex("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
        Fp2.FromHex("c", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
        Fp2.One,
    ];

    private static readonly Fp2[] YNum =
    [
        Fp2.FromHex("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706", "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
        Fp2.FromHex("0", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
        Fp2.FromHex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
        Fp2.FromHex("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10", "0"),
    ];

    private static readonly Fp2[] YDen =
    [
        Fp2.FromHex("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
        Fp2.FromHex("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
        Fp2.FromHex("12", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
        Fp2.One,
    ];

    /// <summary>RFC 9380 §5.3.1 expand_message_xmd with SHA-256.</summary>
    public static void ExpandMessageXmd(ReadOnlySpan<byte> msg, scoped ReadOnlySpan<byte> dst, Span<byte> output)
    {
        const int bInBytes = 32, rInBytes = 64;
        var lenInBytes = output.Length;
        var ell = (lenInBytes + bInBytes - 1) / bInBytes;
        if (ell > 255 || lenInBytes > 65535) throw new ArgumentException("requested output is too long", nameof(output));
        Span<byte> dstHash = stackalloc byte[32];
        if (dst.Length > 255)
        {
            var tmp = new byte[17 + dst.Length];
            "H2C-OVERSIZE-DST-"u8.CopyTo(tmp);
            dst.CopyTo(tmp.AsSpan(17));
            SHA256.HashData(tmp, dstHash);
            dst = dstHash;
        }
        Span<byte> dstPrime = stackalloc byte[dst.Length + 1];
        dst.CopyTo(dstPrime);
        dstPrime[^1] = (byte)dst.Length;

        var msgPrimeLength = rInBytes + msg.Length + 3 + dstPrime.Length;
        byte[]? rented = null;
        var msgPrime = msgPrimeLength <= 1024 ? stackalloc byte[msgPrimeLength] : (rented = ArrayPool<byte>.Shared.Rent(msgPrimeLength)).AsSpan(0, msgPrimeLength);
        msgPrime[..rInBytes].Clear();
        msg.CopyTo(msgPrime[rInBytes..]);
        var o = rInBytes + msg.Length;
        msgPrime[o] = (byte)(lenInBytes >> 8);
        msgPrime[o + 1] = (byte)lenInBytes;
        msgPrime[o + 2] = 0;
        dstPrime.CopyTo(msgPrime[(o + 3)..]);
        Span<byte> b0 = stackalloc byte[32];
        SHA256.HashData(msgPrime, b0);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);

        Span<byte> input = stackalloc byte[32 + 1 + dstPrime.Length];
        Span<byte> bi = stackalloc byte[32];
        for (var i = 1; i <= ell; i++)
        {
            if (i == 1) b0.CopyTo(input);
            else
                for (var j = 0; j < 32; j++) input[j] = (byte)(b0[j] ^ bi[j]);
            input[32] = (byte)i;
            dstPrime.CopyTo(input[33..]);
            SHA256.HashData(input, bi);
            var start = (i - 1) * 32;
            bi[..Math.Min(32, lenInBytes - start)].CopyTo(output[start..]);
        }
    }

    /// <summary>hash_to_field with count = 2, m = 2, L = 64.</summary>
    public static void HashToField(ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst, out Fp2 u0, out Fp2 u1)
    {
        Span<byte> uniform = stackalloc byte[256];
        ExpandMessageXmd(msg, dst, uniform);
        u0 = new Fp2(Fp.FromBytes64(uniform[..64]), Fp.FromBytes64(uniform.Slice(64, 64)));
        u1 = new Fp2(Fp.FromBytes64(uniform.Slice(128, 64)), Fp.FromBytes64(uniform.Slice(192, 64)));
    }

    /// <summary>Simplified SWU onto E'': y^2 = x^3 + A'x + B' (RFC 9380 §6.6.2).</summary>
    public static void MapToCurveSswu(in Fp2 u, out Fp2 x, out Fp2 y)
    {
        var u2 = Fp2.Square(u);
        var zu2 = Fp2.Mul(SwuZ, u2);
        var tv1 = Fp2.Add(Fp2.Square(zu2), zu2);
        var exceptional = tv1.IsZero;
        tv1 = exceptional ? Fp2.Zero : tv1.Invert();
        var x1 = exceptional ? BOverZA : Fp2.Mul(MinusBOverA, Fp2.Add(Fp2.One, tv1));
        var gx1 = Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x1), SwuA), x1), SwuB);
        var x2 = Fp2.Mul(zu2, x1);
        if (gx1.TrySqrt(out var y1))
        {
            x = x1;
            y = y1;
        }
        else
        {
            var gx2 = Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x2), SwuA), x2), SwuB);
            if (!gx2.TrySqrt(out var y2)) throw new InvalidOperationException("SSWU: neither g(x1) nor g(x2) is square");
            x = x2;
            y = y2;
        }
        if (u.Sgn0() != y.Sgn0()) y = Fp2.Neg(y);
    }

    private static Fp2 Horner(Fp2[] k, in Fp2 x)
    {
        var acc = k[^1];
        for (var i = k.Length - 2; i >= 0; i--) acc = Fp2.Add(Fp2.Mul(acc, x), k[i]);
        return acc;
    }

    /// <summary>The 3-isogeny E'' → E' (RFC 9380 appendix E.3), to projective coordinates.</summary>
    public static Point<Fp2> IsoMap(in Fp2 x, in Fp2 y)
    {
        var xNum = Horner(XNum, x);
        var xDen = Horner(XDen, x);
        var yNum = Horner(YNum, x);
        var yDen = Horner(YDen, x);
        if (xDen.IsZero || yDen.IsZero) return Point<Fp2>.Identity;
        // (xNum/xDen, y·yNum/yDen) = (xNum·yDen : y·yNum·xDen : xDen·yDen)
        return new Point<Fp2>(Fp2.Mul(xNum, yDen), Fp2.Mul(Fp2.Mul(y, yNum), xDen), Fp2.Mul(xDen, yDen));
    }

    public static Point<Fp2> MapToCurve(in Fp2 u)
    {
        MapToCurveSswu(u, out var x, out var y);
        return IsoMap(x, y);
    }

    public static Point<Fp2> Hash(ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst)
    {
        HashToField(msg, dst, out var u0, out var u1);
        var q0 = MapToCurve(u0);
        var q1 = MapToCurve(u1);
        return G2.ClearCofactor(Point<Fp2>.Add(q0, q1));
    }
}
