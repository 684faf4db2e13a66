using System.Buffers.Binary;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain.Receipts;

/// <summary>
/// The commitments a source block makes to its cross-shard receipts (reference §3.5).
/// <list type="bullet">
/// <item>Per destination: <see cref="Root"/> = Keccak-256 of the RLP list whose items are the receipts' encodings, in
/// block order. Harmony uses DeriveSha (a Merkle-Patricia trie root keyed by index); a flat hash commits to the same
/// ordered list and is all a verifier holding the whole list needs. Not byte-compatible with mainnet.</item>
/// <item>Whole block: <see cref="Hash(IReadOnlyList{uint}, IReadOnlyList{Hash32})"/> = Keccak-256 of
/// ‖ over destination shards s ascending with at least one receipt: BE32(s) ‖ Root(receipts to s). A block with no
/// cross-shard receipts hashes the empty string.</item>
/// </list>
/// </summary>
public static class OutgoingReceipts
{
    /// <summary>Root of the receipts to one destination, in block order.</summary>
    public static Hash32 Root(IReadOnlyList<CXReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        // Each receipt adds its encoding and a string prefix of at most 2 bytes; the list's own prefix at most 5.
        var w = new RlpWriter((receipts.Count * (CXReceipt.EncodedSize + 2)) + 5).StartList();
        var scratch = new RlpWriter(CXReceipt.EncodedSize);
        foreach (var r in receipts) r.WriteAsString(w, scratch);
        return Keccak256.Hash(w.EndList().WrittenSpan);
    }

    /// <summary>
    /// The destination shards with at least one receipt, ascending, and the root of each one's receipts
    /// (the <c>ShardIds</c> and <c>CXShardHashes</c> of a merkle proof).
    /// </summary>
    public static (uint[] ShardIds, Hash32[] Roots) ShardRoots(IReadOnlyList<CXReceipt> outgoing)
    {
        var groups = ByDestination(outgoing);
        return ([.. groups.Keys], [.. groups.Values.Select(Root)]);
    }

    /// <summary>The header's OutgoingReceiptHash for a block's outgoing receipts.</summary>
    public static Hash32 Hash(IReadOnlyList<CXReceipt> outgoing)
    {
        var (shards, roots) = ShardRoots(outgoing);
        return Hash(shards, roots);
    }

    /// <summary>The OutgoingReceiptHash over (shard, root) pairs; the caller supplies them in ascending shard order.</summary>
    public static Hash32 Hash(IReadOnlyList<uint> shardIds, IReadOnlyList<Hash32> roots)
    {
        if (shardIds.Count != roots.Count) throw new ArgumentException("one root per shard id is needed", nameof(roots));
        var buffer = new byte[shardIds.Count * (4 + Hash32.Size)];
        for (var i = 0; i < shardIds.Count; i++)
        {
            var at = i * (4 + Hash32.Size);
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at), shardIds[i]);
            roots[i].WriteTo(buffer.AsSpan(at + 4));
        }
        return Keccak256.Hash(buffer);
    }

    /// <summary>The receipts to <paramref name="destination"/>, in block order.</summary>
    public static IReadOnlyList<CXReceipt> To(IReadOnlyList<CXReceipt> outgoing, uint destination) =>
        [.. outgoing.Where(r => r.ToShardId == destination)];

    // Sorted by shard id; within a shard the block's order is kept.
    private static SortedDictionary<uint, List<CXReceipt>> ByDestination(IReadOnlyList<CXReceipt> outgoing)
    {
        var groups = new SortedDictionary<uint, List<CXReceipt>>();
        foreach (var r in outgoing)
        {
            if (!groups.TryGetValue(r.ToShardId, out var list)) groups[r.ToShardId] = list = [];
            list.Add(r);
        }
        return groups;
    }
}
