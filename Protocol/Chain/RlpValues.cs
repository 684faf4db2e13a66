using System.Numerics;

namespace HarmonySim.Protocol.Chain;

/// <summary>Value encodings shared by the RLP structures that carry amounts.</summary>
public static class RlpValues
{
    /// <summary>
    /// Minimal big-endian two's complement; zero is the empty string. Signed (as the staking encoding is) so that an
    /// amount the rules will refuse, such as a negative one, still encodes distinctly instead of failing to encode.
    /// </summary>
    public static byte[] SignedInteger(BigInteger value) =>
        value.IsZero ? [] : value.ToByteArray(isUnsigned: false, isBigEndian: true);
}
