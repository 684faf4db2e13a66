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
}
