using System.Numerics;
using System.Text;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

[TestClass]
public sealed class CurveAndPairingTests
{
    private static readonly BigInteger R = G1.Order;

    [TestMethod]
    public void GeneratorsAreOnTheCurveAndHaveOrderR()
    {
        Assert.IsTrue(G1.Generator.IsOnCurve());
        Assert.IsTrue(G2.Generator.IsOnCurve());
        Assert.IsTrue(Point<Fp>.MulPublic(G1.Generator, R).IsIdentity);
        Assert.IsTrue(Point<Fp2>.MulPublic(G2.Generator, R).IsIdentity);
        Assert.IsTrue(G1.IsInSubgroup(G1.Generator));
        Assert.IsTrue(G2.IsInSubgroup(G2.Generator));
    }

    [TestMethod]
    public void GroupLawIsConsistent()
    {
        var g = G1.Generator;
        var two = Point<Fp>.Double(g);
        Assert.IsTrue(two.Equals(Point<Fp>.Add(g, g)));
        var three = Point<Fp>.Add(two, g);
        Assert.IsTrue(three.Equals(Point<Fp>.MulPublic(g, 3UL)));
        Assert.IsTrue(Point<Fp>.Add(g, Point<Fp>.Neg(g)).IsIdentity);
        Assert.IsTrue(Point<Fp>.Add(g, Point<Fp>.Identity).Equals(g));
        g.ToAffine(out var x, out var y);
        Assert.IsTrue(Point<Fp>.AddAffine(two, x, y).Equals(three));
        var h = G2.Generator;
        Assert.IsTrue(Point<Fp2>.Double(h).Equals(Point<Fp2>.Add(h, h)));
    }

    [TestMethod]
    public void SecretScalarMultiplicationMatchesPublic()
    {
        var rng = new Random(5);
        for (var i = 0; i < 4; i++)
        {
            var k = BlsTestUtil.RandomBelow(rng, R);
            var kb = new byte[32];
            k.TryWriteBytes(kb.AsSpan(32 - k.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            Assert.IsTrue(Point<Fp>.MulSecret(G1.Generator, kb).Equals(Point<Fp>.MulPublic(G1.Generator, k)));
            Assert.IsTrue(Point<Fp2>.MulSecret(G2.Generator, kb).Equals(Point<Fp2>.MulPublic(G2.Generator, k)));
        }
    }

    [TestMethod]
    public void MultiScalarMultiplicationMatchesNaive()
    {
        var rng = new Random(6);
        foreach (var n in new[] { 1, 5, 20, 70 })
        {
            var pts = new Point<Fp>[n];
            var ks = new ulong[n];
            var expected = Point<Fp>.Identity;
            for (var i = 0; i < n; i++)
            {
                pts[i] = Point<Fp>.MulPublic(G1.Generator, (ulong)rng.NextInt64() + 1);
                ks[i] = (ulong)rng.NextInt64() * 3;
                expected = Point<Fp>.Add(expected, Point<Fp>.MulPublic(pts[i], ks[i]));
            }
            Assert.IsTrue(Point<Fp>.MultiMulPublic(pts, ks).Equals(expected), $"n={n}");
        }
    }

    [TestMethod]
    public void SubgroupChecksRejectPointsOutsideTheSubgroup()
    {
        // Points straight out of the SSWU map and isogeny are on E' but almost never in G2.
        var dst = "test"u8;
        for (var i = 0; i < 3; i++)
        {
            HashToG2.HashToField(Encoding.ASCII.GetBytes($"m{i}"), dst, out var u0, out _);
            var q = HashToG2.MapToCurve(u0);
            Assert.IsTrue(q.IsOnCurve());
            Assert.IsFalse(G2.IsInSubgroup(q));
            Assert.IsFalse(Point<Fp2>.MulPublic(q, R).IsIdentity);
            var cleared = G2.ClearCofactor(q);
            Assert.IsTrue(G2.IsInSubgroup(cleared));
            Assert.IsTrue(Point<Fp2>.MulPublic(cleared, R).IsIdentity);
        }
        // G1: find points on E by trying x = 1, 2, ...; they have the cofactor h1 and are almost never in G1.
        var found = 0;
        for (ulong x = 1; found < 3; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (!Fp.Add(Fp.Mul(Fp.Square(fx), fx), Fp.FromUInt64(4)).TrySqrt(out var y)) continue;
            var p = Point<Fp>.FromAffine(fx, y);
            Assert.IsTrue(p.IsOnCurve());
            Assert.AreEqual(Point<Fp>.MulPublic(p, R).IsIdentity, G1.IsInSubgroup(p));
            Assert.IsFalse(G1.IsInSubgroup(p));
            var cleared = Point<Fp>.MulPublic(p, 1 + (BigInteger)G1.AbsX); // h_eff = 1 - x
            Assert.IsTrue(G1.IsInSubgroup(cleared));
            Assert.IsTrue(Point<Fp>.MulPublic(cleared, R).IsIdentity);
            found++;
        }
    }

    [TestMethod]
    public void PairingIsBilinearAndNonDegenerate()
    {
        var e = Pairing.Pair(G1.Generator, G2.Generator);
        Assert.IsFalse(e.IsOne);
        var a = new BigInteger(0x1234567890abcdefL) * 977;
        var b = new BigInteger(0x0fedcba987654321L) * 31337;
        var aP = Point<Fp>.MulPublic(G1.Generator, a);
        var bQ = Point<Fp2>.MulPublic(G2.Generator, b);
        var abP = Point<Fp>.MulPublic(G1.Generator, a * b % R);
        Assert.IsTrue(Pairing.Pair(aP, bQ).Equals(Pairing.Pair(abP, G2.Generator)));
        Assert.IsTrue(Pairing.Pair(aP, G2.Generator).Equals(Pairing.Pair(G1.Generator, Point<Fp2>.MulPublic(G2.Generator, a))));
        // e(P, Q)^r = 1.
        var pow = Fp12.One;
        var bse = e;
        var k = R;
        while (k > 0)
        {
            if (!k.IsEven) pow = Fp12.Mul(pow, bse);
            bse = Fp12.Square(bse);
            k >>= 1;
        }
        Assert.IsTrue(pow.IsOne);
        // Multi-Miller loop: e(aP, Q) · e(-P, aQ) = 1.
        Assert.IsTrue(Pairing.ProductIsOne(
            [aP, Point<Fp>.Neg(G1.Generator)],
            [new G2Prepared(G2.Generator), new G2Prepared(Point<Fp2>.MulPublic(G2.Generator, a))]));
    }

    [TestMethod]
    public void EncodingsRoundTrip()
    {
        Span<byte> c1 = stackalloc byte[48];
        Span<byte> u1 = stackalloc byte[96];
        Span<byte> c2 = stackalloc byte[96];
        Span<byte> u2 = stackalloc byte[192];
        for (ulong k = 1; k < 6; k++)
        {
            var p = Point<Fp>.MulPublic(G1.Generator, k * 7919);
            G1.Compress(p, c1);
            G1.Serialize(p, u1);
            Assert.IsTrue(G1.TryDecode(c1, true, out var p1, out _) && p1.Equals(p));
            Assert.IsTrue(G1.TryDecode(u1, true, out var p2, out _) && p2.Equals(p));
            var q = Point<Fp2>.MulPublic(G2.Generator, k * 7919);
            G2.Compress(q, c2);
            G2.Serialize(q, u2);
            Assert.IsTrue(G2.TryDecode(c2, true, out var q1, out _) && q1.Equals(q));
            Assert.IsTrue(G2.TryDecode(u2, true, out var q2, out _) && q2.Equals(q));
        }
        G1.Compress(G1.Generator, c1);
        Assert.AreEqual("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", BlsTestUtil.ToHex(c1));

        // The identity: c0 00… compressed, 40 00… uncompressed, both decode back to it.
        G1.Compress(Point<Fp>.Identity, c1);
        G1.Serialize(Point<Fp>.Identity, u1);
        G2.Compress(Point<Fp2>.Identity, c2);
        G2.Serialize(Point<Fp2>.Identity, u2);
        Assert.AreEqual("c0" + new string('0', 94), BlsTestUtil.ToHex(c1));
        Assert.AreEqual("40" + new string('0', 190), BlsTestUtil.ToHex(u1));
        Assert.IsTrue(G1.TryDecode(c1, true, out var i1, out _) && i1.IsIdentity);
        Assert.IsTrue(G1.TryDecode(u1, true, out var i2, out _) && i2.IsIdentity);
        Assert.IsTrue(G2.TryDecode(c2, true, out var i3, out _) && i3.IsIdentity);
        Assert.IsTrue(G2.TryDecode(u2, true, out var i4, out _) && i4.IsIdentity);
        // An uncompressed identity with a stray bit is rejected.
        u2[191] = 1;
        Assert.IsFalse(G2.TryDecode(u2, true, out _, out _));
    }
}

[TestClass]
public sealed class JacobianMultiplicationTests
{
    [TestMethod]
    public void MatchesTheCompleteFormulasIncludingExceptionalCases()
    {
        var rng = new Random(9);
        var g = G1.Generator;
        foreach (var k in new ulong[] { 1, 2, 3, 4, 5, 7, 0xd201000000010000, ulong.MaxValue, (ulong)rng.NextInt64() })
        {
            Assert.IsTrue(Point<Fp>.MulPublicJacobian(g, k).Equals(Point<Fp>.MulPublic(g, k)), $"G1 k={k}");
            Assert.IsTrue(Point<Fp2>.MulPublicJacobian(G2.Generator, k).Equals(Point<Fp2>.MulPublic(G2.Generator, k)), $"G2 k={k}");
        }
        Assert.IsTrue(Point<Fp>.MulPublicJacobian(Point<Fp>.Identity, 5).IsIdentity);
        Assert.IsTrue(Point<Fp>.MulPublicJacobian(g, 0).IsIdentity);
        // A point of order 3 on E (x = 0, y = 2): [k]P cycles through P, 2P = -P, 3P = O, which exercises
        // additions of equal and opposite points.
        var t = Point<Fp>.FromAffine(Fp.Zero, Fp.FromUInt64(2));
        Assert.IsTrue(Point<Fp>.MulPublic(t, 3UL).IsIdentity);
        for (ulong k = 1; k < 20; k++)
            Assert.IsTrue(Point<Fp>.MulPublicJacobian(t, k).Equals(Point<Fp>.MulPublic(t, k)), $"order-3 point, k={k}");
        Assert.IsFalse(G1.IsInSubgroup(t));
    }
}

[TestClass]
public sealed class G2GlsTests
{
    [TestMethod]
    public void DecompositionAndMultiplicationMatchTheReference()
    {
        var r = G1.Order;
        var z = (System.Numerics.BigInteger)G1.AbsX;
        var rng = new Random(11);
        var scalars = new List<System.Numerics.BigInteger> { 1, 2, 15, 16, z - 1, z, z + 1, z * z, z * z * z - 1, r - 1, r - 2, r - z };
        for (var i = 0; i < 6; i++) scalars.Add(BlsTestUtil.RandomBelow(rng, r));
        var q = HashToG2.Hash("gls"u8, "test"u8);
        var digits = new ulong[4];
        foreach (var k in scalars)
        {
            var kb = new byte[32];
            k.TryWriteBytes(kb.AsSpan(32 - k.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            G2Gls.Decompose(kb, digits);
            var recomposed = digits[0] + (digits[1] * z) + (digits[2] * z * z) + (digits[3] * z * z * z);
            Assert.AreEqual(k, recomposed, $"k={k}");
            foreach (var d in digits) Assert.IsLessThan((ulong)z, d);
            Assert.IsTrue(G2Gls.MulSecret(q, kb).Equals(Point<Fp2>.MulPublic(q, k)), $"k={k}");
        }
    }
}

[TestClass]
public sealed class BatchAffineSumTests
{
    [TestMethod]
    public void MatchesSequentialAdditionIncludingDegenerateInputs()
    {
        var rng = new Random(12);
        foreach (var n in new[] { 0, 1, 2, 3, 7, 64, 101 })
        {
            var g1 = new List<Point<Fp>>();
            var g2 = new List<Point<Fp2>>();
            for (var i = 0; i < n; i++)
            {
                var k = (ulong)rng.Next(1, 40); // small range: repeated points and x collisions are likely
                g1.Add(Point<Fp>.MulPublic(G1.Generator, k).Normalize());
                g2.Add(Point<Fp2>.MulPublic(G2.Generator, k).Normalize());
                if (i % 5 == 0)
                {
                    g1.Add(Point<Fp>.Neg(g1[^1]));
                    g2.Add(Point<Fp2>.Neg(g2[^1]));
                }
                if (i % 7 == 0)
                {
                    g1.Add(Point<Fp>.Identity);
                    g1.Add(Point<Fp>.MulPublic(G1.Generator, k)); // projective
                    g2.Add(Point<Fp2>.MulPublic(G2.Generator, k));
                }
            }
            var e1 = Point<Fp>.Identity;
            foreach (var p in g1) e1 = Point<Fp>.Add(e1, p);
            var e2 = Point<Fp2>.Identity;
            foreach (var p in g2) e2 = Point<Fp2>.Add(e2, p);
            Assert.IsTrue(Point<Fp>.SumPublic(g1.ToArray()).Equals(e1), $"G1 n={n}");
            Assert.IsTrue(Point<Fp2>.SumPublic(g2.ToArray()).Equals(e2), $"G2 n={n}");
        }
    }
}
