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
/// Keccak-256 of the concatenation of the included proofs' digests in block order, where a proof's digest is
/// Keccak-256 of the RLP list [[receipt encodings], blockNumber, blockHash, shardId, cxReceiptHash, [shardIds],
/// [cxShardHashes], header hash, commit signature, commit bitmap]. The source header enters by its hash, which
/// commits to all of its fields. So the header commits to every byte of the proofs, as DeriveSha does, and a block's
/// hash names its whole body. No proofs hash the empty string. Not byte-compatible with mainnet.
/// </summary>
public static class IncomingReceipts
{
    public static Hash32 Hash(IReadOnlyList<CXReceiptsProof> proofs)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        var buffer = new byte[proofs.Count * Hash32.Size];
        for (var i = 0; i < proofs.Count; i++) Digest(proofs[i]).WriteTo(buffer.AsSpan(i * Hash32.Size));
        return Keccak256.Hash(buffer);
    }

    /// <summary>One proof's digest (see the class summary); a missing part hashes as empty.</summary>
    public static Hash32 Digest(CXReceiptsProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var w = new RlpWriter().StartList().StartList();
        var scratch = new RlpWriter(CXReceipt.EncodedSize);
        foreach (var r in proof.Receipts ?? [])
        {
            if (r is null) w.Bytes([]);
            else r.WriteAsString(w, scratch);
        }
        w.EndList();
        var m = proof.MerkleProof;
        if (m is null) w.StartList().EndList();
        else
        {
            w.UInt(m.BlockNumber).Bytes(m.BlockHash).UInt(m.ShardId).Bytes(m.CXReceiptHash).StartList();
            foreach (var s in m.ShardIds ?? []) w.UInt(s);
            w.EndList().StartList();
            foreach (var h in m.CXShardHashes ?? []) w.Bytes(h);
            w.EndList();
        }
        w.Bytes(proof.Header?.Hash.ToArray() ?? []).Bytes(proof.CommitSignature?.ToArray() ?? []).Bytes(proof.CommitBitmap ?? []);
        return Keccak256.Hash(w.EndList().WrittenSpan);
    }

    /// <summary>The proofs a body carries, or none.</summary>
    public static IReadOnlyList<CXReceiptsProof> Of(IBlockBody? body) => body is IIncomingReceiptsBody b ? b.IncomingProofs : [];
}
