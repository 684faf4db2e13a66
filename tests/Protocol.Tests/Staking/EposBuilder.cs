using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Test data for elections: keys placed on a chosen shard, addresses in a chosen order, stakes in ONE.</summary>
internal static class EposBuilder
{
    public static readonly BigInteger Atto = BigInteger.Pow(10, 18);

    public static BigInteger Ones(long amount) => amount * Atto;

    /// <summary>
    /// A distinct 48-byte key whose value mod 4 (hence mod 2 too) is <paramref name="shard"/>: the low two bits of the
    /// last byte are set directly, so placement does not rely on the code under test.
    /// </summary>
    public static PublicKey Key(int id, int shard = 0)
    {
        var bytes = new byte[PublicKey.Size];
        SHA256.HashData(BitConverter.GetBytes(id)).CopyTo(bytes, 0);
        SHA256.HashData(BitConverter.GetBytes(~id)).AsSpan(0, 16).CopyTo(bytes.AsSpan(32));
        bytes[^1] = (byte)((bytes[^1] & ~3) | shard);
        return new PublicKey(bytes);
    }

    /// <summary>Addresses whose byte order follows <paramref name="rank"/>: 0x00…00{rank as 4 big-endian bytes}.</summary>
    public static Address Addr(int rank)
    {
        var bytes = new byte[Address.Size];
        bytes[16] = (byte)(rank >> 24);
        bytes[17] = (byte)(rank >> 16);
        bytes[18] = (byte)(rank >> 8);
        bytes[19] = (byte)rank;
        return new Address(bytes);
    }

    public static ValidatorCandidate Validator(int rank, BigInteger stake, params PublicKey[] keys) =>
        new(Addr(rank), ValidatorStatus.Active, keys, stake);

    /// <summary>Harmony keys for each shard, ids from 1_000_000 up so they never collide with validator keys.</summary>
    public static IReadOnlyList<IReadOnlyList<HarmonySlot>> HarmonyKeys(int shards, int perShard) =>
        [.. Enumerable.Range(0, shards).Select(s => (IReadOnlyList<HarmonySlot>)
            [.. Enumerable.Range(0, perShard).Select(j => new HarmonySlot(Key(1_000_000 + s * 10_000 + j, s), Addr(900_000 + s)))])];

    /// <summary>The independent reference for a key's shard: BigInteger of the unsigned big-endian bytes.</summary>
    public static int ShardByBigInteger(PublicKey key, int shards) =>
        (int)(new BigInteger(key.Bytes, isUnsigned: true, isBigEndian: true) % shards);
}
