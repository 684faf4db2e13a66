using System.Buffers.Binary;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain.Receipts;

/// <summary>A block body that carries incoming receipt proofs (the beacon's body and a shard's body).</summary>
public interface IIncomingReceiptsBody : IBlockBody
{
    /// <summary>The proofs the block credits, in the order it credits them.</summary>
    IReadOnlyList<CXReceiptsProof> IncomingProofs { get; }
}

/// <summary>A non-beacon shard block's typed body: the incoming receipt proofs it credits (its transfers are the block's transactions).</summary>
public sealed record ShardBody(IReadOnlyList<CXReceiptsProof> IncomingProofs) : IIncomingReceiptsBody
{
    public static readonly ShardBody Empty = new([]);
}

/// <summary>
/// The header's <c>IncomingReceiptHash</c> (reference §3.5; Harmony: DeriveSha of the included proofs). Ours is
/// Keccak-256 of the concatenation, over the included proofs in block order, of
/// BE32(source shard) ‖ source block hash ‖ CXReceiptHash. The pair (source shard, block hash) names the proof the
/// destination marks spent; CXReceiptHash pins the receipts it credits. No proofs hash the empty string. Not
/// byte-compatible with mainnet: a full proof encoding would need a header decoder, which does not exist yet.
/// </summary>
public static class IncomingReceipts
{
    private const int EntrySize = 4 + Hash32.Size + Hash32.Size;

    public static Hash32 Hash(IReadOnlyList<CXReceiptsProof> proofs)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        var buffer = new byte[proofs.Count * EntrySize];
        for (var i = 0; i < proofs.Count; i++)
        {
            var m = proofs[i].MerkleProof;
            var at = i * EntrySize;
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at), m.ShardId);
            m.BlockHash.WriteTo(buffer.AsSpan(at + 4));
            m.CXReceiptHash.WriteTo(buffer.AsSpan(at + 4 + Hash32.Size));
        }
        return Keccak256.Hash(buffer);
    }

    /// <summary>The proofs a body carries, or none.</summary>
    public static IReadOnlyList<CXReceiptsProof> Of(IBlockBody? body) => body is IIncomingReceiptsBody b ? b.IncomingProofs : [];
}
