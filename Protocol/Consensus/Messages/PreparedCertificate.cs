using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// Proof that a block reached prepare quorum: the PREPARED aggregate and bitmap with the block itself.
/// Carried as M1 in VIEWCHANGE and NEWVIEW so a prepared block survives a view change.
/// </summary>
public sealed class PreparedCertificate(Block block, Signature prepareAggregate, SignerBitmap prepareBitmap)
{
    private byte[]? _payload;

    public Block Block { get; } = block;
    public Hash32 BlockHash => Block.Hash;
    public Signature PrepareAggregate { get; } = prepareAggregate;
    public SignerBitmap PrepareBitmap { get; } = prepareBitmap;

    /// <summary>M1 payload: blockHash(32) ‖ aggregate(96) ‖ bitmap, the bytes a VIEWCHANGE signs.</summary>
    public byte[] Payload => _payload ??= [.. BlockHash.ToArray(), .. PrepareAggregate.Bytes, .. PrepareBitmap.ToBytes()];
}
