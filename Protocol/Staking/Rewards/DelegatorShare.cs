using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>A delegation in the validator's epoch snapshot: the delegator and its staked amount (atto-ONE).</summary>
public sealed record DelegatorShare(Address Delegator, BigInteger SnapshotAmount);

/// <summary>
/// A validator's due split: <see cref="Commission"/> and the per-delegation rewards (same order as the input;
/// <c>Rewards[0]</c>, the self-delegation, includes the commission and the rounding residue). Σ Rewards = due exactly.
/// </summary>
public sealed record DueSplit(BigInteger Commission, IReadOnlyList<BigInteger> Rewards)
{
    public BigInteger Total => Rewards.Aggregate(BigInteger.Zero, (a, r) => a + r);
}
