using System.Globalization;
using System.Numerics;
using System.Text.Json;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Tests.Crypto.Bls;

internal static class BlsTestUtil
{
    public static JsonDocument LoadVectors(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Crypto", "Bls", "vectors", name)));

    public static BigInteger ParseHex(string hex) =>
        BigInteger.Parse("0" + (hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex), NumberStyles.HexNumber);

    /// <summary>Parses "0x&lt;c0&gt;,0x&lt;c1&gt;".</summary>
    public static Fp2 ParseFp2(string s)
    {
        var parts = s.Split(',');
        return new Fp2(Fp.FromBigInteger(ParseHex(parts[0])), Fp.FromBigInteger(ParseHex(parts[1])));
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>A deterministic pseudo-random field element for tests.</summary>
    public static BigInteger RandomBelow(Random rng, BigInteger bound)
    {
        var bytes = new byte[(int)(bound.GetBitLength() / 8) + 8];
        rng.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }
}
