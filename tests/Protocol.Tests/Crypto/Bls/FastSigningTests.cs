using System.Numerics;
using System.Security.Cryptography;
using CsCheck;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

/// <summary>
/// The memoised and table-driven signing paths must give exactly the bytes of the plain path (hash, then the
/// constant-time GLS multiplication), with or without a memo entry, before and after a table exists, and after the
/// memo or the table was dropped for the bound.
/// </summary>
[TestClass]
public sealed class FastSigningTests
{
    private static readonly BigInteger R = G1.Order;

    private static byte[] Plain(ReadOnlySpan<byte> sk, ReadOnlySpan<byte> message) =>
        BlsSignatureScheme.EncodeSignature(G2Gls.MulSecret(HashToG2.Hash(message, BlsCiphersuite.SignatureDstBytes), sk)).ToArray();

    private static byte[] Bytes32(BigInteger k)
    {
        var b = new byte[32];
        k.TryWriteBytes(b.AsSpan(32 - k.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return b;
    }

    /// <summary>A valid secret key (1 ≤ sk &lt; r) from arbitrary bytes.</summary>
    private static byte[] SecretFrom(byte[] raw) => Bytes32((new BigInteger(raw, isUnsigned: true) % (R - 1)) + 1);

    [TestMethod]
    public void TableMultiplicationEqualsTheReferenceForEveryWidthAndEdgeScalar()
    {
        var h = HashToG2.Hash("table"u8, BlsCiphersuite.SignatureDstBytes);
        var rng = new Random(5);
        var scalars = new List<BigInteger> { 0, 1, 2, 31, 32, 33, 63, 64, R - 1, R - 2, BigInteger.One << 254, (BigInteger.One << 255) - 1 };
        for (var i = 0; i < 4; i++) scalars.Add(BlsTestUtil.RandomBelow(rng, R));
        for (var width = 2; width <= 9; width++)
        {
            var table = new G2FixedBaseTable(h.Normalize(), width);
            foreach (var k in scalars)
                Assert.IsTrue(table.Mul(Bytes32(k)).Equals(Point<Fp2>.MulPublic(h, k)), $"w={width} k={k}");
        }
        Assert.ThrowsExactly<ArgumentException>(() => new G2FixedBaseTable(h.Normalize()).Mul(Bytes32(BigInteger.One << 255)));
    }

    [TestMethod]
    public void MemoisedAndTableSigningEqualPlainSigningAcrossTheBounds()
    {
        // A tiny memo (3 messages, 1 table) so that entries and tables are dropped and rebuilt during the run.
        var cache = new MessageHashCache(capacity: 3, tableCapacity: 1, tableAfterSigns: 2);
        var messages = Gen.Byte.Array[0, 80];
        Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 4], messages).Sample((raw, which, fresh) =>
        {
            var sk = SecretFrom(raw);
            // A few recurring messages (so tables get built) and fresh ones (so the bounds are crossed).
            var message = which < 4 ? [(byte)which] : fresh;
            var expected = Plain(sk, message);
            for (var repeat = 0; repeat < 3; repeat++)
            {
                var signed = BlsSignatureScheme.EncodeSignature(cache.Get(message, BlsCiphersuite.SignatureDstBytes).Multiply(sk));
                CollectionAssert.AreEqual(expected, signed.ToArray());
            }
            Assert.IsLessThanOrEqualTo(cache.Capacity, cache.Count);
        }, iter: 60, threads: 1);
    }

    [TestMethod]
    public void TheSchemeAndTheByteApiSignAsBeforeOnceATableExists()
    {
        var scheme = new BlsSignatureScheme();
        var message = SHA256.HashData("fast signing, shared memo"u8);
        var keys = Enumerable.Range(0, 12).Select(i => scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i + 7000)))).ToArray();
        foreach (var k in keys)
        {
            var expected = Plain(k.Secret.Bytes, message);
            CollectionAssert.AreEqual(expected, scheme.Sign(k.Secret, message).ToArray());
            CollectionAssert.AreEqual(expected, BlsCiphersuite.Sign(k.Secret.Bytes, message));
            Assert.IsTrue(scheme.Verify(k.Public, message, scheme.Sign(k.Secret, message)));
        }
        Assert.IsTrue(MessageHashCache.Shared.Get(message, BlsCiphersuite.SignatureDstBytes).HasTable);
    }

    [TestMethod]
    public void ConcurrentSignersOfOneMessageAllGetThePlainBytes()
    {
        var cache = new MessageHashCache();
        var message = SHA256.HashData("concurrent"u8);
        var secrets = Enumerable.Range(0, 64).Select(i => SecretFrom(SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        var expected = secrets.Select(sk => Plain(sk, message)).ToArray();
        var got = new byte[secrets.Length][];
        Parallel.For(0, secrets.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            got[i] = BlsSignatureScheme.EncodeSignature(cache.Get(message, BlsCiphersuite.SignatureDstBytes).Multiply(secrets[i])).ToArray());
        for (var i = 0; i < secrets.Length; i++) CollectionAssert.AreEqual(expected[i], got[i], $"signer {i}");
        Assert.IsTrue(cache.Get(message, BlsCiphersuite.SignatureDstBytes).HasTable);
    }

    [TestMethod]
    public void ChecksWithAndWithoutMemoisedLinesAgree()
    {
        var scheme = new BlsSignatureScheme();
        var message = SHA256.HashData("lines memo"u8);
        var key = scheme.CreateKey(SHA256.HashData("lines key"u8));
        var good = scheme.Sign(key.Secret, message);
        var bad = scheme.Sign(scheme.CreateKey(SHA256.HashData("other key"u8)).Secret, message);
        // The first check of a message computes its lines on the fly, later ones read the memoised lines.
        for (var round = 0; round < 3; round++)
        {
            Assert.IsTrue(scheme.Verify(key.Public, message, good), $"round {round}");
            Assert.IsFalse(scheme.Verify(key.Public, message, bad), $"round {round}");
        }
    }

    [TestMethod]
    public void DomainSeparationTagsAreNotConfused()
    {
        var cache = new MessageHashCache();
        var sig = cache.Get("m"u8, BlsCiphersuite.SignatureDstBytes);
        var pop = cache.Get("m"u8, BlsCiphersuite.PopDstBytes);
        Assert.IsFalse(sig.Point.Equals(pop.Point));
        Assert.IsTrue(pop.Point.Equals(HashToG2.Hash("m"u8, BlsCiphersuite.PopDstBytes)));
        Assert.AreSame(sig, cache.Get("m"u8, BlsCiphersuite.SignatureDstBytes));
    }
}
