using System.Numerics;
using HarmonySim.Protocol.Crypto.Vdf;

namespace HarmonySim.Protocol.Tests.Sharding;

[TestClass]
public sealed class PrimeChallengeTests
{
    [TestMethod]
    public void Primality_matches_trial_division_below_20000()
    {
        for (var n = 0; n < 20_000; n++)
        {
            var prime = n >= 2;
            for (var d = 2; d * d <= n && prime; d++) prime = n % d != 0;
            Assert.AreEqual(prime, PrimeChallenge.IsProbablePrime(n), $"{n}");
        }
    }

    [TestMethod]
    public void Known_primes_pass_and_strong_pseudoprimes_to_small_bases_fail()
    {
        Assert.IsTrue(PrimeChallenge.IsProbablePrime((BigInteger.One << 127) - 1));
        Assert.IsTrue(PrimeChallenge.IsProbablePrime((BigInteger.One << 89) - 1));
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(((BigInteger.One << 127) - 1) * ((BigInteger.One << 89) - 1)));
        // Strong pseudoprime to bases 2, 3, 5, 7 (Pomerance, Selfridge, Wagstaff).
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(3_215_031_751));
        // ψ12 and ψ13, the smallest strong pseudoprimes to all prime bases up to 37 and up to 41: the later bases catch them.
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(BigInteger.Parse("318665857834031151167461", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(BigInteger.Parse("3317044064679887385961981", System.Globalization.CultureInfo.InvariantCulture)));
        // Carmichael numbers.
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(561));
        Assert.IsFalse(PrimeChallenge.IsProbablePrime(41_041));
    }

    [TestMethod]
    public void Challenges_are_128_bit_primes_that_depend_on_both_x_and_y()
    {
        var x = new byte[32];
        var y = new byte[32];
        var seen = new HashSet<BigInteger>();
        for (var i = 0; i < 20; i++)
        {
            x[0] = (byte)i;
            var l = PrimeChallenge.Derive(x, y);
            Assert.AreEqual(128L, l.GetBitLength());
            Assert.IsTrue(PrimeChallenge.IsProbablePrime(l));
            Assert.IsTrue(seen.Add(l));
            Assert.AreEqual(l, PrimeChallenge.Derive(x, y));
        }
        y[0] = 1;
        Assert.IsTrue(seen.Add(PrimeChallenge.Derive(x, y)));
    }
}
