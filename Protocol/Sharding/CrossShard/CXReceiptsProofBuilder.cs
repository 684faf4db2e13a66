using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Protocol.Sharding.CrossShard;

/// <summary>
/// Makes the proofs a source shard sends after a block commits (reference §3.5: the source leader sends one proof per
/// destination). Lives beside the verifier rather than in <c>Chain</c> because it reads a consensus
/// <see cref="CommittedBlock"/>, and <c>Chain</c> does not depend on <c>Consensus</c>.
/// </summary>
public static class CXReceiptsProofBuilder
{
    /// <summary>
    /// The proof of <paramref name="block"/>'s receipts to <paramref name="destination"/>, or null when the block sent
    /// it none. <paramref name="outgoing"/> is every cross-shard receipt the block emitted, in block order; it must be
    /// what the header commits to, and the block must carry its commit signature.
    /// </summary>
    public static CXReceiptsProof? Build(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing, uint destination)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(outgoing);
        var (signature, bitmap) = Certificate(block, outgoing);
        var receipts = OutgoingReceipts.To(outgoing, destination);
        if (receipts.Count == 0) return null;
        var (shards, roots) = OutgoingReceipts.ShardRoots(outgoing);
        var header = block.Header;
        var proof = new CXMerkleProof(header.Number, header.Hash, header.ShardId, OutgoingReceipts.Root(receipts), shards, roots);
        return new CXReceiptsProof(receipts, proof, header, signature, bitmap);
    }

    /// <summary>One proof per destination that <paramref name="block"/> sent receipts to, in ascending shard order.</summary>
    public static IReadOnlyList<CXReceiptsProof> BuildAll(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        return [.. OutgoingReceipts.ShardRoots(outgoing).ShardIds.Select(s => Build(block, outgoing, s)!)];
    }

    // Refuses inputs that could only make a proof every destination rejects: a caller bug, not untrusted data.
    private static (Crypto.Signature, byte[]) Certificate(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing)
    {
        if (block.CommitSignature is null || block.CommitBitmap is null)
            throw new ArgumentException($"block {block.Block} has no commit signature to prove it with", nameof(block));
        if (OutgoingReceipts.Hash(outgoing) != block.Header.OutgoingReceiptHash)
            throw new ArgumentException($"the receipts given are not the ones block {block.Block} commits to", nameof(outgoing));
        if (outgoing.Any(r => r.ShardId != block.Header.ShardId))
            throw new ArgumentException($"a receipt does not come from the block's shard {block.Header.ShardId}", nameof(outgoing));
        return (block.CommitSignature, block.CommitBitmap.ToBytes());
    }
}
