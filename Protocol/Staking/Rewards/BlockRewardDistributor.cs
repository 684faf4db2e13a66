using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Splits one block's reward among its signers as Harmony does (reference §4.6, <c>internal/chain/reward.go</c>).
/// Staking era (<c>processOneCrossLink</c>): only external (staked) voting slots whose bit is set and whose power is
/// not zero are paid, each R.Mul(power.Quo(Σ power of the signing external slots)).TruncateInt(); what truncation
/// leaves of R is never minted. A banned validator's slots keep their place in the split but are not paid, so that
/// share is never minted either (Harmony's <c>AddReward</c> skips banned validators).
/// </summary>
public static class BlockRewardDistributor
{
    public static BlockRewardPayout Distribute(Committee committee, SignerBitmap signers, BigInteger reward, Func<Address, bool>? isBanned = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        if (signers.Size != committee.Count)
            throw new ArgumentException($"bitmap of {signers.Size} bits for a committee of {committee.Count} slots", nameof(signers));
        var signing = new List<int>();
        var signingShare = Dec.Zero;
        foreach (var i in signers.Members())
        {
            var slot = committee.Slots[i];
            if (slot.IsHarmonyOperated || !committee.IsVotingSlot(i)) continue;
            signing.Add(i);
            signingShare += new Dec(committee.PowerOf(i));
        }
        var perBlock = Dec.FromInteger(reward);
        var paid = new List<int>(signing.Count);
        var amounts = new List<BigInteger>(signing.Count);
        foreach (var i in signing)
        {
            var power = new Dec(committee.PowerOf(i));
            if (power.IsZero || isBanned?.Invoke(committee.Slots[i].Owner) == true) continue;
            paid.Add(i);
            amounts.Add(perBlock.Mul(power.Quo(signingShare)).TruncateInt());
        }
        return Collect(committee, paid, [.. amounts]);
    }

    /// <summary>One block's validator reward under <paramref name="schedule"/> at <paramref name="epoch"/>: equal split in the pre-staking era, by voting power after.</summary>
    public static BlockRewardPayout ForBlock(BlockRewardSchedule schedule, ulong epoch, Committee committee, SignerBitmap signers, Func<Address, bool>? isBanned = null) =>
        ForBlock(schedule.At(epoch), committee, signers, isBanned);

    /// <summary>One block's validator reward under <paramref name="era"/>: equal split in the pre-staking era, by voting power after.</summary>
    public static BlockRewardPayout ForBlock(RewardEra era, Committee committee, SignerBitmap signers, Func<Address, bool>? isBanned = null)
    {
        ArgumentNullException.ThrowIfNull(era);
        return era.PreStaking ? DistributeEqually(committee, signers, era.ToValidators) : Distribute(committee, signers, era.ToValidators, isBanned);
    }

    /// <summary>
    /// Pre-staking era (reference §4.6, <c>accumulateRewardsAndCountSigsBeforeStaking</c>): the reward split equally among
    /// all signers of the block in slot order, Harmony-operated slots included (inert duplicate slots excluded): the
    /// k-th of n signers gets ⌊R·k/n⌋ − ⌊R·(k−1)/n⌋, so the parts sum to R and the residue falls on the later signers.
    /// </summary>
    public static BlockRewardPayout DistributeEqually(Committee committee, SignerBitmap signers, BigInteger reward)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        if (signers.Size != committee.Count)
            throw new ArgumentException($"bitmap of {signers.Size} bits for a committee of {committee.Count} slots", nameof(signers));
        var paid = signers.Members().Where(committee.IsVotingSlot).ToList();
        var amounts = new BigInteger[paid.Count];
        var before = BigInteger.Zero;
        for (var k = 0; k < paid.Count; k++)
        {
            var upTo = reward * (k + 1) / paid.Count;
            amounts[k] = upTo - before;
            before = upTo;
        }
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
