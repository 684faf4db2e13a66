using System.Security.Cryptography;
using System.Text;
using CsCheck;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

[TestClass]
public sealed class BlsSchemeTests
{
    private static readonly BlsSignatureScheme Scheme = new();
    private static readonly KeyPair[] Committee = MakeCommittee(16);
    private static readonly int[] ExpectedBad = [3, 11, 14];

    private static KeyPair[] MakeCommittee(int n) =>
        Enumerable.Range(0, n).Select(i => Scheme.CreateKey(SHA256.HashData(Encoding.ASCII.GetBytes($"committee-{i}")))).ToArray();

    [TestMethod]
    public void SignVerifyRoundTripAndRejections()
    {
        var msg = "block hash"u8.ToArray();
        var k = Committee[0];
        var sig = Scheme.Sign(k.Secret, msg);
        Assert.AreEqual("bls", Scheme.Name);
        Assert.IsTrue(Scheme.IsValidPublicKey(k.Public));
        Assert.IsTrue(Scheme.Verify(k.Public, msg, sig));
        Assert.IsFalse(Scheme.Verify(k.Public, "other"u8, sig));
        Assert.IsFalse(Scheme.Verify(Committee[1].Public, msg, sig));
        // Fresh objects (no cached decoding) behave the same.
        Assert.IsTrue(Scheme.Verify(new PublicKey(k.Public.Bytes), msg, new Signature(sig.Bytes)));
        var tampered = sig.ToArray();
        tampered[95] ^= 1;
        Assert.IsFalse(Scheme.Verify(k.Public, msg, new Signature(tampered)));
        var junkKey = new PublicKey(new byte[48]);
        Assert.IsFalse(Scheme.IsValidPublicKey(junkKey));
        Assert.IsFalse(Scheme.Verify(junkKey, msg, sig));
        // Matches the byte-level ciphersuite.
        CollectionAssert.AreEqual(BlsCiphersuite.Sign(k.Secret.Bytes, msg), sig.ToArray());
        CollectionAssert.AreEqual(BlsCiphersuite.SkToPk(k.Secret.Bytes), k.Public.ToArray());
    }

    [TestMethod]
    public void CreateKeyIsDeterministic()
    {
        var ikm = new byte[32];
        Assert.AreEqual(Scheme.CreateKey(ikm).Public, Scheme.CreateKey(ikm).Public);
        Assert.ThrowsExactly<ArgumentException>(() => Scheme.CreateKey(new byte[31]));
    }

    [TestMethod]
    public void AggregateVerifiesWithExactlyItsSignersBitmap()
    {
        var msg = "prepared block"u8.ToArray();
        var sigs = Committee.Select(k => Scheme.Sign(k.Secret, msg)).ToArray();
        var keySet = Scheme.CreateKeySet(Committee.Select(k => k.Public).ToArray());
        Gen.Int[1, (1 << Committee.Length) - 1].Select(Gen.Int[0, Committee.Length - 1]).Sample((mask, flip) =>
        {
            var members = Enumerable.Range(0, Committee.Length).Where(i => (mask & (1 << i)) != 0).ToArray();
            var acc = Scheme.CreateAccumulator();
            foreach (var i in members) Assert.IsTrue(acc.Add(sigs[i]));
            var aggregate = acc.ToSignature();
            var bitmap = SignerBitmap.Of(Committee.Length, members);
            Assert.IsTrue(Scheme.VerifyAggregate(keySet, bitmap, msg, aggregate));
            Assert.IsTrue(Scheme.Verify(keySet.AggregateFor(bitmap), msg, aggregate));
            // Any other bitmap (one member flipped) fails.
            var other = (mask ^ (1 << flip)) & ((1 << Committee.Length) - 1);
            if (other != 0)
            {
                var otherBitmap = SignerBitmap.Of(Committee.Length, Enumerable.Range(0, Committee.Length).Where(i => (other & (1 << i)) != 0).ToArray());
                Assert.IsFalse(Scheme.VerifyAggregate(keySet, otherBitmap, msg, aggregate));
            }
            Assert.IsFalse(Scheme.VerifyAggregate(keySet, bitmap, "another block"u8, aggregate));
        }, iter: 12, threads: 1);
    }

    [TestMethod]
    public void VerifyAggregateRejectsWrongSizesAndEmptyBitmaps()
    {
        var msg = "m"u8.ToArray();
        var keySet = Scheme.CreateKeySet(Committee.Select(k => k.Public).ToArray());
        var sig = Scheme.Sign(Committee[0].Secret, msg);
        Assert.IsTrue(Scheme.VerifyAggregate(keySet, SignerBitmap.Of(Committee.Length, 0), msg, sig));
        Assert.IsFalse(Scheme.VerifyAggregate(keySet, SignerBitmap.Of(Committee.Length + 1, 0), msg, sig));
        Assert.IsFalse(Scheme.VerifyAggregate(keySet, SignerBitmap.Empty(Committee.Length), msg, sig));
        Assert.ThrowsExactly<ArgumentException>(() => Scheme.VerifyAggregate(new BlsSignatureScheme().CreateKeySet([Committee[0].Public]), SignerBitmap.Of(1, 0), msg, sig));
        Assert.ThrowsExactly<ArgumentException>(() => Scheme.CreateKeySet([new PublicKey(new byte[48])]));
        Assert.AreEqual(Committee[0].Public, Scheme.AggregatePublicKeys([Committee[0].Public]));
    }

    [TestMethod]
    public void BatchVerificationNamesTheBadVotes()
    {
        var msg = "committed block"u8.ToArray();
        var keys = Committee.Select(k => k.Public).ToArray();
        var sigs = Committee.Select(k => Scheme.Sign(k.Secret, msg)).ToArray();
        Assert.IsEmpty(Scheme.BatchVerify(keys, msg, sigs));
        var bad = sigs.ToArray();
        bad[3] = Scheme.Sign(Committee[3].Secret, "something else"u8);
        bad[11] = sigs[12];
        bad[14] = new Signature(new byte[96]);
        CollectionAssert.AreEqual(ExpectedBad, Scheme.BatchVerify(keys, msg, bad).ToArray());
        var byteLevel = BlsCiphersuite.BatchVerifySameMessage(keys.Select(k => k.ToArray()).ToArray(), msg, bad.Select(s => s.ToArray()).ToArray());
        CollectionAssert.AreEqual(ExpectedBad, byteLevel.ToArray());
    }

    [TestMethod]
    public void BilinearityProperty()
    {
        Gen.Select(Gen.ULong[1, ulong.MaxValue], Gen.ULong[1, ulong.MaxValue]).Sample((a, b) =>
        {
            var aP = Point<Fp>.MulPublic(G1.Generator, a);
            var bQ = Point<Fp2>.MulPublic(G2.Generator, b);
            var lhs = Pairing.Pair(aP, bQ);
            var rhs = Pairing.Pair(Point<Fp>.MulPublic(G1.Generator, (System.Numerics.BigInteger)a * b % G1.Order), G2.Generator);
            Assert.IsTrue(lhs.Equals(rhs));
        }, iter: 4, threads: 1);
    }

    [TestMethod]
    public void SlotKeyProofAndVrf()
    {
        var k = Committee[2];
        var proof = HarmonySlotKeyProof.Create(k.Secret.Bytes);
        Assert.IsTrue(HarmonySlotKeyProof.Verify(k.Public.Bytes, proof));
        Assert.IsFalse(HarmonySlotKeyProof.Verify(Committee[3].Public.Bytes, proof));
        Assert.HasCount(32, HarmonySlotKeyProof.SignedHash());
        CollectionAssert.AreEqual(Keccak256.Hash("harmony-one"u8).ToArray(), HarmonySlotKeyProof.SignedHash());

        var alpha = "parent header hash"u8.ToArray();
        var (beta, pi) = BlsVrf.Evaluate(k.Secret.Bytes, alpha);
        Assert.IsTrue(BlsVrf.TryVerify(k.Public.Bytes, alpha, pi, out var beta2));
        CollectionAssert.AreEqual(beta, beta2);
        CollectionAssert.AreEqual(SHA256.HashData(pi), beta);
        Assert.IsTrue(BlsVrf.VerifyHeaderValue(k.Public.Bytes, alpha, [.. beta, .. pi]));
        Assert.IsFalse(BlsVrf.TryVerify(k.Public.Bytes, "other"u8, pi, out _));
        var wrongBeta = beta.ToArray();
        wrongBeta[0] ^= 1;
        Assert.IsFalse(BlsVrf.VerifyHeaderValue(k.Public.Bytes, alpha, [.. wrongBeta, .. pi]));
    }

    [TestMethod]
    public void AggregateVerifyAllowsRepeatedMessagesAndRejectsMismatches()
    {
        var m1 = "one"u8.ToArray();
        var m2 = "two"u8.ToArray();
        var sks = Committee.Take(3).Select(k => k.Secret.Bytes.ToArray()).ToArray();
        var pks = Committee.Take(3).Select(k => k.Public.ToArray()).ToArray();
        var sig = BlsCiphersuite.AggregateSignatures([BlsCiphersuite.Sign(sks[0], m1), BlsCiphersuite.Sign(sks[1], m1), BlsCiphersuite.Sign(sks[2], m2)]);
        Assert.IsTrue(BlsCiphersuite.AggregateVerify(pks, [m1, m1, m2], sig));
        Assert.IsFalse(BlsCiphersuite.AggregateVerify(pks, [m1, m2, m2], sig));
        Assert.IsFalse(BlsCiphersuite.AggregateVerify(pks[..2], [m1, m1], sig));
        Assert.IsFalse(BlsCiphersuite.AggregateVerify([], [], sig));
        Assert.IsFalse(BlsCiphersuite.FastAggregateVerify([], m1, sig));
        Assert.ThrowsExactly<BlsFormatException>(() => BlsCiphersuite.AggregateSignatures([]));
        Assert.ThrowsExactly<ArgumentException>(() => BlsCiphersuite.KeyGen(new byte[31]));
    }

    [TestMethod]
    public void SecretKeyRangeIsEnforced()
    {
        Assert.IsFalse(BlsCiphersuite.IsValidSecretKey(new byte[32]));
        var r = BlsCiphersuite.Order.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.IsFalse(BlsCiphersuite.IsValidSecretKey(r));
        var rMinus1 = (BlsCiphersuite.Order - 1).ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.IsTrue(BlsCiphersuite.IsValidSecretKey(rMinus1));
        var one = new byte[32];
        one[31] = 1;
        Assert.IsTrue(BlsCiphersuite.IsValidSecretKey(one));
        CollectionAssert.AreEqual(Convert.FromHexString("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"), BlsCiphersuite.SkToPk(one));
        Assert.ThrowsExactly<ArgumentException>(() => BlsCiphersuite.Sign(new byte[32], "m"u8));
    }
}

[TestClass]
public sealed class BlsCommitteeTests
{
    /// <summary>A 64-member committee's FBFT-style round: everyone signs the block hash, the leader aggregates a quorum.</summary>
    [TestMethod]
    public void SixtyFourMemberQuorumRound()
    {
        var scheme = new BlsSignatureScheme();
        const int n = 64;
        var keys = Enumerable.Range(0, n).Select(i => scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        foreach (var k in keys) Assert.IsTrue(BlsCiphersuite.PopVerify(k.Public.Bytes, BlsCiphersuite.PopProve(k.Secret.Bytes)));
        var keySet = scheme.CreateKeySet(keys.Select(k => k.Public).ToArray());
        var blockHash = SHA256.HashData("block 1"u8);
        var votes = keys.Select(k => scheme.Sign(k.Secret, blockHash)).ToArray();
        // The leader checks all votes at once, then folds a 2/3 quorum (43 of 64) into one aggregate.
        Assert.IsEmpty(scheme.BatchVerify(keys.Select(k => k.Public).ToArray(), blockHash, votes));
        var quorum = Enumerable.Range(0, n).Where(i => i % 3 != 2).ToArray();
        var acc = scheme.CreateAccumulator();
        foreach (var i in quorum) Assert.IsTrue(acc.Add(votes[i]));
        var aggregate = acc.ToSignature();
        var bitmap = SignerBitmap.Of(n, quorum);
        // A validator receiving (aggregate, bitmap) over the wire: fresh objects, nothing cached.
        var received = new Signature(aggregate.Bytes);
        var receivedBitmap = SignerBitmap.FromBytes(bitmap.ToBytes(), n);
        Assert.IsTrue(scheme.VerifyAggregate(keySet, receivedBitmap, blockHash, received));
        // Independently of the scheme object: FastAggregateVerify over the bitmap's keys.
        Assert.IsTrue(BlsCiphersuite.FastAggregateVerify(quorum.Select(i => keys[i].Public.ToArray()).ToArray(), blockHash, aggregate.ToArray()));
        Assert.IsFalse(scheme.VerifyAggregate(keySet, SignerBitmap.Of(n, quorum.AsSpan(1)), blockHash, received));
    }
}
