using CsCheck;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Crypto;

/// <summary>The simulated scheme keeps BLS's shape: sizes, aggregation over one message, bitmap-exact aggregate checks.</summary>
[TestClass]
public sealed class SimulatedSignatureSchemeTests
{
    private static readonly SimulatedSignatureScheme Scheme = new(7);
    private static readonly KeyPair[] Keys = [.. Enumerable.Range(0, 40).Select(i => Scheme.CreateKey(Ikm(i)))];

    private static byte[] Ikm(int i) => [.. BitConverter.GetBytes(i), .. new byte[28]];

    [TestMethod]
    public void Keys_and_signatures_have_bls_sizes_and_keys_are_deterministic()
    {
        var pair = Scheme.CreateKey(Ikm(1));
        Assert.AreEqual(48, pair.Public.Bytes.Length);
        Assert.AreEqual(96, Scheme.Sign(pair.Secret, "m"u8).Bytes.Length);
        Assert.AreEqual(pair.Public, new SimulatedSignatureScheme(7).CreateKey(Ikm(1)).Public);
        Assert.AreNotEqual(pair.Public, Scheme.CreateKey(Ikm(2)).Public);
        Assert.ThrowsExactly<ArgumentException>(() => Scheme.CreateKey(new byte[31]));
    }

    [TestMethod]
    public void A_signature_verifies_only_for_its_key_and_message()
    {
        var sig = Scheme.Sign(Keys[0].Secret, "block"u8);
        Assert.IsTrue(Scheme.Verify(Keys[0].Public, "block"u8, sig));
        Assert.IsFalse(Scheme.Verify(Keys[1].Public, "block"u8, sig));
        Assert.IsFalse(Scheme.Verify(Keys[0].Public, "other"u8, sig));
    }

    [TestMethod]
    public void Tampered_or_foreign_bytes_are_rejected_not_thrown()
    {
        var sig = Scheme.Sign(Keys[0].Secret, "m"u8);
        var flipped = sig.ToArray();
        flipped[3] ^= 1;
        Assert.IsFalse(Scheme.Verify(Keys[0].Public, "m"u8, new Signature(flipped)));
        var padded = sig.ToArray();
        padded[95] = 1;
        Assert.IsFalse(Scheme.Verify(Keys[0].Public, "m"u8, new Signature(padded)));
        var key = Keys[0].Public.ToArray();
        key[20] ^= 1;
        Assert.IsFalse(Scheme.IsValidPublicKey(new PublicKey(key)));
        Assert.IsFalse(Scheme.Verify(new PublicKey(key), "m"u8, sig));
        // Another run's scheme (another seed) does not accept this run's keys.
        Assert.IsFalse(new SimulatedSignatureScheme(8).IsValidPublicKey(Keys[0].Public));
    }

    [TestMethod]
    public void An_aggregate_verifies_against_exactly_its_signers_bitmap()
    {
        var keySet = Scheme.CreateKeySet([.. Keys.Select(k => k.Public)]);
        var message = "commit payload"u8.ToArray();
        Gen.Int[0, Keys.Length - 1].HashSet[1, Keys.Length].Select(Gen.Int[0, Keys.Length - 1]).Sample((signers, other) =>
        {
            var members = signers.Order().ToArray();
            var aggregate = Scheme.Aggregate(members.Select(i => Scheme.Sign(Keys[i].Secret, message)));
            var bitmap = SignerBitmap.Of(Keys.Length, members);
            if (!Scheme.VerifyAggregate(keySet, bitmap, message, aggregate)) throw new InvalidOperationException("own bitmap fails");
            var changed = signers.Contains(other) ? members.Where(m => m != other).ToArray() : [.. members, other];
            if (changed.Length > 0 && Scheme.VerifyAggregate(keySet, SignerBitmap.Of(Keys.Length, changed), message, aggregate))
                throw new InvalidOperationException("verifies with another bitmap");
            if (Scheme.VerifyAggregate(keySet, bitmap, "another message"u8, aggregate)) throw new InvalidOperationException("verifies another message");
            var summed = Scheme.AggregatePublicKeys([.. members.Select(i => Keys[i].Public)]);
            if (!Scheme.Verify(summed, message, aggregate)) throw new InvalidOperationException("summed key fails");
            if (!keySet.AggregateFor(bitmap).Equals(summed)) throw new InvalidOperationException("key set aggregate differs");
        }, iter: 300);
    }

    [TestMethod]
    public void An_aggregate_with_a_signature_on_another_message_fails()
    {
        var acc = Scheme.CreateAccumulator();
        acc.Add(Scheme.Sign(Keys[0].Secret, "a"u8));
        acc.Add(Scheme.Sign(Keys[1].Secret, "b"u8));
        var keySet = Scheme.CreateKeySet([.. Keys.Select(k => k.Public)]);
        Assert.IsFalse(Scheme.VerifyAggregate(keySet, SignerBitmap.Of(Keys.Length, 0, 1), "a"u8, acc.ToSignature()));
        Assert.AreEqual(2, acc.Count);
    }

    [TestMethod]
    public void A_key_set_of_another_size_or_scheme_is_refused()
    {
        var keySet = Scheme.CreateKeySet([.. Keys.Select(k => k.Public)]);
        var sig = Scheme.Sign(Keys[0].Secret, "m"u8);
        Assert.IsFalse(Scheme.VerifyAggregate(keySet, SignerBitmap.Of(5, 0), "m"u8, sig));
        Assert.ThrowsExactly<ArgumentException>(() => new SimulatedSignatureScheme(9).VerifyAggregate(keySet, SignerBitmap.Of(Keys.Length, 0), "m"u8, sig));
        var bad = Keys[0].Public.ToArray();
        bad[47] ^= 0xff;
        Assert.ThrowsExactly<ArgumentException>(() => Scheme.CreateKeySet([new PublicKey(bad)]));
    }
}
