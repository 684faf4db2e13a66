using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Splits one block's reward among its signers (reference §4.6, staking era): only external (staked) voting slots whose
/// bit is set are paid, <c>payout_i = R × power_i / Σ power_signing_external</c>, floors first and the residue one
/// atto each to the largest remainders (ties to the lower slot index), so the payouts sum to R exactly.
/// A banned validator's slots keep their place in the split but are not paid, so that share is never minted (as
/// Harmony does).
/// </summary>
public static class BlockRewardDistributor
{
    public static BlockRewardPayout Distribute(Committee committee, SignerBitmap signers, BigInteger reward, Func<Address, bool>? isBanned = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        if (signers.Size != committee.Count)
            throw new ArgumentException($"bitmap of {signers.Size} bits for a committee of {committee.Count} slots", nameof(signers));
        var signing = new List<int>();
        foreach (var i in signers.Members())
        {
            var slot = committee.Slots[i];
            if (slot.IsHarmonyOperated || !committee.IsVotingSlot(i)) continue;
            signing.Add(i);
        }
        var amounts = ProRataSplit.LargestRemainder(reward, [.. signing.Select(i => (BigInteger)committee.PowerOf(i))]);
        var paid = new List<int>(signing.Count);
        var paidAmounts = new List<BigInteger>(signing.Count);
        for (var k = 0; k < signing.Count; k++)
        {
            if (isBanned?.Invoke(committee.Slots[signing[k]].Owner) == true) continue;
            paid.Add(signing[k]);
            paidAmounts.Add(amounts[k]);
        }
        return Collect(committee, paid, [.. paidAmounts]);
    }

    /// <summary>One block's validator reward under <paramref name="schedule"/> at <paramref name="epoch"/>: equal split in the pre-staking era, by voting power after.</summary>
    public static BlockRewardPayout ForBlock(BlockRewardSchedule schedule, ulong epoch, Committee committee, SignerBitmap signers, Func<Address, bool>? isBanned = null)
    {
        var era = schedule.At(epoch);
        return era.PreStaking ? DistributeEqually(committee, signers, era.ToValidators) : Distribute(committee, signers, era.ToValidators, isBanned);
    }

    /// <summary>
    /// Pre-staking era (reference §4.6): the reward split equally among all signers of the block, Harmony-operated
    /// slots included (inert duplicate slots excluded); ⌊R / n⌋ each and the residue one atto each to the lowest slot indices.
    /// </summary>
    public static BlockRewardPayout DistributeEqually(Committee committee, SignerBitmap signers, BigInteger reward)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        if (signers.Size != committee.Count)
            throw new ArgumentException($"bitmap of {signers.Size} bits for a committee of {committee.Count} slots", nameof(signers));
        var paid = signers.Members().Where(committee.IsVotingSlot).ToList();
        var amounts = ProRataSplit.LargestRemainder(reward, [.. paid.Select(_ => BigInteger.One)]);
        return Collect(committee, paid, amounts);
    }

    private static BlockRewardPayout Collect(Committee committee, List<int> paid, BigInteger[] amounts)
    {
        var slots = new List<SlotPayout>(paid.Count);
        var byValidator = new Dictionary<Address, BigInteger>();
        var order = new List<Address>();
        for (var k = 0; k < paid.Count; k++)
        {
            var owner = committee.Slots[paid[k]].Owner;
            slots.Add(new SlotPayout(paid[k], owner, amounts[k]));
            if (byValidator.TryAdd(owner, amounts[k])) order.Add(owner);
            else byValidator[owner] += amounts[k];
        }
        return new BlockRewardPayout(slots, [.. order.Select(a => KeyValuePair.Create(a, byValidator[a]))]);
    }
}
