using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// Re-delegation of locked tokens (reference §4.5; Harmony's <c>VerifyAndDelegateFromMsg</c> from
/// <c>RedelegationEpoch</c>): a Delegate first spends the delegator's undelegations still locked, with any
/// validator, before its balance.
/// </summary>
internal static class Redelegation
{
    /// <summary>
    /// Takes up to <paramref name="amount"/> from <paramref name="delegator"/>'s locked undelegations: validators in
    /// the order the delegator first delegated to them, each one's undelegations oldest first, only those made before
    /// <paramref name="epoch"/> (this epoch's undelegations are not yet spendable). A partly spent undelegation keeps
    /// the rest. Returns the state with the spent undelegations removed and how much was taken.
    /// </summary>
    public static (StakingState State, BigInteger Taken) SpendLocked(StakingState state, Address delegator, BigInteger amount, ulong epoch)
    {
        var remaining = amount;
        foreach (var address in state.DelegatedValidators(delegator))
        {
            if (remaining.IsZero) break;
            var validator = state.Validators[address];
            if (!validator.Delegations.TryGetValue(delegator, out var delegation)) continue;
            var undelegations = delegation.Undelegations;
            var spent = 0;
            while (spent < undelegations.Count && undelegations[spent].Epoch < epoch && !remaining.IsZero)
            {
                var u = undelegations[spent];
                if (u.Amount > remaining)
                {
                    undelegations = undelegations.SetItem(spent, u with { Amount = u.Amount - remaining });
                    remaining = BigInteger.Zero;
                    break;
                }
                remaining -= u.Amount;
                spent++;
            }
            if (ReferenceEquals(undelegations, delegation.Undelegations) && spent == 0) continue;
            state = state.WithValidator(validator.WithDelegation(delegator, delegation with { Undelegations = undelegations.RemoveRange(0, spent) }));
        }
        return (state, amount - remaining);
    }
}
