using System.Globalization;
using System.Numerics;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Silo.Reports;

/// <summary>An amount of atto-ONE as the report writes it: exact ONE, no exponent, no trailing zeros.</summary>
public static class OneAmount
{
    public static string Format(BigInteger atto)
    {
        var whole = BigInteger.DivRem(BigInteger.Abs(atto), Units.AttoPerOne, out var fraction);
        var text = whole.ToString(CultureInfo.InvariantCulture) + (fraction.IsZero ? "" : "." + fraction.ToString("D18", CultureInfo.InvariantCulture).TrimEnd('0'));
        return atto.Sign < 0 ? "-" + text : text;
    }

    /// <summary>Atto-ONE written as a decimal string (as the kernel's records carry amounts) in ONE.</summary>
    public static string Format(string atto) => Format(BigInteger.Parse(atto, CultureInfo.InvariantCulture));
}
