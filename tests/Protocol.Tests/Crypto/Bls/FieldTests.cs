using System.Numerics;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

[TestClass]
public sealed class FieldTests
{
    private static readonly BigInteger P = Fp.Modulus;

    [TestMethod]
    public void LimbConstantsMatchTheModulus()
    {
        var limbs = new[] { Fp.P0, Fp.P1, Fp.P2, Fp.P3, Fp.P4, Fp.P5 };
        BigInteger v = 0;
        for (var i = 5; i >= 0; i--) v = (v << 64) + limbs[i];
        Assert.AreEqual(P, v);
        Assert.AreEqual(BigInteger.Zero, (P * Fp.Inv + 1) % BigInteger.Pow(2, 64));
    }

    [TestMethod]
    public void ArithmeticAgreesWithBigInteger()
    {
        var rng = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var a = BlsTestUtil.RandomBelow(rng, P);
            var b = BlsTestUtil.RandomBelow(rng, P);
            if (i == 0) a = P - 1;
            if (i == 1) b = 0;
            var fa = Fp.FromBigInteger(a);
            var fb = Fp.FromBigInteger(b);
            Assert.AreEqual(a, fa.ToBigInteger());
            Assert.AreEqual(a * b % P, Fp.Mul(fa, fb).ToBigInteger());
            Assert.AreEqual(a * a % P, Fp.Square(fa).ToBigInteger());
            Assert.AreEqual((a + b) % P, Fp.Add(fa, fb).ToBigInteger());
            Assert.AreEqual(((a - b) % P + P) % P, Fp.Sub(fa, fb).ToBigInteger());
            Assert.AreEqual((P - a) % P, Fp.Neg(fa).ToBigInteger());
            if (a != 0) Assert.AreEqual(BigInteger.ModPow(a, P - 2, P), fa.Invert().ToBigInteger());
        }
    }

    [TestMethod]
    public void BytesRoundTripAndRejectNonCanonical()
    {
        var rng = new Random(2);
        Span<byte> buf = stackalloc byte[48];
        for (var i = 0; i < 50; i++)
        {
            var a = Fp.FromBigInteger(BlsTestUtil.RandomBelow(rng, P));
            a.WriteBytes(buf);
            Assert.IsTrue(Fp.TryFromBytes(buf, out var back));
            Assert.IsTrue(a.Equals(back));
        }
        var pBytes = P.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.IsFalse(Fp.TryFromBytes(pBytes, out _));
    }

    [TestMethod]
    public void Fp2SqrtAndInverse()
    {
        var rng = new Random(3);
        for (var i = 0; i < 30; i++)
        {
            var a = new Fp2(Fp.FromBigInteger(BlsTestUtil.RandomBelow(rng, P)), Fp.FromBigInteger(BlsTestUtil.RandomBelow(rng, P)));
            Assert.IsTrue(Fp2.Mul(a, a.Invert()).Equals(Fp2.One));
            var sq = Fp2.Square(a);
            Assert.IsTrue(sq.TrySqrt(out var r));
            Assert.IsTrue(Fp2.Square(r).Equals(sq));
            Assert.IsTrue(Fp2.Square(a).Equals(Fp2.Mul(a, a)));
        }
    }

    [TestMethod]
    public void Fp12FieldLaws()
    {
        var rng = new Random(4);
        Fp12 Rand()
        {
            Fp2 R2() => new(Fp.FromBigInteger(BlsTestUtil.RandomBelow(rng, P)), Fp.FromBigInteger(BlsTestUtil.RandomBelow(rng, P)));
            return new Fp12(new Fp6(R2(), R2(), R2()), new Fp6(R2(), R2(), R2()));
        }
        var a = Rand();
        var b = Rand();
        var c = Rand();
        Assert.IsTrue(Fp12.Mul(Fp12.Mul(a, b), c).Equals(Fp12.Mul(a, Fp12.Mul(b, c))));
        Assert.IsTrue(Fp12.Square(a).Equals(Fp12.Mul(a, a)));
        Assert.IsTrue(Fp12.Mul(a, a.Invert()).Equals(Fp12.One));
        Assert.IsTrue(Fp6.Square(a.C0).Equals(Fp6.Mul(a.C0, a.C0)));
        // Frobenius is the p-th power map.
        var frob = a.Frobenius();
        var pow = Fp12.One;
        var e = P;
        var bse = a;
        while (e > 0)
        {
            if (!e.IsEven) pow = Fp12.Mul(pow, bse);
            bse = Fp12.Square(bse);
            e >>= 1;
        }
        Assert.IsTrue(frob.Equals(pow));
    }
}
