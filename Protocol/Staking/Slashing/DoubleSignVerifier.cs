using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// Checks a <see cref="DoubleSignEvidence"/> against the committee of the epoch it happened in (reference §5.1,
/// <c>staking/slash/double-sign.go Verify</c>). The committee carries the epoch, the shard, the key owners and the scheme.
/// </summary>
public static class DoubleSignVerifier
{
    /// <param name="evidence">The two conflicting COMMIT votes.</param>
    /// <param name="committee">The offence shard's committee for the offence epoch.</param>
    /// <param name="reporter">Who reports the evidence (must not be the offender).</param>
    /// <param name="currentEpoch">The epoch of the block that would include the record (the evidence epoch may not be later).</param>
    /// <param name="statusOf">The offender's current status (a banned validator cannot be slashed again).</param>
    public static DoubleSignVerdict Verify(DoubleSignEvidence evidence, Committee committee, Address reporter, ulong currentEpoch,
        Func<Address, ValidatorStatus> statusOf)
    {
        var first = evidence.First;
        var second = evidence.Second;
        if (committee.Epoch > currentEpoch)
            return DoubleSignVerdict.Reject($"evidence epoch {committee.Epoch} is after the current epoch {currentEpoch}");
        if (first.Type != MessageType.Commit || second.Type != MessageType.Commit)
            return DoubleSignVerdict.Reject("both votes must be COMMIT votes");
        foreach (var v in (Vote[])[first, second])
        {
            if (v.BlockNumber != evidence.BlockNumber || v.ViewId != evidence.ViewId)
                return DoubleSignVerdict.Reject($"a vote is for height {v.BlockNumber} view {v.ViewId}, not the evidence's height {evidence.BlockNumber} view {evidence.ViewId}");
            if (v.ShardId != committee.ShardId)
                return DoubleSignVerdict.Reject($"a vote is from shard {v.ShardId}, the committee is shard {committee.ShardId}");
        }
        if (first.BlockHash == second.BlockHash)
            return DoubleSignVerdict.Reject("the two votes are for the same block hash");

        var secondKeys = second.Senders.ToHashSet();
        var shared = first.Senders.Where(secondKeys.Contains).Distinct().ToList();
        if (shared.Count == 0)
            return DoubleSignVerdict.Reject("the two votes share no key");
        if (!shared.Contains(evidence.Offender))
            return DoubleSignVerdict.Reject($"the offender key {evidence.Offender.ShortName} did not sign both votes");

        var owners = new HashSet<Address>();
        foreach (var key in shared)
        {
            var index = committee.IndexOf(key);
            if (index < 0)
                return DoubleSignVerdict.Reject($"key {key.ShortName} is not in shard {committee.ShardId}'s committee for epoch {committee.Epoch}");
            owners.Add(committee.Slots[index].Owner);
        }
        if (owners.Count != 1)
            return DoubleSignVerdict.Reject($"the double-signed keys belong to {owners.Count} different validators");
        var offender = owners.Single();
        if (committee.Slots[committee.IndexOf(evidence.Offender)].IsHarmonyOperated)
            return DoubleSignVerdict.Reject("the double-signed keys are Harmony-operated, not a staked validator's");
        if (offender == reporter)
            return DoubleSignVerdict.Reject("the reporter is the offender");
        if (statusOf(offender) == ValidatorStatus.Banned)
            return DoubleSignVerdict.Reject($"validator {offender} is already banned");

        foreach (var v in (Vote[])[first, second])
        {
            if (!v.Senders.All(committee.Scheme.IsValidPublicKey))
                return DoubleSignVerdict.Reject("a vote names a key that is not a valid public key");
            var payload = SigningPayloads.Commit(v.BlockNumber, v.BlockHash, v.ViewId);
            var aggregate = committee.Scheme.AggregatePublicKeys(v.Senders);
            if (!committee.Scheme.Verify(aggregate, payload, v.Signature))
                return DoubleSignVerdict.Reject($"the signature of the vote for {v.BlockHash} does not verify over the commit payload");
        }
        return DoubleSignVerdict.Accept(offender, shared);
    }
}
