using System.Numerics;

namespace HarmonySim.Protocol.Crypto.Vdf;

/// <summary>
/// A VDF evaluation: the output y = x^(2^T) and Wesolowski's proof π = x^⌊2^T/ℓ⌋, both canonical elements of the
/// group they were computed in.
/// </summary>
public sealed record VdfResult(BigInteger Output, BigInteger Proof)
{
    /// <summary>y ‖ π, each big-endian in <see cref="RsaGroup.ElementSize"/> bytes (512 bytes for RSA-2048): the header's <c>Vdf</c> field.</summary>
    public byte[] ToBytes(RsaGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var bytes = new byte[2 * group.ElementSize];
        group.Encode(Output, bytes.AsSpan(0, group.ElementSize));
        group.Encode(Proof, bytes.AsSpan(group.ElementSize));
        return bytes;
    }

    /// <summary>Reads y ‖ π; false when the length is wrong or either half is not a valid canonical element.</summary>
    public static bool TryFromBytes(RsaGroup group, ReadOnlySpan<byte> bytes, out VdfResult? result)
    {
        ArgumentNullException.ThrowIfNull(group);
        result = null;
        if (bytes.Length != 2 * group.ElementSize) return false;
        if (!group.TryDecode(bytes[..group.ElementSize], out var y) || !group.TryDecode(bytes[group.ElementSize..], out var pi))
            return false;
        result = new VdfResult(y, pi);
        return true;
    }

    /// <summary>
    /// 32 bytes of randomness from the output: Keccak-256 of y's fixed-length encoding. Only y is hashed; the proof
    /// merely certifies it.
    /// </summary>
    public Hash32 OutputHash(RsaGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Keccak256.Hash(group.Encode(Output));
    }
}
