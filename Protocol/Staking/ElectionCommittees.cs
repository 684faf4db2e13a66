using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>Turns an election's slot lists into the shards' <see cref="Committee"/>s, voting by stake (reference §1.5).</summary>
public static class ElectionCommittees
{
    /// <summary>
    /// One committee per shard for <paramref name="epoch"/>, with Harmony's vote share from <paramref name="parameters"/>.
    /// Throws when the election had no winners (the caller keeps the previous committees) or a shard is empty.
    /// </summary>
    public static IReadOnlyList<Committee> Build(ElectionResult result, ulong epoch, ISignatureScheme scheme, EposParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!result.HasWinners)
            throw new InvalidOperationException("nobody won the election: keep the previous epoch's committees");
        return [.. result.Committees.Select((slots, shard) =>
            new Committee((uint)shard, epoch, slots, scheme, QuorumMode.ByVotingPower, parameters.HarmonyVoteSharePower))];
    }
}
