using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Crosslinks;

/// <summary>
/// A shard block as the beacon chain records it (reference §3.3): which block, in which epoch and view, and the
/// commit aggregate with its signer bitmap that finalised it. The beacon pays the signers and counts availability
/// from the bitmap. Harmony takes the aggregate from the child header's LastCommit fields; we take the block's own
/// commit certificate, which signs the same payload.
/// </summary>
public sealed record Crosslink(uint ShardId, ulong BlockNumber, ulong ViewId, ulong Epoch, Hash32 BlockHash, Signature Signature, byte[] Bitmap)
{
    /// <summary>The crosslink for a committed shard block, or null for a block without a certificate (genesis).</summary>
    public static Crosslink? From(CommittedBlock committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.CommitSignature is null || committed.CommitBitmap is null) return null;
        var h = committed.Header;
        return new Crosslink(h.ShardId, h.Number, h.ViewId, h.Epoch, h.Hash, committed.CommitSignature, committed.CommitBitmap.ToBytes());
    }

    public void WriteTo(RlpWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> hash = stackalloc byte[Hash32.Size];
        BlockHash.WriteTo(hash);
        w.StartList().UInt(ShardId).UInt(BlockNumber).UInt(ViewId).UInt(Epoch).Bytes(hash).Bytes(Signature.Bytes).Bytes(Bitmap).EndList();
    }

    public override string ToString() => $"crosslink s{ShardId} #{BlockNumber} e{Epoch} {BlockHash}";
}
