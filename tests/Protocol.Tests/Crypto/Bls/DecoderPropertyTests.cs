using CsCheck;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

[TestClass]
public sealed class DecoderPropertyTests
{
    /// <summary>Arbitrary bytes never throw; whatever decodes re-encodes to exactly the same bytes (canonical form).</summary>
    [TestMethod]
    public void ArbitraryBytesDecodeCanonicallyOrNotAtAll()
    {
        // Bias the first byte toward the flag combinations that matter.
        var flags = Gen.Int[0, 7].Select(i => (byte)(i << 5));
        Gen.Select(flags, Gen.Byte.Array[47], Gen.Byte[0, 0x1f]).Sample((flag, rest, top) =>
        {
            byte[] bytes = [(byte)(flag | top), .. rest];
            if (G1.TryDecode(bytes, true, out var p, out var error))
            {
                var back = new byte[48];
                G1.Compress(p, back);
                CollectionAssert.AreEqual(bytes, back);
            }
            else Assert.IsNotNull(error);
        }, iter: 300, threads: 1);
        Gen.Select(flags, Gen.Byte.Array[95], Gen.Byte[0, 0x1f]).Sample((flag, rest, top) =>
        {
            byte[] bytes = [(byte)(flag | top), .. rest];
            if (G2.TryDecode(bytes, true, out var p, out var error))
            {
                var back = new byte[96];
                G2.Compress(p, back);
                CollectionAssert.AreEqual(bytes, back);
            }
            else Assert.IsNotNull(error);
        }, iter: 100, threads: 1);
    }

    /// <summary>Valid points built from random scalars survive compress/decompress and serialize/deserialize.</summary>
    [TestMethod]
    public void RandomPointsRoundTrip()
    {
        Gen.ULong[1, ulong.MaxValue].Sample(k =>
        {
            var p = Point<Fp>.MulPublic(G1.Generator, k);
            var c = new byte[48];
            var u = new byte[96];
            G1.Compress(p, c);
            G1.Serialize(p, u);
            Assert.IsTrue(G1.TryDecode(c, true, out var a, out _) && a.Equals(p));
            Assert.IsTrue(G1.TryDecode(u, true, out var b, out _) && b.Equals(p));
            // Flipping the sign flag gives the negated point.
            c[0] ^= 0x20;
            Assert.IsTrue(G1.TryDecode(c, true, out var n, out _) && n.Equals(Point<Fp>.Neg(p)));
        }, iter: 20, threads: 1);
    }
}
