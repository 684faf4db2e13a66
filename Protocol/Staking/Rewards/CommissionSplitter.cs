using System.Numerics;
using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Splits a validator's due among its delegations (reference §4.6, <c>AddReward</c>): commission = rate × due rounded
/// half up (Harmony's <c>RoundInt</c>) to the self-delegation (index 0); the rest to every delegation (self included)
/// ⌊rest × snapshot_i / Σ snapshot⌋; whatever that leaves (the residue, or all of the rest when Σ snapshot = 0) goes to
/// the self-delegation, as Harmony does. Banned validators are paid nothing.
/// </summary>
public static class CommissionSplitter
{
    /// <param name="due">The validator's due for the block(s), atto-ONE.</param>
    /// <param name="commissionRate">Commission in 18-decimal fixed point (0 … <see cref="VotingPower.One"/>).</param>
    /// <param name="delegations">The validator's snapshot delegations; index 0 is its self-delegation.</param>
    /// <param name="status">The validator's status; Banned yields all zero.</param>
    public static DueSplit Split(BigInteger due, long commissionRate, IReadOnlyList<DelegatorShare> delegations, ValidatorStatus status = ValidatorStatus.Active)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(due);
        ArgumentOutOfRangeException.ThrowIfNegative(commissionRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(commissionRate, VotingPower.One);
        ArgumentOutOfRangeException.ThrowIfZero(delegations.Count, nameof(delegations));
        var rewards = new BigInteger[delegations.Count];
        if (status == ValidatorStatus.Banned) return new DueSplit(BigInteger.Zero, rewards);

        var commission = (due * commissionRate * 2 + VotingPower.One) / (2 * (BigInteger)VotingPower.One);
        var rest = due - commission;
        var sum = delegations.Aggregate(BigInteger.Zero, (a, d) => a + BigInteger.Max(d.SnapshotAmount, 0));
        var given = BigInteger.Zero;
        if (!sum.IsZero)
        {
            for (var i = 0; i < delegations.Count; i++)
            {
                rewards[i] = rest * BigInteger.Max(delegations[i].SnapshotAmount, 0) / sum;
                given += rewards[i];
            }
        }
        rewards[0] += commission + (rest - given);
        return new DueSplit(commission, rewards);
    }
}
