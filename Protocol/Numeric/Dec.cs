using System.Globalization;
using System.Numerics;

namespace HarmonySim.Protocol.Numeric;

/// <summary>
/// Harmony's 18-decimal fixed-point number (<c>numeric.Dec</c>, inherited from the Cosmos SDK): <see cref="Raw"/> is
/// the value times 10^18. Harmony computes voting power, commission, delegator shares, slash rates and the
/// signing ratio with it, and each operation rounds in its own way, so a simulator that wants Harmony's numbers
/// to the last 10^-18 must round exactly as it does:
/// <list type="bullet">
/// <item><see cref="Mul"/>, <see cref="Quo"/> and <see cref="RoundInt"/> round half to even ("banker's rounding");</item>
/// <item><see cref="Quo"/> first truncates the quotient to 36 decimals, then rounds that to 18;</item>
/// <item><see cref="MulTruncate"/>, <see cref="QuoTruncate"/>, <see cref="QuoInt"/> and <see cref="TruncateInt"/> truncate toward zero;</item>
/// <item>negative values round as their absolute value does, with the sign put back.</item>
/// </list>
/// Results wider than 315 bits (255 plus the 60 the decimals need) throw <see cref="OverflowException"/>, where Harmony panics.
/// </summary>
public readonly record struct Dec(BigInteger Raw) : IComparable<Dec>
{
    public const int Precision = 18;

    private const int MaxBits = 255 + 60;

    /// <summary>10^18: the raw value of one.</summary>
    public static readonly BigInteger Scale = BigInteger.Pow(10, Precision);

    private static readonly BigInteger HalfScale = Scale / 2;

    public static Dec Zero => default;

    public static Dec One => new(Scale);

    /// <summary>10^-18, the smallest positive value.</summary>
    public static Dec Smallest => new(BigInteger.One);

    /// <summary>A whole number (Harmony's <c>NewDec</c>, <c>NewDecFromBigInt</c>).</summary>
    public static Dec FromInteger(BigInteger value) => new(value * Scale);

    /// <summary><paramref name="value"/> × 10^−<paramref name="decimals"/> (Harmony's <c>NewDecWithPrec</c>): (75, 2) is 0.75.</summary>
    public static Dec WithPrecision(BigInteger value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, Precision);
        return new(value * BigInteger.Pow(10, Precision - decimals));
    }

    /// <summary>
    /// An exact decimal such as a commission rate of 0.05, read as Harmony reads its decimal strings; more than 18
    /// decimals throws <see cref="FormatException"/> (Harmony cannot hold them either).
    /// </summary>
    public static Dec FromDecimal(decimal value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    public bool IsZero => Raw.IsZero;
    public bool IsNegative => Raw.Sign < 0;
    public bool IsPositive => Raw.Sign > 0;

    /// <summary>Whether the decimals are all zero.</summary>
    public bool IsInteger => (Raw % Scale).IsZero;

    public static Dec operator +(Dec a, Dec b) => Checked(a.Raw + b.Raw);
    public static Dec operator -(Dec a, Dec b) => Checked(a.Raw - b.Raw);
    public static Dec operator -(Dec a) => new(-a.Raw);

    public Dec Abs() => new(BigInteger.Abs(Raw));

    /// <summary>Product rounded half to even at 18 decimals.</summary>
    public Dec Mul(Dec other) => Checked(ChopRound(Raw * other.Raw));

    /// <summary>Product truncated toward zero at 18 decimals.</summary>
    public Dec MulTruncate(Dec other) => Checked(BigInteger.Divide(Raw * other.Raw, Scale));

    /// <summary>Product with an integer: exact.</summary>
    public Dec MulInt(BigInteger value) => Checked(Raw * value);

    /// <summary>
    /// Quotient: truncated toward zero at 36 decimals, then rounded half to even at 18 — two steps, as Harmony does,
    /// so a quotient just above a half-way point can still round to even. Division by zero throws.
    /// </summary>
    public Dec Quo(Dec other) => Checked(ChopRound(Widened(other)));

    /// <summary>Quotient truncated toward zero at 18 decimals.</summary>
    public Dec QuoTruncate(Dec other) => Checked(BigInteger.Divide(Widened(other), Scale));

    /// <summary>Quotient rounded away from zero for positive results, toward zero for negative ones (Harmony's <c>QuoRoundUp</c>).</summary>
    public Dec QuoRoundUp(Dec other)
    {
        var wide = Widened(other);
        if (wide.Sign < 0) return Checked(BigInteger.Divide(wide, Scale));
        var quotient = BigInteger.DivRem(wide, Scale, out var remainder);
        return Checked(remainder.IsZero ? quotient : quotient + 1);
    }

    /// <summary>Quotient by an integer: the raw value divided, truncated toward zero.</summary>
    public Dec QuoInt(BigInteger value) => new(BigInteger.Divide(Raw, value));

    /// <summary>The nearest integer, halves to even (Harmony's <c>RoundInt</c>).</summary>
    public BigInteger RoundInt() => ChopRound(Raw);

    /// <summary>The integer part, truncated toward zero (Harmony's <c>TruncateInt</c>).</summary>
    public BigInteger TruncateInt() => BigInteger.Divide(Raw, Scale);

    /// <summary>The least whole number not below this one.</summary>
    public Dec Ceil()
    {
        var quotient = BigInteger.DivRem(Raw, Scale, out var remainder);
        return FromInteger(remainder.Sign > 0 ? quotient + 1 : quotient);
    }

    public static Dec Min(Dec a, Dec b) => a < b ? a : b;

    public static Dec Max(Dec a, Dec b) => a < b ? b : a;

    public int CompareTo(Dec other) => Raw.CompareTo(other.Raw);

    public static bool operator <(Dec a, Dec b) => a.Raw < b.Raw;
    public static bool operator >(Dec a, Dec b) => a.Raw > b.Raw;
    public static bool operator <=(Dec a, Dec b) => a.Raw <= b.Raw;
    public static bool operator >=(Dec a, Dec b) => a.Raw >= b.Raw;

    /// <summary>Parses Harmony's decimal strings (<c>NewDecFromStr</c>); throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Dec Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException($"\"{text}\" is not a decimal: {error}");

    /// <summary>
    /// Harmony's grammar: an optional '-', digits, and optionally '.' followed by 1 to 18 digits; digits on both sides of
    /// the point. Like Harmony (whose digits go through Go's integer parser), one further sign right after the '-'
    /// is accepted: "+1.5" is 1.5 and "--2" is 2.
    /// </summary>
    public static bool TryParse(string text, out Dec value, out string error)
    {
        value = default;
        var s = text.AsSpan();
        if (s.IsEmpty) return Fail("the string is empty", out error);
        var negative = s[0] == '-';
        if (negative) s = s[1..];
        if (s.IsEmpty) return Fail("the string is empty", out error);

        var point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? [] : s[(point + 1)..];
        if (fraction.Contains('.')) return Fail("too many periods", out error);
        if (point >= 0 && (whole.IsEmpty || fraction.IsEmpty)) return Fail("a digit is missing on one side of the point", out error);
        if (fraction.Length > Precision) return Fail($"{fraction.Length} decimals, at most {Precision}", out error);

        var digits = string.Concat(whole, fraction) + new string('0', Precision - fraction.Length);
        var sign = digits[0] is '+' or '-' ? digits[0] : '+';
        var body = digits[0] is '+' or '-' ? digits[1..] : digits;
        if (body.Length == 0 || !body.All(char.IsAsciiDigit)) return Fail("not a number", out error);
        var raw = BigInteger.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
        if (sign == '-') raw = -raw;
        value = new Dec(negative ? -raw : raw);
        error = "";
        return true;
    }

    /// <summary>Harmony's text form: no trailing zeros after the point, no point for whole numbers ("0.75", "12340").</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Raw).ToString(CultureInfo.InvariantCulture).PadLeft(Precision + 1, '0');
        var whole = digits[..^Precision];
        var fraction = digits[^Precision..].TrimEnd('0');
        var sign = Raw.Sign < 0 ? "-" : "";
        return fraction.Length == 0 ? sign + whole : $"{sign}{whole}.{fraction}";
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    /// <summary>The dividend scaled by 10^36 over the divisor's raw value, truncated toward zero (36 decimals).</summary>
    private BigInteger Widened(Dec divisor) => BigInteger.Divide(Raw * Scale * Scale, divisor.Raw);

    /// <summary>Drops 18 decimals, rounding half to even; a negative value rounds as its absolute value.</summary>
    private static BigInteger ChopRound(BigInteger value)
    {
        if (value.Sign < 0) return -ChopRound(-value);
        var quotient = BigInteger.DivRem(value, Scale, out var remainder);
        var half = remainder.CompareTo(HalfScale);
        return half > 0 || (half == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
    }

    private static Dec Checked(BigInteger raw) =>
        BigInteger.Abs(raw).GetBitLength() > MaxBits ? throw new OverflowException($"a decimal of {BigInteger.Abs(raw).GetBitLength()} bits, at most {MaxBits}") : new Dec(raw);
}
