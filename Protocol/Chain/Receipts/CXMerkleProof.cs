using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain.Receipts;

/// <summary>
/// Links one destination's receipts to a source block (reference §3.5): the block's number, hash and shard, the root of
/// the receipts to this destination (<paramref name="CXReceiptHash"/>), and every (shard, root) pair of the block's
/// outgoing receipts, from which the header's OutgoingReceiptHash is recomputed.
/// </summary>
public sealed record CXMerkleProof(
    ulong BlockNumber,
    Hash32 BlockHash,
    uint ShardId,
    Hash32 CXReceiptHash,
    IReadOnlyList<uint> ShardIds,
    IReadOnlyList<Hash32> CXShardHashes);
