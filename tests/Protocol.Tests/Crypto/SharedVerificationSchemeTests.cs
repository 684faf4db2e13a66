using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Crypto;

[TestClass]
public sealed class SharedVerificationSchemeTests
{
    [TestMethod]
    public void Answers_are_the_inner_schemes_and_repeats_come_from_the_memo()
    {
        var scheme = new SharedVerificationScheme(new SimulatedSignatureScheme(3));
        var keys = Enumerable.Range(0, 4).Select(i => scheme.CreateKey([.. BitConverter.GetBytes(i), .. new byte[28]])).ToArray();
        var good = scheme.Sign(keys[0].Secret, "m"u8);
        var bad = scheme.Sign(keys[1].Secret, "m"u8);
        for (var round = 0; round < 2; round++)
        {
            Assert.IsTrue(scheme.Verify(keys[0].Public, "m"u8, good));
            Assert.IsFalse(scheme.Verify(keys[0].Public, "m"u8, bad));
            Assert.IsFalse(scheme.Verify(keys[0].Public, "other"u8, good));
        }
        Assert.AreEqual(3L, scheme.Hits);

        var set = scheme.CreateKeySet([.. keys.Select(k => k.Public)]);
        var aggregate = scheme.Aggregate([scheme.Sign(keys[0].Secret, "x"u8), scheme.Sign(keys[2].Secret, "x"u8)]);
        Assert.IsTrue(scheme.VerifyAggregate(set, SignerBitmap.Of(4, 0, 2), "x"u8, aggregate));
        Assert.IsFalse(scheme.VerifyAggregate(set, SignerBitmap.Of(4, 0, 1), "x"u8, aggregate));
        Assert.IsTrue(scheme.VerifyAggregate(set, SignerBitmap.Of(4, 0, 2), "x"u8, aggregate));
        Assert.AreEqual(4L, scheme.Hits);
        // Another key set over the same keys is a different identity: no false sharing between committees.
        var other = scheme.CreateKeySet([.. keys.Reverse().Select(k => k.Public)]);
        Assert.IsFalse(scheme.VerifyAggregate(other, SignerBitmap.Of(4, 0, 2), "x"u8, aggregate));
    }

    [TestMethod]
    public void A_primed_batch_gives_the_same_answers_as_checking_one_by_one()
    {
        var bls = new Protocol.Crypto.Bls.BlsSignatureScheme();
        var scheme = new SharedVerificationScheme(bls);
        var keys = Enumerable.Range(0, 6).Select(i => scheme.CreateKey([.. BitConverter.GetBytes(i + 100), .. new byte[28]])).ToArray();
        var message = "block hash"u8.ToArray();
        var signatures = keys.Select(k => scheme.Sign(k.Secret, message)).ToArray();
        signatures[2] = scheme.Sign(keys[3].Secret, message); // wrong signer
        signatures[4] = scheme.Sign(keys[4].Secret, "other"u8); // wrong message
        scheme.PrimeBatch([.. keys.Select(k => k.Public)], message, signatures);
        var hitsBefore = scheme.Hits;
        for (var i = 0; i < keys.Length; i++)
            Assert.AreEqual(bls.Verify(keys[i].Public, message, signatures[i]), scheme.Verify(keys[i].Public, message, signatures[i]), $"vote {i}");
        Assert.AreEqual(hitsBefore + keys.Length, scheme.Hits, "every answer came from the primed memo");
    }

    [TestMethod]
    public void Concurrent_identical_checks_compute_once()
    {
        var inner = new SlowCounting(new SimulatedSignatureScheme(4));
        var scheme = new SharedVerificationScheme(inner);
        var key = scheme.CreateKey(new byte[32]);
        var signature = scheme.Sign(key.Secret, "m"u8);
        using var start = new Barrier(8);
        var answers = new bool[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            answers[i] = scheme.Verify(key.Public, "m"u8, signature);
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.IsTrue(answers.All(a => a));
        Assert.AreEqual(1, inner.Verifies);
        Assert.AreEqual(7L, scheme.Hits);
    }

    [TestMethod]
    public void A_failing_check_is_not_remembered()
    {
        var scheme = new SharedVerificationScheme(new SimulatedSignatureScheme(5));
        var foreign = new SimulatedSignatureScheme(6);
        var key = foreign.CreateKey(new byte[32]);
        var set = foreign.CreateKeySet([key.Public]);
        var signature = foreign.Sign(key.Secret, "m"u8);
        for (var i = 0; i < 2; i++)
            Assert.ThrowsExactly<ArgumentException>(() => scheme.VerifyAggregate(set, SignerBitmap.Of(1, 0), "m"u8, signature));
        Assert.AreEqual(0L, scheme.Hits);
    }

    [TestMethod]
    public void Bitmaps_of_different_sizes_with_the_same_bytes_are_different_checks()
    {
        var scheme = new SharedVerificationScheme(new SimulatedSignatureScheme(7));
        var keys = Enumerable.Range(0, 4).Select(i => scheme.CreateKey([.. BitConverter.GetBytes(i), .. new byte[28]])).ToArray();
        var set = scheme.CreateKeySet([.. keys.Select(k => k.Public)]);
        var aggregate = scheme.SignAggregate([keys[0].Secret], "x"u8);
        Assert.IsTrue(scheme.VerifyAggregate(set, SignerBitmap.Of(4, 0), "x"u8, aggregate));
        Assert.IsFalse(scheme.VerifyAggregate(set, SignerBitmap.Of(5, 0), "x"u8, aggregate));
    }

    /// <summary>Counts the inner scheme's single checks, slowly enough that concurrent callers overlap.</summary>
    private sealed class SlowCounting(ISignatureScheme inner) : ISignatureScheme
    {
        private int _verifies;
        public int Verifies => Volatile.Read(ref _verifies);
        public string Name => inner.Name;
        public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
        public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
        public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) => inner.Sign(secret, message);
        public Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message) => inner.SignAggregate(secrets, message);

        public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
        {
            Interlocked.Increment(ref _verifies);
            Thread.Sleep(100);
            return inner.Verify(key, message, signature);
        }

        public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
        public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
        public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);
        public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate) =>
            inner.VerifyAggregate(keys, signers, message, aggregate);
    }
}
