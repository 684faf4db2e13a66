using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// What one delegation loses: the debt assessed, and how it was paid — from current stake, from undelegations made
/// at or after the offence epoch (amount per undelegation, in the input order), from unclaimed reward. A debt larger
/// than all three leaves <see cref="Unpaid"/> (never taken, never credited).
/// </summary>
public sealed record DelegationDebit(
    Address Delegator,
    BigInteger Debt,
    BigInteger FromStake,
    IReadOnlyList<BigInteger> FromUndelegations,
    BigInteger FromReward)
{
    public BigInteger Paid => FromStake + FromUndelegations.Aggregate(BigInteger.Zero, (a, b) => a + b) + FromReward;
    public BigInteger Unpaid => Debt - Paid;
}
