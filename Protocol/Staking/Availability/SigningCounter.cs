using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Availability;

/// <summary>
/// Counts signing from commit bitmaps (reference §5.3, <c>IncrementValidatorSigningCounts</c>): for each block, every
/// external (staked) slot of the committee adds one to its owner's to-sign counter, and one to signed when its bit is
/// set. Counters are per validator address, so a validator with k slots counts k per block. Harmony-operated slots are not counted.
/// </summary>
public static class SigningCounter
{
    /// <summary>Adds the blocks' counts to <paramref name="counters"/> (created when absent).</summary>
    public static void Increment(IDictionary<Address, SigningCounters> counters, Committee committee, SignerBitmap commitBitmap)
    {
        if (commitBitmap.Size != committee.Count)
            throw new ArgumentException($"bitmap of {commitBitmap.Size} bits for a committee of {committee.Count} slots", nameof(commitBitmap));
        for (var i = 0; i < committee.Count; i++)
        {
            var slot = committee.Slots[i];
            if (slot.IsHarmonyOperated) continue;
            counters.TryGetValue(slot.Owner, out var c);
            counters[slot.Owner] = c + new SigningCounters(1, commitBitmap[i] ? 1UL : 0UL);
        }
    }

    /// <summary>Counters per validator over a run of blocks signed by one committee.</summary>
    public static Dictionary<Address, SigningCounters> Count(Committee committee, IEnumerable<SignerBitmap> commitBitmaps)
    {
        var counters = new Dictionary<Address, SigningCounters>();
        foreach (var bitmap in commitBitmaps) Increment(counters, committee, bitmap);
        return counters;
    }
}
