using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Consensus;

/// <summary>Who leads: after a view change (gap-th next key) and between blocks (rotation). Pure functions of the chain.</summary>
public static class LeaderSelection
{
    /// <summary>
    /// The slot whose key proposed <paramref name="head"/> (recovered from its coinbase), or slot 0 when the head
    /// is genesis, an epoch's last block, or its coinbase is not in <paramref name="committee"/>.
    /// </summary>
    public static int BaseIndex(Committee committee, BlockHeader head, FbftConfig config)
    {
        if (head.Number == 0 || config.IsLastBlockInEpoch(head.Number) || config.EpochOf(head.Number) != committee.Epoch) return 0;
        var i = committee.IndexOfCoinbase(head.Coinbase);
        return i < 0 ? 0 : i;
    }

    /// <summary>The leader <paramref name="gap"/> steps after slot <paramref name="baseIndex"/> under the view-change policy.</summary>
    public static int NthNext(Committee committee, int baseIndex, ulong gap, ViewChangeLeaderPolicy policy)
    {
        if (policy == ViewChangeLeaderPolicy.HarmonyKeysOnly && committee.HarmonySlotCount > 0)
        {
            // Harmony-operated slots come first, so they are indices 0..H−1.
            var h = (ulong)committee.HarmonySlotCount;
            var start = (ulong)baseIndex % h;
            return (int)((start + gap % h) % h);
        }
        return NthNextValidator(committee, baseIndex, gap);
    }

    /// <summary>Steps <paramref name="gap"/> times to the next voting slot, skipping slots owned by the base slot's validator.</summary>
    public static int NthNextValidator(Committee committee, int baseIndex, ulong gap)
    {
        var n = committee.Count;
        var owner = committee.Slots[baseIndex].Owner;
        var othersExist = false;
        for (var i = 0; i < n && !othersExist; i++)
            othersExist = committee.IsVotingSlot(i) && committee.Slots[i].Owner != owner;
        var eligible = (ulong)Math.Max(1, CountEligible(committee, owner, othersExist));
        var steps = gap % eligible == 0 ? eligible : gap % eligible;
        var index = baseIndex;
        for (ulong s = 0; s < steps; s++)
        {
            do index = (index + 1) % n;
            while (!committee.IsVotingSlot(index) || (othersExist && committee.Slots[index].Owner == owner));
        }
        return index;
    }

    private static int CountEligible(Committee committee, Address owner, bool othersExist)
    {
        var count = 0;
        for (var i = 0; i < committee.Count; i++)
            if (committee.IsVotingSlot(i) && (!othersExist || committee.Slots[i].Owner != owner)) count++;
        return count;
    }

    /// <summary>
    /// The next view ID for a view change (reference §1.8): the stuck view plus one plus one for every whole
    /// view-change slot since the head block's time, never below <paramref name="atLeast"/>.
    /// </summary>
    public static ulong NextViewId(ulong stuckViewId, ulong headTime, ulong nowUnix, TimeSpan slot, ulong atLeast)
    {
        var elapsed = nowUnix > headTime ? nowUnix - headTime : 0;
        var next = stuckViewId + elapsed / (ulong)Math.Max(1, (long)slot.TotalSeconds) + 1;
        return Math.Max(next, atLeast);
    }
}
