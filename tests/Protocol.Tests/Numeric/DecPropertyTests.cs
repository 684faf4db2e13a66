using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Tests.Numeric;

/// <summary>
/// <see cref="Dec"/> against exact rational arithmetic over BigInteger: every rounding lands where Harmony's rule
/// says (half an ulp, ties to even; truncation toward zero), for values of either sign.
/// </summary>
[TestClass]
public sealed class DecPropertyTests
{
    private static readonly BigInteger S = Dec.Scale;

    // Raw values up to ±2^100 (about ±10^12 whole units) with plenty of exact ties and small values among them.
    private static readonly Gen<Dec> AnyDec = Gen.OneOf(
        Gen.Long.Select(l => new Dec(l)),
        Gen.Select(Gen.Long, Gen.Long[0, long.MaxValue]).Select((hi, lo) => new Dec(((BigInteger)hi << 36) + lo)),
        Gen.Long[-1000, 1000].Select(n => new Dec(n * (S / 2))));

    private static readonly Gen<Dec> NonZeroDec = AnyDec.Where(d => !d.IsZero);

    [TestMethod]
    public void Mul_is_the_exact_product_rounded_half_to_even()
    {
        Gen.Select(AnyDec, AnyDec).Sample((a, b) =>
        {
            var exact = a.Raw * b.Raw; // the product times 10^36
            var r = a.Mul(b).Raw;
            var error = BigInteger.Abs(r * S - exact);
            Assert.IsTrue(2 * error <= S, $"{a} × {b} = {a.Mul(b)}");
            if (2 * error == S) Assert.IsTrue(r.IsEven, $"a tie of {a} × {b} rounds to even");
            Assert.AreEqual(BigInteger.Divide(exact, S), a.MulTruncate(b).Raw);
        });
    }

    [TestMethod]
    public void Quo_is_within_half_an_ulp_of_the_exact_quotient_and_brackets_the_truncated_and_rounded_up_ones()
    {
        Gen.Select(AnyDec, NonZeroDec).Sample((a, b) =>
        {
            var q = a.Quo(b).Raw;
            // |q − a/b| < ½ ulp + 10^-36, as q rounds a quotient already truncated at 36 decimals.
            var lhs = BigInteger.Abs(q * S * b.Raw - a.Raw * S * S) * 2;
            Assert.IsTrue(lhs < BigInteger.Abs(b.Raw) * (S + 2), $"{a} / {b} = {a.Quo(b)}");
            var truncated = a.QuoTruncate(b).Raw;
            Assert.AreEqual(BigInteger.Divide(a.Raw * S, b.Raw), truncated);
            var up = a.QuoRoundUp(b).Raw;
            if (truncated.Sign >= 0 && (a.Raw.Sign == b.Raw.Sign || a.IsZero))
            {
                Assert.IsTrue(truncated <= q && q <= up && up - truncated <= 1);
                if ((a.Raw * S % b.Raw).IsZero) Assert.AreEqual(truncated, up, "an exact quotient is not rounded up");
            }
            else Assert.AreEqual(truncated, up);
        });
    }

    [TestMethod]
    public void RoundInt_and_TruncateInt_agree_with_the_rational_value()
    {
        AnyDec.Sample(d =>
        {
            var rounded = d.RoundInt();
            var error = BigInteger.Abs(rounded * S - d.Raw);
            Assert.IsTrue(2 * error <= S);
            if (2 * error == S) Assert.IsTrue(rounded.IsEven, $"{d} rounds to even");
            Assert.AreEqual(BigInteger.Divide(d.Raw, S), d.TruncateInt());
            Assert.AreEqual(-rounded, (-d).RoundInt(), "negatives round as their absolute value");
            var ceil = d.Ceil().Raw;
            Assert.IsTrue(ceil >= d.Raw && ceil - d.Raw < S && (ceil % S).IsZero);
        });
    }

    [TestMethod]
    public void Text_form_round_trips_and_sums_are_exact()
    {
        Gen.Select(AnyDec, AnyDec).Sample((a, b) =>
        {
            Assert.AreEqual(a, Dec.Parse(a.ToString()));
            Assert.AreEqual(a, a + b - b);
            Assert.AreEqual(a.Raw * 7, a.MulInt(7).Raw);
            Assert.AreEqual(BigInteger.Divide(a.Raw, 7), a.QuoInt(7).Raw);
            Assert.AreEqual(a.CompareTo(b), a.Raw.CompareTo(b.Raw));
        });
    }

    [TestMethod]
    public void A_result_wider_than_harmonys_315_bits_overflows()
    {
        var big = new Dec(BigInteger.One << 200);
        Assert.ThrowsExactly<OverflowException>(() => big.Mul(big));
        Assert.ThrowsExactly<OverflowException>(() => new Dec(BigInteger.One << 315) + new Dec(BigInteger.One << 315));
        Assert.AreEqual(315, (new Dec((BigInteger.One << 314) - 1) + new Dec(BigInteger.One << 314)).Raw.GetBitLength());
    }
}
