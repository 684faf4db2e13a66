using System.Numerics;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>BLS12-381 parameters and the group G1 ⊂ E(GF(p)), E: y^2 = x^3 + 4.</summary>
internal static class G1
{
    /// <summary>|x| for the BLS parameter x = -0xd201000000010000.</summary>
    public const ulong AbsX = 0xd201000000010000;

    /// <summary>The prime order r of G1, G2 and GT.</summary>
    public static readonly BigInteger Order = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    public static readonly Point<Fp> Generator = Point<Fp>.FromAffine(
        Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    /// <summary>The cube root of unity β with φ(x, y) = (βx, y) acting on G1 as multiplication by -x^2.</summary>
    private static readonly Fp Beta = FindBeta();

    private static Fp FindBeta()
    {
        // A non-trivial cube root of unity is g^((p-1)/3) for a non-cube g; choose the root whose φ matches -x^2.
        for (ulong g = 2; ; g++)
        {
            var omega = Fp.Pow(Fp.FromUInt64(g), (Fp.Modulus - 1) / 3);
            if (omega.IsOne) continue;
            foreach (var beta in new[] { omega, Fp.Square(omega) })
            {
                var phi = new Point<Fp>(Fp.Mul(Generator.X, beta), Generator.Y, Generator.Z);
                var expected = Point<Fp>.Neg(MulByAbsX(MulByAbsX(Generator)));
                if (phi.Equals(expected)) return beta;
            }
            throw new InvalidOperationException("no cube root of unity matches the G1 endomorphism");
        }
    }

    public static Point<Fp> MulByAbsX(in Point<Fp> p) => Point<Fp>.MulPublicJacobian(p, AbsX);

    /// <summary>Scott's test (ePrint 2021/1130): P ∈ G1 iff φ(P) = [-x^2]P, for a point already on the curve.</summary>
    public static bool IsInSubgroup(in Point<Fp> p)
    {
        if (p.IsIdentity) return true;
        var phi = new Point<Fp>(Fp.Mul(p.X, Beta), p.Y, p.Z);
        var rhs = Point<Fp>.Neg(MulByAbsX(MulByAbsX(p)));
        return phi.Equals(rhs);
    }

    /// <summary>ZCash compressed form: 48 bytes, big-endian x, flags in the top 3 bits.</summary>
    public static void Compress(in Point<Fp> p, Span<byte> out48)
    {
        if (p.IsIdentity)
        {
            out48.Clear();
            out48[0] = 0xc0;
            return;
        }
        p.ToAffine(out var x, out var y);
        x.WriteBytes(out48);
        out48[0] |= 0x80;
        if (y.IsLexicographicallyLargest) out48[0] |= 0x20;
    }

    public static void Serialize(in Point<Fp> p, Span<byte> out96)
    {
        if (p.IsIdentity)
        {
            out96.Clear();
            out96[0] = 0x40;
            return;
        }
        p.ToAffine(out var x, out var y);
        x.WriteBytes(out96);
        y.WriteBytes(out96[48..]);
    }

    /// <summary>
    /// Decodes a compressed (48 bytes) or uncompressed (96 bytes) point, rejecting: wrong length, the compression
    /// flag disagreeing with the length, a sign flag on an uncompressed point, a non-canonical infinity, x or y ≥ p,
    /// points off the curve and (when <paramref name="checkSubgroup"/>) points outside G1.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, bool checkSubgroup, out Point<Fp> point, out string? error)
    {
        point = Point<Fp>.Identity;
        if (bytes.Length != 48 && bytes.Length != 96)
        {
            error = $"a G1 point is 48 (compressed) or 96 (uncompressed) bytes, got {bytes.Length}";
            return false;
        }
        switch (EncodingFlags.Read(bytes, compressedLength: 48, out var compressed, out var sort, out error))
        {
            case EncodingFlags.Kind.Invalid:
                return false;
            case EncodingFlags.Kind.Infinity:
                return true;
        }
        Span<byte> xb = stackalloc byte[48];
        bytes[..48].CopyTo(xb);
        xb[0] &= 0x1f;
        if (!Fp.TryFromBytes(xb, out var x))
        {
            error = "x coordinate is not below p";
            return false;
        }
        Fp y;
        if (compressed)
        {
            var rhs = Fp.Add(Fp.Mul(Fp.Square(x), x), Fp.FromUInt64(4));
            if (!rhs.TrySqrt(out y))
            {
                error = "point is not on the curve (no y for this x)";
                return false;
            }
            if (y.IsLexicographicallyLargest != sort) y = Fp.Neg(y);
        }
        else
        {
            if (!Fp.TryFromBytes(bytes[48..], out y))
            {
                error = "y coordinate is not below p";
                return false;
            }
        }
        var p = Point<Fp>.FromAffine(x, y);
        if (!p.IsOnCurve())
        {
            error = "point is not on the curve";
            return false;
        }
        if (checkSubgroup && !IsInSubgroup(p))
        {
            error = "point is not in the prime-order subgroup G1";
            return false;
        }
        point = p;
        error = null;
        return true;
    }
}

/// <summary>The group G2 ⊂ E'(GF(p^2)), E': y^2 = x^3 + 4(1 + u), and its endomorphism ψ.</summary>
internal static class G2
{
    public static readonly Point<Fp2> Generator = Point<Fp2>.FromAffine(
        Fp2.FromHex(
            "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8",
            "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"),
        Fp2.FromHex(
            "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801",
            "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"));

    // RFC 9380 appendix G.3: c1 = 1/(1+u)^((p-1)/3), c2 = 1/(1+u)^((p-1)/2).
    private static readonly Fp2 PsiX = Fp2.Pow(new Fp2(Fp.One, Fp.One), (Fp.Modulus - 1) / 3).Invert();
    private static readonly Fp2 PsiY = Fp2.Pow(new Fp2(Fp.One, Fp.One), (Fp.Modulus - 1) / 2).Invert();

    /// <summary>ψ = untwist ∘ Frobenius ∘ twist, on projective coordinates.</summary>
    public static Point<Fp2> Psi(in Point<Fp2> p) =>
        new(Fp2.Mul(p.X.Frobenius(), PsiX), Fp2.Mul(p.Y.Frobenius(), PsiY), p.Z.Frobenius());

    public static Point<Fp2> MulByAbsX(in Point<Fp2> p) => Point<Fp2>.MulPublicJacobian(p, G1.AbsX);

    /// <summary>[x]P with the (negative) BLS parameter x.</summary>
    public static Point<Fp2> MulByX(in Point<Fp2> p) => Point<Fp2>.Neg(MulByAbsX(p));

    /// <summary>Scott's test: P ∈ G2 iff ψ(P) = [x]P, for a point already on the curve.</summary>
    public static bool IsInSubgroup(in Point<Fp2> p)
    {
        if (p.IsIdentity) return true;
        return Psi(p).Equals(MulByX(p));
    }

    /// <summary>RFC 9380 §8.8.2 / appendix G.3: multiplication by h_eff via ψ (Budroni–Pintore).</summary>
    public static Point<Fp2> ClearCofactor(in Point<Fp2> p)
    {
        var t1 = MulByX(p);
        var t2 = Psi(p);
        var t3 = Point<Fp2>.Double(p);
        t3 = Psi(Psi(t3));
        t3 = Point<Fp2>.Sub(t3, t2);
        t2 = Point<Fp2>.Add(t1, t2);
        t2 = MulByX(t2);
        t3 = Point<Fp2>.Add(t3, t2);
        t3 = Point<Fp2>.Sub(t3, t1);
        return Point<Fp2>.Sub(t3, p);
    }

    /// <summary>ZCash compressed form: 96 bytes, x = c1 ‖ c0 big-endian, flags in the top 3 bits.</summary>
    public static void Compress(in Point<Fp2> p, Span<byte> out96)
    {
        if (p.IsIdentity)
        {
            out96.Clear();
            out96[0] = 0xc0;
            return;
        }
        p.ToAffine(out var x, out var y);
        x.C1.WriteBytes(out96);
        x.C0.WriteBytes(out96[48..]);
        out96[0] |= 0x80;
        if (y.IsLexicographicallyLargest) out96[0] |= 0x20;
    }

    public static void Serialize(in Point<Fp2> p, Span<byte> out192)
    {
        if (p.IsIdentity)
        {
            out192.Clear();
            out192[0] = 0x40;
            return;
        }
        p.ToAffine(out var x, out var y);
        x.C1.WriteBytes(out192);
        x.C0.WriteBytes(out192[48..]);
        y.C1.WriteBytes(out192[96..]);
        y.C0.WriteBytes(out192[144..]);
    }

    /// <summary>Decodes a compressed (96 bytes) or uncompressed (192 bytes) point with the same rules as G1.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, bool checkSubgroup, out Point<Fp2> point, out string? error)
    {
        point = Point<Fp2>.Identity;
        if (bytes.Length != 96 && bytes.Length != 192)
        {
            error = $"a G2 point is 96 (compressed) or 192 (uncompressed) bytes, got {bytes.Length}";
            return false;
        }
        switch (EncodingFlags.Read(bytes, compressedLength: 96, out var compressed, out var sort, out error))
        {
            case EncodingFlags.Kind.Invalid:
                return false;
            case EncodingFlags.Kind.Infinity:
                return true;
        }
        Span<byte> x1b = stackalloc byte[48];
        bytes[..48].CopyTo(x1b);
        x1b[0] &= 0x1f;
        if (!Fp.TryFromBytes(x1b, out var xc1) || !Fp.TryFromBytes(bytes.Slice(48, 48), out var xc0))
        {
            error = "x coordinate is not below p";
            return false;
        }
        var x = new Fp2(xc0, xc1);
        Fp2 y;
        if (compressed)
        {
            var rhs = Fp2.Add(Fp2.Mul(Fp2.Square(x), x), Fp2.MulByB(Fp2.One));
            if (!rhs.TrySqrt(out y))
            {
                error = "point is not on the curve (no y for this x)";
                return false;
            }
            if (y.IsLexicographicallyLargest != sort) y = Fp2.Neg(y);
        }
        else
        {
            if (!Fp.TryFromBytes(bytes.Slice(96, 48), out var yc1) || !Fp.TryFromBytes(bytes.Slice(144, 48), out var yc0))
            {
                error = "y coordinate is not below p";
                return false;
            }
            y = new Fp2(yc0, yc1);
        }
        var p = Point<Fp2>.FromAffine(x, y);
        if (!p.IsOnCurve())
        {
            error = "point is not on the curve";
            return false;
        }
        if (checkSubgroup && !IsInSubgroup(p))
        {
            error = "point is not in the prime-order subgroup G2";
            return false;
        }
        point = p;
        error = null;
        return true;
    }
}

/// <summary>The three flag bits that lead every ZCash/IETF point encoding, and the rules both groups share.</summary>
internal static class EncodingFlags
{
    public enum Kind
    {
        Invalid,
        Infinity,
        Point,
    }

    /// <summary>
    /// Reads compression (0x80), infinity (0x40) and sign (0x20) flags of an encoding whose length was already
    /// checked to be the compressed or the uncompressed size; rejects disagreeing flags and non-canonical infinity.
    /// </summary>
    public static Kind Read(ReadOnlySpan<byte> bytes, int compressedLength, out bool compressed, out bool sort, out string? error)
    {
        compressed = (bytes[0] & 0x80) != 0;
        var infinity = (bytes[0] & 0x40) != 0;
        sort = (bytes[0] & 0x20) != 0;
        error = null;
        if (compressed != (bytes.Length == compressedLength))
        {
            error = compressed ? $"compression flag set on a {2 * compressedLength}-byte point" : $"compression flag missing on a {compressedLength}-byte point";
            return Kind.Invalid;
        }
        if (infinity)
        {
            if (sort || (bytes[0] & 0x1f) != 0 || bytes[1..].ContainsAnyExcept((byte)0))
            {
                error = "infinity flag set but the other bits are not zero";
                return Kind.Invalid;
            }
            return Kind.Infinity;
        }
        if (!compressed && sort)
        {
            error = "sign flag set on an uncompressed point";
            return Kind.Invalid;
        }
        return Kind.Point;
    }
}
