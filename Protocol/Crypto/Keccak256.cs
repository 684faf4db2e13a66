using Org.BouncyCastle.Crypto.Digests;

namespace HarmonySim.Protocol.Crypto;

/// <summary>Keccak-256 as Ethereum and Harmony use it (original Keccak padding, not SHA3-256).</summary>
public static class Keccak256
{
    // One digest per thread, reset after each use: a simulator hashes every message it traces, and a fresh digest
    // (its 200-byte state and 136-byte queue) per hash was a large share of all allocation. Scratch state only:
    // DoFinal resets it, so no call sees another's data.
    [ThreadStatic]
    private static KeccakDigest? _digest;

    /// <summary>A hash fed in pieces (a large encoding hashed as it is produced, never held whole).</summary>
    public static Incremental Start() => new(new KeccakDigest(256));

    public readonly struct Incremental(KeccakDigest digest)
    {
        public void Update(ReadOnlySpan<byte> data) => digest.BlockUpdate(data);

        public Hash32 Finish()
        {
            Span<byte> output = stackalloc byte[Hash32.Size];
            digest.DoFinal(output);
            return new Hash32(output);
        }
    }

    public static Hash32 Hash(ReadOnlySpan<byte> data)
    {
        var digest = _digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        Span<byte> output = stackalloc byte[Hash32.Size];
        digest.DoFinal(output);
        return new Hash32(output);
    }
}
