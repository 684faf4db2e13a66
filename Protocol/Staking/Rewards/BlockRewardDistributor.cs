using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Splits one block's reward among its signers (reference §4.6, staking era): only external (staked) voting slots whose
/// bit is set are paid, <c>payout_i = R × power_i / Σ power_signing_external</c>, floors first and the residue one
/// atto each to the largest remainders (ties to the lower slot index), so the payouts sum to R exactly.
/// Slots of banned validators are left out of the signing set (their share goes to the other signers).
/// </summary>
public static class BlockRewardDistributor
{
    public static BlockRewardPayout Distribute(Committee committee, SignerBitmap signers, BigInteger reward, Func<Address, bool>? isBanned = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        if (signers.Size != committee.Count)
            throw new ArgumentException($"bitmap of {signers.Size} bits for a committee of {committee.Count} slots", nameof(signers));
        var paid = new List<int>();
        foreach (var i in signers.Members())
        {
            var slot = committee.Slots[i];
            if (slot.IsHarmonyOperated || !committee.IsVotingSlot(i)) continue;
            if (isBanned?.Invoke(slot.Owner) == true) continue;
            paid.Add(i);
        }
        var amounts = ProRataSplit.LargestRemainder(reward, [.. paid.Select(i => (BigInteger)committee.PowerOf(i))]);
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
