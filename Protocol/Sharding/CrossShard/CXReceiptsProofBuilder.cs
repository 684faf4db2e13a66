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
        var commitments = OutgoingReceipts.ShardRoots(outgoing);
        var certificate = Certificate(block, outgoing, commitments);
        return Build(block, outgoing, destination, commitments, certificate);
    }

    /// <summary>One proof per destination that <paramref name="block"/> sent receipts to, in ascending shard order.</summary>
    public static IReadOnlyList<CXReceiptsProof> BuildAll(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(outgoing);
        // The per-destination roots are computed once for all the proofs: each proof carries all of them.
        var commitments = OutgoingReceipts.ShardRoots(outgoing);
        var certificate = Certificate(block, outgoing, commitments);
        return [.. commitments.ShardIds.Select(s => Build(block, outgoing, s, commitments, certificate)!)];
    }

    private static CXReceiptsProof? Build(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing, uint destination,
        (uint[] ShardIds, Crypto.Hash32[] Roots) commitments, (Crypto.Signature Signature, byte[] Bitmap) certificate)
    {
        var at = Array.IndexOf(commitments.ShardIds, destination);
        if (at < 0) return null;
        var receipts = OutgoingReceipts.To(outgoing, destination);
        var header = block.Header;
        var proof = new CXMerkleProof(header.Number, header.Hash, header.ShardId, commitments.Roots[at], commitments.ShardIds, commitments.Roots);
        return new CXReceiptsProof(receipts, proof, header, certificate.Signature, (byte[])certificate.Bitmap.Clone());
    }

    // Refuses inputs that could only make a proof every destination rejects: a caller bug, not untrusted data.
    private static (Crypto.Signature, byte[]) Certificate(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing, (uint[] ShardIds, Crypto.Hash32[] Roots) commitments)
    {
        if (block.CommitSignature is null || block.CommitBitmap is null)
            throw new ArgumentException($"block {block.Block} has no commit signature to prove it with", nameof(block));
        if (OutgoingReceipts.Hash(commitments.ShardIds, commitments.Roots) != block.Header.OutgoingReceiptHash)
            throw new ArgumentException($"the receipts given are not the ones block {block.Block} commits to", nameof(outgoing));
        if (outgoing.Any(r => r.ShardId != block.Header.ShardId))
            throw new ArgumentException($"a receipt does not come from the block's shard {block.Header.ShardId}", nameof(outgoing));
        return (block.CommitSignature, block.CommitBitmap.ToBytes());
    }
}
