using System.Buffers.Binary;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// Proof that a block reached prepare quorum in view <see cref="ViewId"/>: the PREPARED aggregate and bitmap with the
/// block itself. Carried as M1 in VIEWCHANGE and NEWVIEW so a prepared block survives a view change. The view is the
/// block's own unless the block was carried into a later view and prepared again there (its certificate then ranks
/// at that later view: see <see cref="SigningPayloads.Prepare(Hash32, ulong, ulong)"/>).
/// </summary>
public sealed class PreparedCertificate(Block block, Signature prepareAggregate, SignerBitmap prepareBitmap, ulong viewId)
{
    private byte[]? _payload;

    /// <summary>A certificate from the block's own view (a fresh proposal's prepare round).</summary>
    public PreparedCertificate(Block block, Signature prepareAggregate, SignerBitmap prepareBitmap)
        : this(block, prepareAggregate, prepareBitmap, block.Header.ViewId)
    {
    }

    public Block Block { get; } = block;
    public Hash32 BlockHash => Block.Hash;
    public Signature PrepareAggregate { get; } = prepareAggregate;
    public SignerBitmap PrepareBitmap { get; } = prepareBitmap;

    /// <summary>The view whose prepare round the aggregate signs; certificates rank by it.</summary>
    public ulong ViewId { get; } = viewId;

    /// <summary>True when the block was prepared again in a view after the one it was proposed in.</summary>
    public bool IsCarried => ViewId != Block.Header.ViewId;

    /// <summary>The bytes the prepare aggregate signs.</summary>
    public byte[] SignedPayload => SigningPayloads.Prepare(BlockHash, ViewId, Block.Header.ViewId);

    /// <summary>
    /// M1 payload, the bytes a VIEWCHANGE signs: blockHash(32) ‖ aggregate(96) ‖ bitmap, then LE64(view) only for a
    /// carried certificate (a block's own view is in its hash already, so Harmony's form is kept for every other).
    /// </summary>
    public byte[] Payload => _payload ??= BuildPayload();

    private byte[] BuildPayload()
    {
        byte[] fixedPart = [.. BlockHash.ToArray(), .. PrepareAggregate.Bytes, .. PrepareBitmap.ToBytes()];
        if (!IsCarried) return fixedPart;
        var payload = new byte[fixedPart.Length + 8];
        fixedPart.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(fixedPart.Length), ViewId);
        return payload;
    }
}
