using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>Double-sign evidence as a beacon block includes it (reference §5.1): the two conflicting votes and who reported them.</summary>
public sealed record SlashRecord(DoubleSignEvidence Evidence, Address Reporter)
{
    public void WriteTo(RlpWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> address = stackalloc byte[Address.Size];
        Reporter.WriteTo(address);
        w.StartList().Bytes(Evidence.Offender.Bytes).UInt(Evidence.BlockNumber).UInt(Evidence.ViewId);
        WriteVote(w, Evidence.First);
        WriteVote(w, Evidence.Second);
        w.Bytes(address).EndList();
    }

    private static void WriteVote(RlpWriter w, Consensus.Messages.Vote vote)
    {
        Span<byte> hash = stackalloc byte[Hash32.Size];
        vote.BlockHash.WriteTo(hash);
        w.StartList().UInt((ulong)vote.Type).UInt(vote.ShardId).UInt(vote.ViewId).UInt(vote.BlockNumber).Bytes(hash).StartList();
        foreach (var key in vote.Senders) w.Bytes(key.Bytes);
        w.EndList().Bytes(vote.Signature.Bytes).EndList();
    }
}
