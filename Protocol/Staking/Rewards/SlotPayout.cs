using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>One signing external slot's share of a block reward.</summary>
public sealed record SlotPayout(int SlotIndex, Address Owner, BigInteger Amount);

/// <summary>A block reward distributed over slots, and summed per validator (in first-slot order).</summary>
public sealed record BlockRewardPayout(IReadOnlyList<SlotPayout> Slots, IReadOnlyList<KeyValuePair<Address, BigInteger>> ByValidator)
{
    public BigInteger Total => Slots.Aggregate(BigInteger.Zero, (a, s) => a + s.Amount);
}
