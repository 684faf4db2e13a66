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
    public byte[] Encode() =>
        new RlpWriter().StartList().Bytes(TxHash.ToArray()).Bytes(From.ToArray()).Bytes(To.ToArray())
            .UInt(ShardId).UInt(ToShardId).Bytes(RlpValues.SignedInteger(Amount)).EndList().ToArray();

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
