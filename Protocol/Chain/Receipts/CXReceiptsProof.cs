using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain.Receipts;

/// <summary>
/// What travels from a source shard to one destination shard (reference §3.5): the receipts for that destination,
/// the merkle proof tying them to the source header, the header, and the source committee's aggregate COMMIT
/// signature on that header with its signer bitmap (wire form, ⌈n/8⌉ bytes). Everything needed to check it is
/// inside, apart from the source committee, which the destination knows from the beacon chain.
/// </summary>
public sealed record CXReceiptsProof(
    IReadOnlyList<CXReceipt> Receipts,
    CXMerkleProof MerkleProof,
    BlockHeader Header,
    Signature CommitSignature,
    byte[] CommitBitmap)
{
    /// <summary>The shard the receipts come from, as the proof claims it.</summary>
    public uint SourceShard => MerkleProof.ShardId;

    public override string ToString() =>
        $"{Receipts.Count} receipts from s{MerkleProof.ShardId} #{MerkleProof.BlockNumber} {MerkleProof.BlockHash}";
}
