using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Crosslinks;

/// <summary>
/// A shard block as the beacon chain records it (reference §3.3): which block, in which epoch and view, and the
/// commit aggregate with its signer bitmap that finalised it. The beacon pays the signers and counts availability
/// from the bitmap.
/// </summary>
public sealed record Crosslink(uint ShardId, ulong BlockNumber, ulong ViewId, ulong Epoch, Hash32 BlockHash, Signature Signature, byte[] Bitmap)
{
    /// <summary>
    /// The crosslink for <paramref name="block"/> taken from its child's header, as Harmony builds it: the child
    /// carries the commit aggregate the leader completed during the grace period. Null when the child carries none.
    /// </summary>
    public static Crosslink? FromChild(BlockHeader block, BlockHeader child)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(child);
        if (child.ParentHash != block.Hash) throw new ArgumentException("the child header does not extend the block", nameof(child));
        return child.LastCommitSignature is { } signature
            ? new Crosslink(block.ShardId, block.Number, block.ViewId, block.Epoch, block.Hash, signature, child.LastCommitBitmap)
            : null;
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
