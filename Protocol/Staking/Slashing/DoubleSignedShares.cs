using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>The voting power of double-signed keys in their committee, the input of the 2020 rule's rate.</summary>
public static class DoubleSignedShares
{
    /// <summary>Each key's <see cref="Committee.PowerOf"/> (18-decimal fixed point); a key listed twice counts once, a key not in the committee is an error.</summary>
    public static IReadOnlyList<long> Of(Committee committee, IEnumerable<PublicKey> keys) =>
        [.. keys.Distinct().Select(k =>
        {
            var i = committee.IndexOf(k);
            if (i < 0) throw new ArgumentException($"key {k.ShortName} is not in shard {committee.ShardId}'s committee for epoch {committee.Epoch}", nameof(keys));
            return committee.PowerOf(i);
        })];
}
