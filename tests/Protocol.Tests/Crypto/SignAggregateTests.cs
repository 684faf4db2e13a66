using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Crypto;

/// <summary>SignAggregate must give exactly the bytes of signing with each key and accumulating, in every scheme.</summary>
[TestClass]
public sealed class SignAggregateTests
{
    private static readonly byte[] Message = SHA256.HashData("commit payload"u8);

    public static IEnumerable<object[]> Schemes =>
    [
        ["bls"],
        ["simulated"],
        ["shared-bls"],
        ["default"],
    ];

    private static ISignatureScheme Make(string name) => name switch
    {
        "bls" => new BlsSignatureScheme(),
        "simulated" => new SimulatedSignatureScheme(9),
        "shared-bls" => new SharedVerificationScheme(new BlsSignatureScheme()),
        _ => new DefaultOnly(new SimulatedSignatureScheme(9)),
    };

    [TestMethod]
    [DynamicData(nameof(Schemes))]
    public void EqualsTheAccumulatedSignaturesForOneToManyKeys(string name)
    {
        var scheme = Make(name);
        var keys = Enumerable.Range(0, 9).Select(i => scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i + 300)))).ToArray();
        for (var n = 1; n <= keys.Length; n++)
        {
            var chosen = keys[..n];
            var expected = scheme.Aggregate(chosen.Select(k => scheme.Sign(k.Secret, Message)));
            var signed = scheme.SignAggregate([.. chosen.Select(k => k.Secret)], Message);
            CollectionAssert.AreEqual(expected.ToArray(), signed.ToArray(), $"{n} keys");
            var set = scheme.CreateKeySet([.. keys.Select(k => k.Public)]);
            Assert.IsTrue(scheme.VerifyAggregate(set, SignerBitmap.Of(keys.Length, [.. Enumerable.Range(0, n)]), Message, signed), $"{n} keys verify");
        }
        // The same key twice counts twice, as two signatures would.
        var twice = scheme.Aggregate([scheme.Sign(keys[0].Secret, Message), scheme.Sign(keys[0].Secret, Message)]);
        CollectionAssert.AreEqual(twice.ToArray(), scheme.SignAggregate([keys[0].Secret, keys[0].Secret], Message).ToArray());
        Assert.ThrowsExactly<ArgumentException>(() => scheme.SignAggregate([], Message));
    }

    [TestMethod]
    public void BlsSecretsThatSumToZeroGiveTheIdentityAsAccumulatingDoes()
    {
        var scheme = new BlsSignatureScheme();
        var sk = scheme.CreateKey(new byte[32]).Secret;
        var complement = BlsCiphersuite.Order - new BigInteger(sk.Bytes, isUnsigned: true, isBigEndian: true);
        var bytes = new byte[32];
        complement.TryWriteBytes(bytes.AsSpan(32 - complement.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        var other = new SecretKey(bytes);
        var expected = scheme.Aggregate([scheme.Sign(sk, Message), scheme.Sign(other, Message)]);
        CollectionAssert.AreEqual(expected.ToArray(), scheme.SignAggregate([sk, other], Message).ToArray());
        Assert.AreEqual(0xc0, expected.Bytes[0]);
    }

    [TestMethod]
    public void BlsRejectsAnInvalidSecretAsSignDoes()
    {
        var scheme = new BlsSignatureScheme();
        var good = scheme.CreateKey(new byte[32]).Secret;
        Assert.ThrowsExactly<ArgumentException>(() => scheme.SignAggregate([good, new SecretKey(new byte[32])], Message));
    }

    /// <summary>A scheme that keeps the interface's default SignAggregate.</summary>
    private sealed class DefaultOnly(ISignatureScheme inner) : ISignatureScheme
    {
        public string Name => inner.Name;
        public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
        public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
        public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) => inner.Sign(secret, message);
        public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature) => inner.Verify(key, message, signature);
        public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
        public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
        public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);
        public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate) =>
            inner.VerifyAggregate(keys, signers, message, aggregate);
    }
}
