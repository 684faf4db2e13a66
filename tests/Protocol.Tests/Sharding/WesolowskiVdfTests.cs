using System.Numerics;
using HarmonySim.Protocol.Crypto.Vdf;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>The Wesolowski VDF: round trips, rejection of every altered field, malformed encodings, the default group.</summary>
[TestClass]
public sealed class WesolowskiVdfTests
{
    /// <summary>(2^127 − 1)(2^89 − 1): two Mersenne primes, a 216-bit modulus whose order is known, fast for tests.</summary>
    private static readonly RsaGroup Small = new(((BigInteger.One << 127) - 1) * ((BigInteger.One << 89) - 1));

    private static readonly WesolowskiVdf SmallVdf = new(Small);
    private static readonly byte[] Input = "epoch 7 pRnd"u8.ToArray();

    [TestMethod]
    public void Round_trip_in_a_small_group_with_T_1000()
    {
        var result = SmallVdf.Evaluate(Input, 1000);
        Assert.IsTrue(SmallVdf.Verify(Input, 1000, result));
        Assert.IsTrue(SmallVdf.Verify(Input, 1000, result.ToBytes(Small)));
    }

    [TestMethod]
    public void Output_and_proof_match_direct_exponentiation()
    {
        // Independent of the squaring loop and the long division: y = x^(2^T), π = x^⌊2^T/ℓ⌋, both up to sign.
        const int t = 777;
        var result = SmallVdf.Evaluate(Input, t);
        var x = Small.HashToElement(Input);
        var twoToT = BigInteger.One << t;
        Assert.AreEqual(Small.Canonical(BigInteger.ModPow(x, twoToT, Small.Modulus)), result.Output);
        var l = PrimeChallenge.Derive(Small.Encode(x), Small.Encode(result.Output));
        Assert.AreEqual(Small.Canonical(BigInteger.ModPow(x, twoToT / l, Small.Modulus)), result.Proof);
    }

    [TestMethod]
    public void Verify_rejects_a_wrong_output_proof_difficulty_or_input()
    {
        var result = SmallVdf.Evaluate(Input, 1000);
        var wrongY = Small.Canonical(result.Output * 2);
        var wrongPi = Small.Canonical(result.Proof * 2);
        Assert.IsFalse(SmallVdf.Verify(Input, 1000, wrongY, result.Proof), "wrong y");
        Assert.IsFalse(SmallVdf.Verify(Input, 1000, result.Output, wrongPi), "wrong π");
        Assert.IsFalse(SmallVdf.Verify(Input, 999, result), "T − 1");
        Assert.IsFalse(SmallVdf.Verify(Input, 1001, result), "T + 1");
        Assert.IsFalse(SmallVdf.Verify("epoch 7 pRnd!"u8, 1000, result), "other input");
        Assert.IsFalse(SmallVdf.Verify(Input, 0, result), "T = 0");
        // Output and proof swapped.
        Assert.IsFalse(SmallVdf.Verify(Input, 1000, result.Proof, result.Output), "swapped");
    }

    [TestMethod]
    public void Verify_rejects_malformed_values_and_encodings()
    {
        var result = SmallVdf.Evaluate(Input, 200);
        var n = Small.Modulus;
        Assert.IsFalse(SmallVdf.Verify(Input, 200, BigInteger.Zero, result.Proof), "y = 0");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, result.Output, BigInteger.Zero), "π = 0");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, result.Output + n, result.Proof), "y ≥ N");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, -result.Output, result.Proof), "negative y");
        // The same elements in their non-canonical form: rejected, so the header encoding is unique. (Negating
        // both is the classic forgery in Z_N*, harmless in the quotient group.)
        Assert.IsFalse(SmallVdf.Verify(Input, 200, n - result.Output, result.Proof), "−y");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, n - result.Output, n - result.Proof), "(−y, −π)");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, (BigInteger.One << 127) - 1, result.Proof), "shares a factor with N");

        var bytes = result.ToBytes(Small);
        Assert.AreEqual(2 * Small.ElementSize, bytes.Length);
        Assert.IsFalse(SmallVdf.Verify(Input, 200, bytes.AsSpan(1)), "short");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, [.. bytes, 0]), "long");
        Assert.IsFalse(SmallVdf.Verify(Input, 200, new byte[bytes.Length]), "zeros");
        var flipped = (byte[])bytes.Clone();
        flipped[^1] ^= 1;
        Assert.IsFalse(SmallVdf.Verify(Input, 200, flipped), "one bit of π");
    }

    [TestMethod]
    public void Evaluation_is_deterministic_and_input_sensitive()
    {
        var a = SmallVdf.Evaluate(Input, 300);
        var b = new WesolowskiVdf(new RsaGroup(Small.Modulus)).Evaluate(Input, 300);
        Assert.AreEqual(a, b);
        CollectionAssert.AreEqual(a.ToBytes(Small), b.ToBytes(Small));
        Assert.AreNotEqual(a.Output, SmallVdf.Evaluate("epoch 8 pRnd"u8, 300).Output);
        Assert.AreNotEqual(a.OutputHash(Small), SmallVdf.Evaluate(Input, 301).OutputHash(Small));
    }

    [TestMethod]
    public void Round_trip_over_RSA_2048_with_T_100()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var result = vdf.Evaluate(Input, 100);
        var bytes = result.ToBytes(vdf.Group);
        Assert.AreEqual(512, bytes.Length);
        Assert.IsTrue(vdf.Verify(Input, 100, bytes));
        Assert.IsTrue(VdfResult.TryFromBytes(vdf.Group, bytes, out var decoded));
        Assert.AreEqual(result, decoded);
        // 2^100 < ℓ, so the quotient is 0 and the proof is the identity.
        Assert.IsTrue(result.Proof.IsOne);
        Assert.IsFalse(vdf.Verify(Input, 101, bytes));
        Assert.AreEqual(result, vdf.Evaluate(Input, 100));
    }

    [TestMethod]
    public void Round_trip_over_RSA_2048_with_a_proof_that_is_not_trivial()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var result = vdf.Evaluate(Input, 300);
        Assert.IsFalse(result.Proof.IsOne);
        Assert.IsTrue(vdf.Verify(Input, 300, result));
        Assert.IsFalse(vdf.Verify(Input, 300, result.Output, vdf.Group.Canonical(result.Proof + 1)));
    }

    [TestMethod]
    public void The_default_modulus_is_the_RSA_2048_challenge_number()
    {
        var n = RsaGroup.Rsa2048.Modulus;
        Assert.AreEqual(2048L, n.GetBitLength());
        Assert.AreEqual(617, n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        Assert.AreEqual(256, RsaGroup.Rsa2048.ElementSize);
        // Its published hexadecimal form starts C7970CEEDCC3B075 and ends 8C6361CC7E5.
        var hex = Convert.ToHexString(RsaGroup.Rsa2048.Encode(n - 1));
        StringAssert.StartsWith(hex, "C7970CEEDCC3B075");
        StringAssert.EndsWith(hex, "8C6361CC7E4");
    }

    [TestMethod]
    public void Small_moduli_and_even_moduli_are_refused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RsaGroup(new BigInteger(1_000_003) * 1_000_033));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RsaGroup(BigInteger.One << 100));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SmallVdf.Evaluate(Input, 0));
    }
}
