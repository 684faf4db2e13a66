using System.Collections.Immutable;
using System.Numerics;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>
/// One delegator's stake with one validator: the amount staked, the reward earned and not yet collected, and the
/// undelegations still locked, oldest first (reference §4.1, §4.5).
/// </summary>
public sealed record Delegation(BigInteger Amount, BigInteger Reward, ImmutableList<Undelegation> Undelegations)
{
    public static readonly Delegation Empty = new(BigInteger.Zero, BigInteger.Zero, []);

    /// <summary>Stake still locked in undelegations.</summary>
    public BigInteger Undelegating => Undelegations.Aggregate(BigInteger.Zero, (sum, u) => sum + u.Amount);

    /// <summary>True when nothing remains: no stake, no reward, nothing locked.</summary>
    public bool IsEmpty => Amount.IsZero && Reward.IsZero && Undelegations.IsEmpty;
}
