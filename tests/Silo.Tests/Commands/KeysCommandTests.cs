using System.CommandLine;
using System.Text.Json;
using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Commands;

[TestClass]
public sealed class KeysCommandTests
{
    private const string Ikm = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private static (int Code, JsonElement? Json, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = HarmonySimCommand.Build().Parse(["keys", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        var text = output.ToString().Trim();
        JsonElement? json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        return (code, json, error.ToString());
    }

    private static string Get(JsonElement? json, string name) => json!.Value.GetProperty(name).GetString()!;

    [TestMethod]
    public void NewSignVerifyRoundTrip()
    {
        var (code, key, _) = Run("bls-new", "--ikm", Ikm);
        Assert.AreEqual(0, code);
        var secret = Get(key, "secret");
        var pub = Get(key, "public");
        Assert.AreEqual(64, secret.Length);
        Assert.AreEqual(96, pub.Length);
        Assert.AreEqual(192, Get(key, "pop").Length);
        Assert.AreEqual(192, Get(key, "harmony_key_sig").Length);
        Assert.AreEqual(secret, secret.ToLowerInvariant());
        // Deterministic for a given IKM; random without one.
        Assert.AreEqual(pub, Get(Run("bls-new", "--ikm", Ikm[2..]).Json, "public"));
        Assert.AreNotEqual(pub, Get(Run("bls-new").Json, "public"));

        var (signCode, sig, _) = Run("bls-sign", "--secret", "0x" + secret, "--message", "abcd");
        Assert.AreEqual(0, signCode);
        var signature = Get(sig, "signature");
        var (ok, verdict, _) = Run("bls-verify", "--public", pub, "--message", "0xabcd", "--signature", signature);
        Assert.AreEqual(0, ok);
        Assert.IsTrue(verdict!.Value.GetProperty("valid").GetBoolean());
        var (bad, verdict2, _) = Run("bls-verify", "--public", pub, "--message", "abce", "--signature", signature);
        Assert.AreEqual(1, bad);
        Assert.IsFalse(verdict2!.Value.GetProperty("valid").GetBoolean());
    }

    [TestMethod]
    public void MalformedInputExitsTwoWithAReason()
    {
        var pub = Get(Run("bls-new", "--ikm", Ikm).Json, "public");
        var sig = Get(Run("bls-sign", "--secret", Get(Run("bls-new", "--ikm", Ikm).Json, "secret"), "--message", "00").Json, "signature");
        var cases = new (string[] Args, string Expect)[]
        {
            (["bls-verify", "--public", "zz", "--message", "00", "--signature", sig], "not valid hex"),
            (["bls-verify", "--public", pub[..94], "--message", "00", "--signature", sig], "expected 48 bytes"),
            (["bls-verify", "--public", "c0" + new string('0', 94), "--message", "00", "--signature", sig], "identity"),
            (["bls-verify", "--public", "80" + new string('0', 94), "--message", "00", "--signature", sig], "not in the prime-order subgroup"),
            (["bls-verify", "--public", "80" + new string('0', 92) + "01", "--message", "00", "--signature", sig], "not on the curve"),
            (["bls-verify", "--public", pub, "--message", "00", "--signature", "1" + sig[1..]], "compression flag"),
            (["bls-verify", "--public", pub, "--message", "00"], "--signature is required"),
            (["bls-sign", "--secret", new string('0', 64), "--message", "00"], "1 <= sk < r"),
            (["bls-aggregate"], "either"),
            (["bls-new", "--ikm", "00"], "at least 32 bytes"),
        };
        foreach (var (args, expect) in cases)
        {
            var (code, json, error) = Run(args);
            Assert.AreEqual(2, code, string.Join(' ', args));
            Assert.IsNull(json);
            Assert.Contains(expect, error, error + " | " + string.Join(' ', args));
        }
    }

    [TestMethod]
    public void AggregateAndFastAggregateVerify()
    {
        var keys = Enumerable.Range(0, 3).Select(i => Run("bls-new", "--ikm", Ikm[..^2] + $"{i:x2}").Json).ToArray();
        var msg = "0x" + new string('5', 64);
        var sigs = keys.Select(k => Get(Run("bls-sign", "--secret", Get(k, "secret"), "--message", msg).Json, "signature")).ToArray();
        var pubs = keys.Select(k => Get(k, "public")).ToArray();
        var (code, agg, _) = Run(["bls-aggregate", "--signature", .. sigs]);
        Assert.AreEqual(0, code);
        var aggSig = Get(agg, "signature");
        var aggPub = Get(Run(["bls-aggregate", "--public", pubs[0], "--public", pubs[1], "--public", pubs[2]]).Json, "public");
        Assert.AreEqual(0, Run("bls-verify", "--public", aggPub, "--message", msg, "--signature", aggSig).Code);
        Assert.AreEqual(0, Run(["bls-fast-aggregate-verify", "--public", .. pubs, "--message", msg, "--signature", aggSig]).Code);
        Assert.AreEqual(1, Run(["bls-fast-aggregate-verify", "--public", .. pubs[..2], "--message", msg, "--signature", aggSig]).Code);
        Assert.AreEqual(2, Run(["bls-fast-aggregate-verify", "--public", pubs[0], "--public", "xyz", "--message", msg, "--signature", aggSig]).Code);
    }

    [TestMethod]
    public void AccountNew()
    {
        // Secret key 1 is the well-known address 0x7e5f4552091a69125d5dfcb7b8c2659029395bdf.
        var (code, json, _) = Run("account-new", "--secret", "0x" + new string('0', 63) + "1");
        Assert.AreEqual(0, code);
        Assert.AreEqual("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf", Get(json, "address"));
        Assert.StartsWith("one1", Get(json, "bech32"));
        var (code2, json2, _) = Run("account-new");
        Assert.AreEqual(0, code2);
        Assert.AreEqual(64, Get(json2, "secret").Length);
        Assert.AreEqual(2, Run("account-new", "--secret", new string('0', 64)).Code);
    }
}
