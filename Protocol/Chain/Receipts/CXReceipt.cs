using System.Numerics;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain.Receipts;

/// <summary>
/// A cross-shard receipt (reference §3.5): the source shard debited <paramref name="From"/> by
/// <paramref name="Amount"/> in transaction <paramref name="TxHash"/>; the destination shard
/// <paramref name="ToShardId"/> credits <paramref name="To"/> once it has verified the receipt's proof.
/// </summary>
public sealed record CXReceipt(Hash32 TxHash, Address From, Address To, uint ShardId, uint ToShardId, BigInteger Amount)
{
    /// <summary>
    /// Canonical RLP [txHash, from, to, shardId, toShardId, amount], the amount minimal two's complement
    /// (<see cref="RlpValues.SignedInteger"/>). Not byte-compatible with Harmony's receipt encoding.
    /// </summary>
    public byte[] Encode() => WriteTo(new RlpWriter(EncodedSize)).ToArray();

    /// <summary>Writes <see cref="Encode"/>'s bytes at the end of <paramref name="writer"/> (a root over many receipts reuses one writer).</summary>
    public RlpWriter WriteTo(RlpWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.StartList().Bytes(TxHash).Bytes(From).Bytes(To).UInt(ShardId).UInt(ToShardId).SignedInteger(Amount).EndList();
    }

    /// <summary>
    /// Writes the receipt as one byte string holding its encoding (how receipt lists embed receipts), through
    /// <paramref name="scratch"/>, which it overwrites.
    /// </summary>
    public void WriteAsString(RlpWriter writer, RlpWriter scratch)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scratch);
        writer.Bytes(WriteTo(scratch.Reset()).WrittenSpan);
    }

    /// <summary>Room for one encoded receipt: hash 33 + two addresses 42 + shards ≤ 10 + amount ≤ 33 + list prefix 2.</summary>
    internal const int EncodedSize = 128;

    /// <summary>Decodes <see cref="Encode"/>'s form; never throws.</summary>
    public static Decoded<CXReceipt> Decode(ReadOnlyMemory<byte> bytes)
    {
        if (!RlpReader.TryDecode(bytes, out var item, out var error)) return Decoded.Failure<CXReceipt>($"receipt: {error}");
        return Read(item!);
    }

    /// <summary>Reads a receipt from an already decoded RLP item (for structures that embed receipts).</summary>
    public static Decoded<CXReceipt> Read(RlpItem item)
    {
        var f = new RlpFieldReader(item, "receipt");
        var receipt = new CXReceipt(f.Hash("txHash"), f.Address("from"), f.Address("to"), f.UInt32("shardId"), f.UInt32("toShardId"), f.SignedInteger("amount"));
        return f.Finish() is { } bad ? Decoded.Failure<CXReceipt>(bad) : Decoded.Success(receipt);
    }

    public override string ToString() => $"{From}@s{ShardId}→{To}@s{ToShardId} {Amount} (tx {TxHash})";
}
