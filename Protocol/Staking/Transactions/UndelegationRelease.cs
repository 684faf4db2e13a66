using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>Epoch-end payout of matured undelegations (reference §4.4 first step, §4.5).</summary>
public static class UndelegationRelease
{
    /// <summary>What one delegation's release yields: the amount paid back, the amount dropped unpaid, and the undelegations still locked.</summary>
    public readonly record struct Unlocked(BigInteger Paid, BigInteger Dropped, ImmutableList<Undelegation> Kept);

    /// <summary>
    /// Harmony's <c>RemoveUnlockedUndelegations</c> for one delegation at the end of <paramref name="epoch"/>, oldest
    /// first, stopping at the first entry still locked. An undelegation unlocks when <paramref name="lockEpochs"/>
    /// epochs have passed since it was made, or — unless <paramref name="noEarlyUnlock"/> — when its validator has
    /// been out of the committee that long (<paramref name="lastEpochInCommittee"/>). With
    /// <paramref name="dropOverdue"/> (from MaxRateEpoch) an entry already past its lock is removed without payment.
    /// </summary>
    public static Unlocked Unlock(
        ImmutableList<Undelegation> undelegations, ulong epoch, ulong lastEpochInCommittee, ulong lockEpochs, bool noEarlyUnlock, bool dropOverdue)
    {
        ArgumentNullException.ThrowIfNull(undelegations);
        // Signed, as in Harmony: an entry or a committee epoch later than the current one never counts as elapsed.
        var lockPeriod = (long)lockEpochs;
        var earlyUnlock = !noEarlyUnlock && (long)epoch - (long)lastEpochInCommittee >= lockPeriod;
        var paid = BigInteger.Zero;
        var dropped = BigInteger.Zero;
        var count = 0;
        foreach (var u in undelegations)
        {
            var elapsed = (long)epoch - (long)u.Epoch;
            if (elapsed < lockPeriod && !earlyUnlock) break;
            if (dropOverdue && elapsed > lockPeriod) dropped += u.Amount;
            else paid += u.Amount;
            count++;
        }
        return new Unlocked(paid, dropped, count == 0 ? undelegations : undelegations.RemoveRange(0, count));
    }

    /// <summary>
    /// At the end of <paramref name="epoch"/> pays each delegator back every unlocked undelegation (<see cref="Unlock"/>
    /// with the epoch's lock, early-unlock and overdue rules); emptied non-self delegations are removed. Returns the
    /// new state and the amount dropped unpaid, which leaves the supply.
    /// </summary>
    public static (StakingState State, BigInteger Dropped) Release(StakingState state, ulong epoch, StakingParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var p = parameters ?? StakingParameters.Mainnet;
        var lockEpochs = p.LockEpochsAt(epoch);
        var noEarlyUnlock = epoch >= p.NoEarlyUnlockEpoch;
        // Harmony tests MaxRate against the epoch being elected, the next one.
        var dropOverdue = epoch + 1 >= p.MaxRateEpoch;
        var result = state;
        var dropped = BigInteger.Zero;
        foreach (var validator in state.Validators.Values)
        {
            var v = validator;
            foreach (var (delegator, delegation) in validator.Delegations)
            {
                if (delegation.Undelegations.IsEmpty) continue;
                var unlocked = Unlock(delegation.Undelegations, epoch, validator.LastEpochInCommittee, lockEpochs, noEarlyUnlock, dropOverdue);
                if (ReferenceEquals(unlocked.Kept, delegation.Undelegations)) continue;
                v = v.WithDelegation(delegator, delegation with { Undelegations = unlocked.Kept });
                dropped += unlocked.Dropped;
                if (unlocked.Paid.IsZero) continue;
                var account = result.AccountOf(delegator);
                result = result.WithAccount(delegator, account with { Balance = account.Balance + unlocked.Paid });
            }
            if (!ReferenceEquals(v, validator)) result = result.WithValidator(v);
        }
        return (result, dropped);
    }

    /// <summary><see cref="Release"/> for callers that only need the state (nothing is dropped before MaxRateEpoch, nor in a chain that releases every epoch).</summary>
    public static StakingState ReleaseMatured(StakingState state, ulong epoch, StakingParameters? parameters = null) =>
        Release(state, epoch, parameters).State;
}
