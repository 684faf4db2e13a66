using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Crosslinks;

/// <summary>
/// The beacon's check of a crosslink (reference §3.3, <c>VerifyCrossLink</c>): the bitmap is well formed and a quorum
/// of that shard's committee for that epoch, and the aggregate verifies over the block's commit payload.
/// </summary>
public static class CrosslinkVerifier
{
    /// <summary>Null when the crosslink is valid, otherwise why not.</summary>
    public static string? Verify(Crosslink link, ICommitteeProvider committees)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(committees);
        if (link.ShardId == 0) return "the beacon chain does not crosslink its own blocks";
        var committee = committees.KnownCommittee(link.ShardId, link.Epoch);
        if (committee is null) return $"no committee known for shard {link.ShardId} epoch {link.Epoch}";
        if (!SignerBitmap.TryFromBytes(link.Bitmap, committee.Count, out var bitmap, out var error)) return "bitmap: " + error;
        var certificate = new QuorumCertificate(committee, bitmap!, SigningPayloads.Commit(link.BlockNumber, link.BlockHash, link.ViewId), link.Signature);
        // Well-formedness has no sentence of its own here: a bitmap naming a non-voting slot was always "not a quorum".
        return certificate.Check() switch
        {
            CertificateCheck.Valid => null,
            CertificateCheck.BadBitmap or CertificateCheck.NoQuorum => "the signers are not a quorum of the shard's committee",
            _ => "the commit signature does not verify",
        };
    }
}
