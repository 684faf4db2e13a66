using System.Globalization;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Parsers for the value syntaxes of scenario files. Each returns null on success and a message saying what
/// was expected otherwise; none throws.
/// </summary>
public static class ScenarioValues
{
    /// <summary>A value as an error message echoes it: cut at 40 characters, so a huge value does not flood the terminal.</summary>
    public static string Echo(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Longest duration a scenario may state anywhere (about 11.4 years), to keep arithmetic safe.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(100_000);

    /// <summary>Largest amount of ONE a scenario may state anywhere, or fund in all (far above ONE's total supply), to keep arithmetic safe.</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
        ("ms", TimeSpan.TicksPerMillisecond),
    ];

    /// <summary>
    /// A duration as one or more number-unit parts with units h, m, s, ms in that order, each at most once:
    /// <c>2s</c>, <c>500ms</c>, <c>1m30s</c>, <c>1.5s</c>, <c>2h</c>. A bare number is refused (no unit).
    /// Rounded to 100 ns.
    /// </summary>
    public static string? TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim();
        const string expected = "expected a duration with a unit such as 2s, 500ms, 1m30s or 2h";
        if (s.Length == 0) return $"{expected}, got nothing";
        decimal ticks = 0;
        var i = 0;
        var lastRank = -1;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || !decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return $"{expected}, got '{Echo(text)}'";
            if (i == s.Length)
                return start == 0 ? $"{expected}, got '{Echo(text)}' (no unit)" : $"{expected}, got '{Echo(text)}' (the last number has no unit)";
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
            var unit = s[unitStart..i];
            var rank = Array.FindIndex(Units, u => u.Unit == unit);
            if (rank < 0) return $"{expected}, got '{Echo(text)}' (unknown unit '{Echo(unit)}'; use h, m, s or ms)";
            if (rank <= lastRank) return $"{expected}, got '{Echo(text)}' (units must come in the order h, m, s, ms, each once)";
            lastRank = rank;
            ticks += number > MaxDuration.Ticks ? MaxDuration.Ticks + 1m : number * Units[rank].Ticks; // no decimal overflow on 99999999999999999999h: too long either way
            if (ticks > MaxDuration.Ticks) return $"{expected}, got '{Echo(text)}', which is longer than {MaxDuration.TotalHours:0} h";
        }
        value = TimeSpan.FromTicks((long)decimal.Round(ticks, MidpointRounding.AwayFromZero));
        return null;
    }

    /// <summary>
    /// A whole number, digits optionally grouped with underscores: <c>1000000</c>, <c>1_000_000</c>. No sign,
    /// no exponent.
    /// </summary>
    public static string? TryParseInteger(string text, out long value)
    {
        value = 0;
        if (!TryStripUnderscores(text.Trim(), allowFraction: false, out var digits))
            return $"expected a whole number (digits, optionally grouped with _), got '{Echo(text)}'";
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return $"expected a whole number, got '{Echo(text)}', which is too large";
        return null;
    }

    /// <summary>
    /// An amount of ONE: digits optionally grouped with underscores and an optional fraction of up to 18 decimals
    /// (1 ONE = 10^18 atto): <c>1000000</c>, <c>1_000_000</c>, <c>10_000.5</c>. An optional trailing <c>ONE</c>
    /// is allowed (<c>1_000_000 ONE</c>).
    /// </summary>
    public static string? TryParseAmount(string text, out decimal value)
    {
        value = 0;
        var s = text.Trim();
        if (s.EndsWith("ONE", StringComparison.Ordinal)) s = s[..^3].TrimEnd();
        const string expected = "expected an amount of ONE such as 1000000, 1_000_000 or 10_000.5";
        if (!TryStripUnderscores(s, allowFraction: true, out var digits)) return $"{expected}, got '{Echo(text)}'";
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) || value > MaxAmount)
            return $"{expected}, got '{Echo(text)}', which is more than 100,000,000,000 ONE";
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && digits.Length - dot - 1 > 18) return $"{expected}, got '{Echo(text)}', which has more than 18 decimals (finer than 1 atto)";
        return null;
    }

    /// <summary>A plain non-negative number such as <c>40</c>, <c>40.5</c> or <c>1_000</c> (no unit, sign or exponent).</summary>
    public static string? TryParseNumber(string text, out decimal value)
    {
        value = 0;
        if (!TryStripUnderscores(text.Trim(), allowFraction: true, out var digits)
            || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return $"expected a plain number such as 40 or 40.5, got '{Echo(text)}'";
        return null;
    }

    /// <summary>
    /// A share between 0 and 1, as a percentage (<c>68%</c>, <c>0.5%</c>) or a fraction (<c>0.68</c>); at most
    /// 18 decimals as a fraction.
    /// </summary>
    public static string? TryParseShare(string text, out decimal value)
    {
        value = 0;
        var s = text.Trim();
        var percent = s.EndsWith('%');
        if (percent) s = s[..^1].TrimEnd();
        const string expected = "expected a share such as 68% or 0.68";
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return $"{expected}, got '{Echo(text)}'";
        if (percent) number /= 100;
        if (number > 1)
            return percent ? $"{expected}, got '{Echo(text)}', which is more than 100%" : $"{expected}, got '{Echo(text)}', which is more than 1 (did you mean {Echo(s)}%?)";
        if (decimal.Round(number, 18) != number) return $"{expected}, got '{Echo(text)}', which has more than 18 decimals as a fraction";
        value = number;
        return null;
    }

    private static bool TryStripUnderscores(string s, bool allowFraction, out string digits)
    {
        digits = "";
        if (s.Length == 0) return false;
        var chars = new System.Text.StringBuilder(s.Length);
        var seenDot = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c)) chars.Append(c);
            else if (c == '_')
            {
                // Underscores only between two digits.
                if (i == 0 || i == s.Length - 1 || !char.IsAsciiDigit(s[i - 1]) || !char.IsAsciiDigit(s[i + 1])) return false;
            }
            else if (c == '.' && allowFraction && !seenDot && i > 0 && i < s.Length - 1 && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]))
            {
                seenDot = true;
                chars.Append(c);
            }
            else return false;
        }
        digits = chars.ToString();
        return true;
    }
}
