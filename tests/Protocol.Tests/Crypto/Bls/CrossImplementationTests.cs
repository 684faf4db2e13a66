using System.Text.Json;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

/// <summary>
/// Replays vectors/bls-cross-implementation.json, written by vectors/generate.mjs from blst (@chainsafe/blst 2.2.0)
/// and noble-curves (@noble/curves 2.4.0), which agree on every value.
/// </summary>
[TestClass]
public sealed class CrossImplementationTests
{
    private static JsonDocument Load() => BlsTestUtil.LoadVectors("bls-cross-implementation.json");
    private static byte[] H(JsonElement e) => BlsTestUtil.Hex(e.GetString()!);
    private static byte[][] HList(JsonElement e) => e.EnumerateArray().Select(H).ToArray();

    [TestMethod]
    public void KeyGenAndSkToPk()
    {
        using var doc = Load();
        foreach (var k in doc.RootElement.GetProperty("keys").EnumerateArray())
        {
            var sk = BlsCiphersuite.KeyGen(H(k.GetProperty("ikm")), H(k.GetProperty("key_info")));
            Assert.AreEqual(k.GetProperty("secret").GetString(), BlsTestUtil.ToHex(sk));
            Assert.AreEqual(k.GetProperty("public").GetString(), BlsTestUtil.ToHex(BlsCiphersuite.SkToPk(sk)));
            Assert.IsTrue(G1.TryDecode(H(k.GetProperty("public_uncompressed")), true, out var p, out _));
            var c = new byte[48];
            G1.Compress(p, c);
            Assert.AreEqual(k.GetProperty("public").GetString(), BlsTestUtil.ToHex(c));
        }
    }

    [TestMethod]
    public void SignaturesMatchAndVerify()
    {
        using var doc = Load();
        var keys = doc.RootElement.GetProperty("keys").EnumerateArray().ToArray();
        var count = 0;
        foreach (var s in doc.RootElement.GetProperty("signatures").EnumerateArray())
        {
            var ki = s.GetProperty("key").GetInt32();
            var sk = ki >= 0 ? H(keys[ki].GetProperty("secret")) : H(s.GetProperty("secret"));
            var pk = ki >= 0 ? H(keys[ki].GetProperty("public")) : H(s.GetProperty("public"));
            var msg = H(s.GetProperty("message"));
            var sig = BlsCiphersuite.Sign(sk, msg);
            Assert.AreEqual(s.GetProperty("signature").GetString(), BlsTestUtil.ToHex(sig));
            if (count % 4 == 0)
            {
                Assert.IsTrue(BlsCiphersuite.Verify(pk, msg, sig));
                if (s.TryGetProperty("signature_uncompressed", out var u))
                {
                    Assert.IsTrue(G2.TryDecode(H(u), true, out var q, out _));
                    var c = new byte[96];
                    G2.Compress(q, c);
                    Assert.AreEqual(s.GetProperty("signature").GetString(), BlsTestUtil.ToHex(c));
                }
            }
            count++;
        }
        Assert.IsGreaterThan(50, count);
    }

    [TestMethod]
    public void VerifyCases()
    {
        using var doc = Load();
        foreach (var c in doc.RootElement.GetProperty("verify").EnumerateArray())
            Assert.AreEqual(c.GetProperty("valid").GetBoolean(),
                BlsCiphersuite.Verify(H(c.GetProperty("public")), H(c.GetProperty("message")), H(c.GetProperty("signature"))),
                c.GetProperty("note").GetString());
    }

    [TestMethod]
    public void Aggregates()
    {
        using var doc = Load();
        foreach (var a in doc.RootElement.GetProperty("aggregates").EnumerateArray())
        {
            var pks = HList(a.GetProperty("publics"));
            var aggSig = H(a.GetProperty("aggregate_signature"));
            var valid = a.GetProperty("valid").GetBoolean();
            if (a.GetProperty("signatures").ValueKind == JsonValueKind.Array)
                Assert.AreEqual(a.GetProperty("aggregate_signature").GetString(),
                    BlsTestUtil.ToHex(BlsCiphersuite.AggregateSignatures(HList(a.GetProperty("signatures")))));
            if (a.GetProperty("kind").GetString() == "same_message")
            {
                var msg = H(a.GetProperty("message"));
                if (a.GetProperty("aggregate_public").ValueKind == JsonValueKind.String)
                    Assert.AreEqual(a.GetProperty("aggregate_public").GetString(), BlsTestUtil.ToHex(BlsCiphersuite.AggregatePublicKeys(pks)));
                Assert.AreEqual(valid, BlsCiphersuite.FastAggregateVerify(pks, msg, aggSig));
            }
            else
            {
                Assert.AreEqual(valid, BlsCiphersuite.AggregateVerify(pks, HList(a.GetProperty("messages")), aggSig));
            }
        }
    }

    [TestMethod]
    public void ProofsOfPossession()
    {
        using var doc = Load();
        var keys = doc.RootElement.GetProperty("keys").EnumerateArray().ToArray();
        var pops = doc.RootElement.GetProperty("pops").EnumerateArray().ToArray();
        for (var i = 0; i < pops.Length; i++)
        {
            var pk = H(pops[i].GetProperty("public"));
            var proof = H(pops[i].GetProperty("proof"));
            Assert.AreEqual(pops[i].GetProperty("proof").GetString(), BlsTestUtil.ToHex(BlsCiphersuite.PopProve(H(keys[i].GetProperty("secret")))));
            Assert.IsTrue(BlsCiphersuite.PopVerify(pk, proof));
            // A PoP is not a signature over the key bytes under the signing DST, and belongs to its own key only.
            Assert.IsFalse(BlsCiphersuite.Verify(pk, pk, proof));
            Assert.IsFalse(BlsCiphersuite.PopVerify(H(pops[(i + 1) % pops.Length].GetProperty("public")), proof));
        }
    }

    [TestMethod]
    public void InvalidEncodingsAreRejected()
    {
        using var doc = Load();
        var count = 0;
        foreach (var c in doc.RootElement.GetProperty("invalid").EnumerateArray())
        {
            var bytes = H(c.GetProperty("encoding"));
            var reason = c.GetProperty("reason").GetString();
            if (c.GetProperty("group").GetString() == "G1")
            {
                Assert.IsFalse(G1.TryDecode(bytes, true, out var p, out _) && !p.IsIdentity, reason);
                Assert.IsFalse(BlsCiphersuite.KeyValidate(bytes), reason);
                Assert.IsNotNull(BlsCiphersuite.PublicKeyError(bytes), reason);
            }
            else
            {
                Assert.IsFalse(G2.TryDecode(bytes, true, out _, out _), reason);
                Assert.IsNotNull(BlsCiphersuite.SignatureError(bytes), reason);
            }
            count++;
        }
        Assert.IsGreaterThan(20, count);
    }
}
