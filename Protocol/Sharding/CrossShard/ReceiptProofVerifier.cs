using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.CrossShard;

/// <summary>
/// The destination shard's check of a <see cref="CXReceiptsProof"/> (reference §3.5, Harmony's
/// <c>ValidateCXReceiptsProof</c>). Cheap structural checks come first and the aggregate signature last, so garbage
/// costs little. Each failure returns its own sentence; null means the receipts are proven. Whether the proof was
/// already spent is the ledger's business (<see cref="State.ShardLedger"/>), not this stateless check's.
/// </summary>
public static class ReceiptProofVerifier
{
    /// <summary>
    /// Checks, in order: (1) the proof's shape (receipts present and within <paramref name="maxReceipts"/>, one hash per
    /// shard id, shard ids strictly ascending); (2) the source is another shard; (3) every receipt is from the source
    /// shard, for <paramref name="destinationShard"/>, with a positive amount; (4) the receipts' root equals the
    /// proof's CXReceiptHash; (5) that hash is the one listed for the destination; (6) the header is the source
    /// block the proof names (shard, number, hash); (7) the outgoing hash recomputed from the (shard, hash) pairs equals
    /// the header's OutgoingReceiptHash; (8) the commit bitmap parses for the source committee of the header's epoch,
    /// names only voting slots and is a quorum; (9) the aggregate signature verifies over the header's commit payload.
    /// </summary>
    public static string? Verify(CXReceiptsProof proof, uint destinationShard, ICommitteeProvider committees, int maxReceipts = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(committees);
        return Shape(proof, maxReceipts)
            ?? Receipts(proof, destinationShard)
            ?? Commitments(proof, destinationShard)
            ?? Header(proof)
            ?? CommitCertificate(proof, committees);
    }

    private static string? Shape(CXReceiptsProof proof, int maxReceipts)
    {
        var m = proof.MerkleProof;
        if (proof.Receipts is null || m is null || proof.Header is null || proof.CommitSignature is null || proof.CommitBitmap is null
            || m.ShardIds is null || m.CXShardHashes is null)
            return "proof is incomplete: a part is missing";
        if (proof.Receipts.Count == 0) return "proof carries no receipts";
        if (proof.Receipts.Count > maxReceipts) return $"proof carries {proof.Receipts.Count} receipts, more than the cap of {maxReceipts}";
        if (m.ShardIds.Count != m.CXShardHashes.Count)
            return $"merkle proof lists {m.ShardIds.Count} shard ids but {m.CXShardHashes.Count} shard hashes";
        for (var i = 1; i < m.ShardIds.Count; i++)
            if (m.ShardIds[i] <= m.ShardIds[i - 1]) return "merkle proof shard ids are not strictly ascending";
        return null;
    }

    private static string? Receipts(CXReceiptsProof proof, uint destination)
    {
        var source = proof.MerkleProof.ShardId;
        if (source == destination) return $"proof comes from shard {source}, the destination itself";
        for (var i = 0; i < proof.Receipts.Count; i++)
        {
            var r = proof.Receipts[i];
            if (r is null) return $"receipt {i} is missing";
            if (r.ToShardId != destination) return $"receipt {i} is for shard {r.ToShardId}, not destination shard {destination}";
            if (r.ShardId != source) return $"receipt {i} is from shard {r.ShardId}, not the proof's source shard {source}";
            if (r.Amount.Sign <= 0) return $"receipt {i} has a non-positive amount {r.Amount}";
        }
        return null;
    }

    private static string? Commitments(CXReceiptsProof proof, uint destination)
    {
        var m = proof.MerkleProof;
        if (OutgoingReceipts.Root(proof.Receipts) != m.CXReceiptHash)
            return "receipts root does not match the proof's CXReceiptHash (receipts altered, added or removed)";
        var index = IndexOf(m.ShardIds, destination);
        if (index < 0) return $"merkle proof lists no receipts hash for destination shard {destination}";
        if (m.CXShardHashes[index] != m.CXReceiptHash) return $"merkle proof's hash for shard {destination} is not its CXReceiptHash";
        return null;
    }

    private static string? Header(CXReceiptsProof proof)
    {
        var (m, h) = (proof.MerkleProof, proof.Header);
        if (h.ShardId != m.ShardId) return $"header is from shard {h.ShardId}, but the proof claims source shard {m.ShardId}";
        if (h.Number != m.BlockNumber) return $"header is block {h.Number}, but the proof claims block {m.BlockNumber}";
        if (h.Hash != m.BlockHash) return $"header hash {h.Hash} does not match the proof's block hash {m.BlockHash}";
        if (OutgoingReceipts.Hash(m.ShardIds, m.CXShardHashes) != h.OutgoingReceiptHash)
            return "outgoing receipts hash recomputed from the merkle proof does not match the header's OutgoingReceiptHash";
        return null;
    }

    private static string? CommitCertificate(CXReceiptsProof proof, ICommitteeProvider committees)
    {
        var h = proof.Header;
        Committee committee;
        try
        {
            committee = committees.CommitteeFor(h.ShardId, h.Epoch);
        }
        catch (ArgumentException)
        {
            return $"no committee is known for source shard {h.ShardId} in epoch {h.Epoch}";
        }
        if (committee.ShardId != h.ShardId) return $"committee provider returned shard {committee.ShardId}'s committee for shard {h.ShardId}";
        if (!SignerBitmap.TryFromBytes(proof.CommitBitmap, committee.Count, out var bitmap, out var error))
            return $"commit bitmap does not fit the source committee: {error}";
        return new QuorumCertificate(committee, bitmap!, SigningPayloads.Commit(h), proof.CommitSignature).Check() switch
        {
            CertificateCheck.Valid => null,
            // The bitmap parsed at the committee's size, so a bad bitmap here can only name a non-voting slot.
            CertificateCheck.BadBitmap => "commit bitmap names a duplicate (non-voting) committee slot",
            CertificateCheck.NoQuorum => $"commit bitmap's {bitmap!.Count} signers are not a quorum of the source committee",
            _ => "commit signature does not verify for the bitmap's signers over the header's commit payload",
        };
    }

    private static int IndexOf(IReadOnlyList<uint> shards, uint shard)
    {
        for (var i = 0; i < shards.Count; i++)
            if (shards[i] == shard) return i;
        return -1;
    }
}
