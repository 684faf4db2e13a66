using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class ScenarioValuesTests
{
    [TestMethod]
    [DataRow("2s", 2_000.0)]
    [DataRow("500ms", 500.0)]
    [DataRow("1m30s", 90_000.0)]
    [DataRow("2h", 7_200_000.0)]
    [DataRow("1.5s", 1_500.0)]
    [DataRow("0s", 0.0)]
    [DataRow("1h2m3s4ms", 3_723_004.0)]
    [DataRow(" 27s ", 27_000.0)]
    public void Durations_with_units_parse_to_their_value(string text, double milliseconds)
    {
        Assert.IsNull(ScenarioValues.TryParseDuration(text, out var value));
        Assert.AreEqual(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [TestMethod]
    [DataRow("2", "no unit")]
    [DataRow("", "got nothing")]
    [DataRow("2 s", "got '2 s'")]
    [DataRow("1us", "unknown unit 'us'")]
    [DataRow("30s1m", "in the order h, m, s, ms")]
    [DataRow("1s1s", "in the order h, m, s, ms")]
    [DataRow("-1s", "got '-1s'")]
    [DataRow("1m30", "the last number has no unit")]
    [DataRow("s", "got 's'")]
    [DataRow("200000h", "longer than")]
    public void Malformed_durations_are_refused_with_a_reason(string text, string reason)
    {
        var problem = ScenarioValues.TryParseDuration(text, out _);
        Assert.IsNotNull(problem);
        StringAssert.Contains(problem, reason);
    }

    [TestMethod]
    [DataRow("1000000", "1000000")]
    [DataRow("1_000_000", "1000000")]
    [DataRow("10_000.5", "10000.5")]
    [DataRow("1_000_000 ONE", "1000000")]
    [DataRow("0.000000000000000001", "0.000000000000000001")]
    public void Amounts_of_one_parse_with_optional_digit_grouping(string text, string expected)
    {
        Assert.IsNull(ScenarioValues.TryParseAmount(text, out var value));
        Assert.AreEqual(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [TestMethod]
    [DataRow("1__000")]
    [DataRow("_1000")]
    [DataRow("1000_")]
    [DataRow("1e6")]
    [DataRow("-5")]
    [DataRow("1,000")]
    [DataRow("ten")]
    [DataRow("1.")]
    [DataRow("0.0000000000000000001")]
    [DataRow("200_000_000_000")]
    public void Malformed_amounts_are_refused(string text) =>
        Assert.IsNotNull(ScenarioValues.TryParseAmount(text, out _));

    [TestMethod]
    [DataRow("1_000", 1000L)]
    [DataRow("250", 250L)]
    public void Whole_numbers_parse_with_optional_digit_grouping(string text, long expected)
    {
        Assert.IsNull(ScenarioValues.TryParseInteger(text, out var value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    [DataRow("1.5")]
    [DataRow("-1")]
    [DataRow("99999999999999999999")]
    [DataRow("0x10")]
    public void Malformed_whole_numbers_are_refused(string text) =>
        Assert.IsNotNull(ScenarioValues.TryParseInteger(text, out _));

    [TestMethod]
    [DataRow("68%", "0.68")]
    [DataRow("0.68", "0.68")]
    [DataRow("100%", "1")]
    [DataRow("0", "0")]
    [DataRow("0.1%", "0.001")]
    [DataRow("1", "1")]
    public void Shares_parse_as_percentages_or_fractions(string text, string expected)
    {
        Assert.IsNull(ScenarioValues.TryParseShare(text, out var value));
        Assert.AreEqual(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [TestMethod]
    [DataRow("68", "did you mean 68%?")]
    [DataRow("101%", "more than 100%")]
    [DataRow("-5%", "got '-5%'")]
    [DataRow("%", "got '%'")]
    [DataRow("half", "got 'half'")]
    public void Malformed_shares_are_refused_with_a_reason(string text, string reason)
    {
        var problem = ScenarioValues.TryParseShare(text, out _);
        Assert.IsNotNull(problem);
        StringAssert.Contains(problem, reason);
    }
}
