using System.Numerics;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Splits a validator's due among its delegations exactly as Harmony's <c>AddReward</c> does (reference §4.6,
/// <c>core/state/statedb.go</c>, shares from <c>internal/chain/reward.go lookupDelegatorShares</c>):
/// commission = rate.MulInt(due).RoundInt() to the self-delegation (index 0); of the rest, each delegation (self
/// included) gets share.MulInt(rest).RoundInt(), its share being amount.Quo(Σ amounts) in the snapshot; whatever
/// is left over (the rounding residue, or all of the rest when Σ snapshot = 0) goes to the self-delegation.
/// RoundInt rounds halves to even, so the parts can add up to a few atto more than the due: Harmony pays them and
/// takes nothing back. Banned validators are paid nothing.
/// </summary>
public static class CommissionSplitter
{
    /// <param name="due">The validator's due for the block(s), atto-ONE.</param>
    /// <param name="commissionRate">Commission as a fraction of one (0 … 1).</param>
    /// <param name="delegations">The validator's snapshot delegations; index 0 is its self-delegation.</param>
    /// <param name="status">The validator's status; Banned yields all zero.</param>
    public static DueSplit Split(BigInteger due, Dec commissionRate, IReadOnlyList<DelegatorShare> delegations, ValidatorStatus status = ValidatorStatus.Active)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(due);
        if (commissionRate.IsNegative || commissionRate > Dec.One)
            throw new ArgumentOutOfRangeException(nameof(commissionRate), commissionRate, "a commission rate lies between 0 and 1");
        ArgumentOutOfRangeException.ThrowIfZero(delegations.Count, nameof(delegations));
        var rewards = new BigInteger[delegations.Count];
        if (status == ValidatorStatus.Banned || due.IsZero) return new DueSplit(BigInteger.Zero, rewards);

        var commission = commissionRate.MulInt(due).RoundInt();
        var rest = due - commission;
        var left = rest;
        var total = delegations.Aggregate(BigInteger.Zero, (a, d) => a + BigInteger.Max(d.SnapshotAmount, 0));
        if (!total.IsZero)
        {
            var totalDec = Dec.FromInteger(total);
            for (var i = 0; i < delegations.Count; i++)
            {
                var share = Dec.FromInteger(BigInteger.Max(delegations[i].SnapshotAmount, 0)).Quo(totalDec);
                rewards[i] = share.MulInt(rest).RoundInt();
                left -= rewards[i];
            }
        }
        rewards[0] += commission + BigInteger.Max(left, BigInteger.Zero);
        return new DueSplit(commission, rewards);
    }
}
