using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>A delegation in the validator's epoch snapshot: the delegator and its staked amount (atto-ONE).</summary>
public sealed record DelegatorShare(Address Delegator, BigInteger SnapshotAmount);

/// <summary>
/// A validator's due split: <see cref="Commission"/> and the per-delegation rewards (same order as the input;
/// <c>Rewards[0]</c>, the self-delegation, includes the commission and any rounding residue). Σ Rewards is the due, or up to
/// half an atto per delegation more where Harmony's RoundInt rounded shares up (Harmony pays that, as here).
/// </summary>
public sealed record DueSplit(BigInteger Commission, IReadOnlyList<BigInteger> Rewards)
{
    public BigInteger Total => Rewards.Aggregate(BigInteger.Zero, (a, r) => a + r);
}
