using System.Numerics;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Conformance.Tests.Numeric;

/// <summary>
/// Replays <c>numeric/decimal_test.go</c>: Harmony's 18-decimal <c>Dec</c>. Each data row names its Go test
/// function and case index. Left out: <c>TestPrecisionMultiplier</c>, <c>TestDec_Copy</c>, <c>TestDecsEqual</c>,
/// <c>TestIsZeroes</c> and the JSON/text marshalling tests beyond the string form (helpers HarmonySim has no use for).
/// </summary>
[TestClass]
public sealed class DecimalTests
{
    /// <summary>Harmony's <c>NewDecWithPrec(value, decimals)</c>.</summary>
    private static Dec D(string value, int decimals) => Dec.WithPrecision(BigInteger.Parse(value), decimals);

    [TestMethod]
    [DataRow("0", "0", 0, DisplayName = "TestNewDecFromStr case 2")]
    [DataRow("1", "1", 0, DisplayName = "TestNewDecFromStr case 3")]
    [DataRow("1.1", "11", 1, DisplayName = "TestNewDecFromStr case 4")]
    [DataRow("0.75", "75", 2, DisplayName = "TestNewDecFromStr case 5")]
    [DataRow("0.8", "8", 1, DisplayName = "TestNewDecFromStr case 6")]
    [DataRow("0.11111", "11111", 5, DisplayName = "TestNewDecFromStr case 7")]
    [DataRow("314460551102969314427823434337.1835", "3144605511029693144278234343371835", 4, DisplayName = "TestNewDecFromStr case 10")]
    public void NewDecFromStr_parses_a_decimal_and_its_negation(string text, string mantissa, int decimals)
    {
        Assert.AreEqual(D(mantissa, decimals), Dec.Parse(text));
        Assert.AreEqual(-D(mantissa, decimals), Dec.Parse("-" + text));
    }

    [TestMethod]
    [DataRow("", DisplayName = "TestNewDecFromStr case 0")]
    [DataRow("0.-75", DisplayName = "TestNewDecFromStr case 1")]
    [DataRow("314460551102969.3144278234343371835", DisplayName = "TestNewDecFromStr case 8 (19 decimals)")]
    [DataRow("314460551102969314427823434337.1835718092488231350", DisplayName = "TestNewDecFromStr case 9 (19 decimals)")]
    [DataRow(".", DisplayName = "TestNewDecFromStr case 11")]
    [DataRow(".0", DisplayName = "TestNewDecFromStr case 12")]
    [DataRow("1.", DisplayName = "TestNewDecFromStr case 13")]
    [DataRow("foobar", DisplayName = "TestNewDecFromStr case 14")]
    [DataRow("0.foobar", DisplayName = "TestNewDecFromStr case 15")]
    [DataRow("0.foobar.", DisplayName = "TestNewDecFromStr case 16")]
    public void NewDecFromStr_rejects_a_bad_string_and_its_negation(string text)
    {
        Assert.IsFalse(Dec.TryParse(text, out _, out _), text);
        Assert.IsFalse(Dec.TryParse("-" + text, out _, out _), "-" + text);
        Assert.ThrowsExactly<FormatException>(() => Dec.Parse(text));
    }

    [TestMethod]
    [DataRow("0", 0, "0", DisplayName = "TestDecString case 0")]
    [DataRow("1", 0, "1", DisplayName = "TestDecString case 1")]
    [DataRow("10", 0, "10", DisplayName = "TestDecString case 2")]
    [DataRow("12340", 0, "12340", DisplayName = "TestDecString case 3")]
    [DataRow("12340", 4, "1.234", DisplayName = "TestDecString case 4")]
    [DataRow("12340", 5, "0.1234", DisplayName = "TestDecString case 5")]
    [DataRow("12340", 8, "0.0001234", DisplayName = "TestDecString case 6")]
    [DataRow("1009009009009009009", 17, "10.09009009009009009", DisplayName = "TestDecString case 7")]
    public void String_form_drops_trailing_zeros(string mantissa, int decimals, string expected) =>
        Assert.AreEqual(expected, D(mantissa, decimals).ToString());

    [TestMethod]
    [DataRow("0", "0", DisplayName = "TestDecMarshalJSON zero")]
    [DataRow("1", "0.000000000000000001", DisplayName = "TestDecMarshalJSON one")]
    [DataRow("10", "0.00000000000000001", DisplayName = "TestDecMarshalJSON ten")]
    [DataRow("12340", "0.00000000000001234", DisplayName = "TestDecMarshalJSON 12340")]
    [DataRow("1000000000000000000", "1", DisplayName = "TestDecMarshalJSON oneInt")]
    [DataRow("10000000000000000000", "10", DisplayName = "TestDecMarshalJSON tenInt")]
    [DataRow("12340000000000000000000", "12340", DisplayName = "TestDecMarshalJSON 12340Int")]
    public void Text_form_of_a_raw_value_round_trips(string raw, string expected)
    {
        var d = new Dec(BigInteger.Parse(raw));
        Assert.AreEqual(expected, d.ToString());
        Assert.AreEqual(d, Dec.Parse(d.ToString()));
    }

    [TestMethod]
    public void String_of_a_sum_of_two_large_integers_does_not_overflow()
    {
        // TestStringOverflow: two random 64-bit primes.
        var sum = Dec.Parse("51643150036226787134389711697696177267") + Dec.Parse("-31798496660535729618459429845579852627");
        Assert.AreEqual("19844653375691057515930281852116324640", sum.ToString());
    }

    [TestMethod]
    [DataRow("0", 0, "0", 0, false, false, true, DisplayName = "TestEqualities case 0")]
    [DataRow("0", 2, "0", 4, false, false, true, DisplayName = "TestEqualities case 1")]
    [DataRow("100", 0, "100", 0, false, false, true, DisplayName = "TestEqualities case 2")]
    [DataRow("-100", 0, "-100", 0, false, false, true, DisplayName = "TestEqualities case 3")]
    [DataRow("-1", 1, "-1", 1, false, false, true, DisplayName = "TestEqualities case 4")]
    [DataRow("3333", 3, "3333", 3, false, false, true, DisplayName = "TestEqualities case 5")]
    [DataRow("0", 0, "3333", 3, false, true, false, DisplayName = "TestEqualities case 6")]
    [DataRow("0", 0, "100", 0, false, true, false, DisplayName = "TestEqualities case 7")]
    [DataRow("-1", 0, "3333", 3, false, true, false, DisplayName = "TestEqualities case 8")]
    [DataRow("-1", 0, "100", 0, false, true, false, DisplayName = "TestEqualities case 9")]
    [DataRow("1111", 3, "100", 0, false, true, false, DisplayName = "TestEqualities case 10")]
    [DataRow("1111", 3, "3333", 3, false, true, false, DisplayName = "TestEqualities case 11")]
    [DataRow("-3333", 3, "-1111", 3, false, true, false, DisplayName = "TestEqualities case 12")]
    [DataRow("3333", 3, "0", 0, true, false, false, DisplayName = "TestEqualities case 13")]
    [DataRow("100", 0, "0", 0, true, false, false, DisplayName = "TestEqualities case 14")]
    [DataRow("3333", 3, "-1", 0, true, false, false, DisplayName = "TestEqualities case 15")]
    [DataRow("100", 0, "-1", 0, true, false, false, DisplayName = "TestEqualities case 16")]
    [DataRow("100", 0, "1111", 3, true, false, false, DisplayName = "TestEqualities case 17")]
    [DataRow("3333", 3, "1111", 3, true, false, false, DisplayName = "TestEqualities case 18")]
    [DataRow("-1111", 3, "-3333", 3, true, false, false, DisplayName = "TestEqualities case 19")]
    public void Comparisons(string m1, int p1, string m2, int p2, bool gt, bool lt, bool eq)
    {
        var (a, b) = (D(m1, p1), D(m2, p2));
        Assert.AreEqual(gt, a > b);
        Assert.AreEqual(lt, a < b);
        Assert.AreEqual(eq, a == b);
    }

    /// <summary>
    /// TestArithmetic, one row per case: d1, d2, then Mul, MulTruncate, Quo, QuoRoundUp, QuoTruncate, Add, Sub.
    /// A null quotient means d2 is zero, where Harmony panics (here: <see cref="DivideByZeroException"/>).
    /// </summary>
    [TestMethod]
    [DataRow("0", "0", "0", "0", null, null, null, "0", "0", DisplayName = "TestArithmetic case 0")]
    [DataRow("1", "0", "0", "0", null, null, null, "1", "1", DisplayName = "TestArithmetic case 1")]
    [DataRow("0", "1", "0", "0", "0", "0", "0", "1", "-1", DisplayName = "TestArithmetic case 2")]
    [DataRow("0", "-1", "0", "0", "0", "0", "0", "-1", "1", DisplayName = "TestArithmetic case 3")]
    [DataRow("-1", "0", "0", "0", null, null, null, "-1", "-1", DisplayName = "TestArithmetic case 4")]
    [DataRow("1", "1", "1", "1", "1", "1", "1", "2", "0", DisplayName = "TestArithmetic case 5")]
    [DataRow("-1", "-1", "1", "1", "1", "1", "1", "-2", "0", DisplayName = "TestArithmetic case 6")]
    [DataRow("1", "-1", "-1", "-1", "-1", "-1", "-1", "0", "2", DisplayName = "TestArithmetic case 7")]
    [DataRow("-1", "1", "-1", "-1", "-1", "-1", "-1", "0", "-2", DisplayName = "TestArithmetic case 8")]
    [DataRow("3", "7", "21", "21", "0.428571428571428571", "0.428571428571428572", "0.428571428571428571", "10", "-4", DisplayName = "TestArithmetic case 9")]
    [DataRow("2", "4", "8", "8", "0.5", "0.5", "0.5", "6", "-2", DisplayName = "TestArithmetic case 10")]
    [DataRow("100", "100", "10000", "10000", "1", "1", "1", "200", "0", DisplayName = "TestArithmetic case 11")]
    [DataRow("1.5", "1.5", "2.25", "2.25", "1", "1", "1", "3", "0", DisplayName = "TestArithmetic case 12")]
    [DataRow("0.3333", "0.0333", "0.01109889", "0.01109889", "10.009009009009009009", "10.009009009009009010", "10.009009009009009009", "0.3666", "0.3", DisplayName = "TestArithmetic case 13")]
    public void Arithmetic(string d1, string d2, string mul, string mulTruncate, string? quo, string? quoRoundUp, string? quoTruncate, string add, string sub)
    {
        var (a, b) = (Dec.Parse(d1), Dec.Parse(d2));
        Assert.AreEqual(Dec.Parse(add), a + b, "Add");
        Assert.AreEqual(Dec.Parse(sub), a - b, "Sub");
        Assert.AreEqual(Dec.Parse(mul), a.Mul(b), "Mul");
        Assert.AreEqual(Dec.Parse(mulTruncate), a.MulTruncate(b), "MulTruncate");
        if (quo is null)
        {
            Assert.ThrowsExactly<DivideByZeroException>(() => a.Quo(b));
            return;
        }
        Assert.AreEqual(Dec.Parse(quo), a.Quo(b), "Quo");
        Assert.AreEqual(Dec.Parse(quoRoundUp!), a.QuoRoundUp(b), "QuoRoundUp");
        Assert.AreEqual(Dec.Parse(quoTruncate!), a.QuoTruncate(b), "QuoTruncate");
    }

    [TestMethod]
    [DataRow("0", "1", "0", DisplayName = "TestDiv case 0")]
    [DataRow("1", "1", "1", DisplayName = "TestDiv case 1")]
    [DataRow("1", "2", "0.5", DisplayName = "TestDiv case 2")]
    [DataRow("2", "1", "2", DisplayName = "TestDiv case 3")]
    [DataRow("2", "3", "0.666666666666666667", DisplayName = "TestDiv case 4")]
    [DataRow("2", "4", "0.5", DisplayName = "TestDiv case 5")]
    [DataRow("2", "5", "0.4", DisplayName = "TestDiv case 6")]
    [DataRow("2", "6", "0.333333333333333333", DisplayName = "TestDiv case 7")]
    [DataRow("2", "7", "0.285714285714285714", DisplayName = "TestDiv case 8")]
    [DataRow("2", "8", "0.25", DisplayName = "TestDiv case 9")]
    [DataRow("2", "9", "0.222222222222222222", DisplayName = "TestDiv case 10")]
    [DataRow("2", "10", "0.2", DisplayName = "TestDiv case 11")]
    public void Quo_rounds_the_last_decimal(string d1, string d2, string expected) =>
        Assert.AreEqual(Dec.Parse(expected), Dec.Parse(d1).Quo(Dec.Parse(d2)));

    [TestMethod]
    [DataRow("0.25", 0, DisplayName = "TestBankerRoundChop case 0")]
    [DataRow("0", 0, DisplayName = "TestBankerRoundChop case 1")]
    [DataRow("1", 1, DisplayName = "TestBankerRoundChop case 2")]
    [DataRow("0.75", 1, DisplayName = "TestBankerRoundChop case 3")]
    [DataRow("0.5", 0, DisplayName = "TestBankerRoundChop case 4")]
    [DataRow("7.5", 8, DisplayName = "TestBankerRoundChop case 5")]
    [DataRow("1.5", 2, DisplayName = "TestBankerRoundChop case 6")]
    [DataRow("2.5", 2, DisplayName = "TestBankerRoundChop case 7")]
    [DataRow("0.545", 1, DisplayName = "TestBankerRoundChop case 8")]
    [DataRow("1.545", 2, DisplayName = "TestBankerRoundChop case 9")]
    public void RoundInt_rounds_halves_to_even_symmetrically(string value, int expected)
    {
        Assert.AreEqual(new BigInteger(expected), Dec.Parse(value).RoundInt());
        Assert.AreEqual(new BigInteger(-expected), (-Dec.Parse(value)).RoundInt());
    }

    [TestMethod]
    [DataRow("0", 0, DisplayName = "TestTruncate case 0")]
    [DataRow("0.25", 0, DisplayName = "TestTruncate case 1")]
    [DataRow("0.75", 0, DisplayName = "TestTruncate case 2")]
    [DataRow("1", 1, DisplayName = "TestTruncate case 3")]
    [DataRow("1.5", 1, DisplayName = "TestTruncate case 4")]
    [DataRow("7.5", 7, DisplayName = "TestTruncate case 5")]
    [DataRow("7.6", 7, DisplayName = "TestTruncate case 6")]
    [DataRow("7.4", 7, DisplayName = "TestTruncate case 7")]
    [DataRow("100.1", 100, DisplayName = "TestTruncate case 8")]
    [DataRow("1000.1", 1000, DisplayName = "TestTruncate case 9")]
    public void TruncateInt_drops_the_decimals_toward_zero(string value, int expected)
    {
        Assert.AreEqual(new BigInteger(expected), Dec.Parse(value).TruncateInt());
        Assert.AreEqual(new BigInteger(-expected), (-Dec.Parse(value)).TruncateInt());
    }

    [TestMethod]
    [DataRow("1000000000000000", 1, DisplayName = "TestDecCeil case 0 (0.001)")]
    [DataRow("-1000000000000000", 0, DisplayName = "TestDecCeil case 1 (-0.001)")]
    [DataRow("0", 0, DisplayName = "TestDecCeil case 2")]
    [DataRow("900000000000000000", 1, DisplayName = "TestDecCeil case 3 (0.9)")]
    [DataRow("4001000000000000000", 5, DisplayName = "TestDecCeil case 4 (4.001)")]
    [DataRow("-4001000000000000000", -4, DisplayName = "TestDecCeil case 5 (-4.001)")]
    [DataRow("4700000000000000000", 5, DisplayName = "TestDecCeil case 6 (4.7)")]
    [DataRow("-4700000000000000000", -4, DisplayName = "TestDecCeil case 7 (-4.7)")]
    public void Ceil(string raw, int expected) =>
        Assert.AreEqual(Dec.FromInteger(expected), new Dec(BigInteger.Parse(raw)).Ceil());
}
