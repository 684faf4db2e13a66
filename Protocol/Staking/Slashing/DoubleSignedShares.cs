using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// The input of the 2020 rule's rate: double-signed keys' group shares in their committee (<see cref="Committee.GroupShareOf"/>,
/// an external key's share of the committee's external stake — Harmony's <c>GroupPercent</c>).
/// </summary>
public static class DoubleSignedShares
{
    /// <summary>Each key's group share; a key listed twice counts once, a key not in the committee is an error.</summary>
    public static IReadOnlyList<Dec> Of(Committee committee, IEnumerable<PublicKey> keys) =>
        [.. keys.Distinct().Select(k =>
        {
            var i = committee.IndexOf(k);
            if (i < 0) throw new ArgumentException($"key {k.ShortName} is not in shard {committee.ShardId}'s committee for epoch {committee.Epoch}", nameof(keys));
            return committee.GroupShareOf(i);
        })];

    /// <summary>
    /// What Harmony's <c>slash.Rate</c> sums for <paramref name="evidence"/>: the records of one block are grouped by moment
    /// (shard, height, view) and one rate serves the whole group, so every record of the group contributes the group
    /// shares of the keys both of its votes carry that belong to its own offender's validator (others, and keys outside
    /// the committee, count nothing).
    /// </summary>
    public static IReadOnlyList<Dec> OfMoment(Committee committee, IEnumerable<DoubleSignEvidence> sameBlock, DoubleSignEvidence evidence)
    {
        var shares = new List<Dec>();
        foreach (var e in sameBlock)
        {
            if (e.First.ShardId != evidence.First.ShardId || e.BlockNumber != evidence.BlockNumber || e.ViewId != evidence.ViewId) continue;
            var offender = committee.IndexOf(e.Offender);
            if (offender < 0) continue;
            var owner = committee.Slots[offender].Owner;
            var second = e.Second.Senders.ToHashSet();
            foreach (var key in e.First.Senders.Where(second.Contains).Distinct())
            {
                var i = committee.IndexOf(key);
                if (i >= 0 && committee.Slots[i].Owner == owner) shares.Add(committee.GroupShareOf(i));
            }
        }
        return shares;
    }
}
