using Org.BouncyCastle.Crypto.Digests;

namespace HarmonySim.Protocol.Crypto;

/// <summary>Keccak-256 as Ethereum and Harmony use it (original Keccak padding, not SHA3-256).</summary>
public static class Keccak256
{
    public static Hash32 Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        Span<byte> output = stackalloc byte[Hash32.Size];
        digest.DoFinal(output);
        return new Hash32(output);
    }
}
