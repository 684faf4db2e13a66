using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>
/// Harmony's resharding rule (reference §3.4, §4.3 step 7, §10 fact 13): a key's shard is the big-endian integer
/// value of its 48-byte serialized public key modulo the shard count. No randomness.
/// </summary>
public static class ShardAssignment
{
    public static int ShardOf(PublicKey key, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ShardOf(key.Bytes, shardCount);
    }

    /// <summary>Exact byte-wise Horner reduction: (r·256 + b) mod n over the bytes, most significant first.</summary>
    public static int ShardOf(ReadOnlySpan<byte> bigEndian, int shardCount)
    {
        if (shardCount < 1) throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, "at least one shard");
        ulong remainder = 0;
        foreach (var b in bigEndian)
            remainder = ((remainder << 8) | b) % (ulong)shardCount;
        return (int)remainder;
    }
}
