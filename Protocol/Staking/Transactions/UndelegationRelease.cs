using System.Numerics;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>Epoch-end payout of matured undelegations (reference §4.4 first step, §4.5).</summary>
public static class UndelegationRelease
{
    /// <summary>
    /// At the end of <paramref name="epoch"/> pays each delegator back every undelegation made in an epoch E with
    /// E + <see cref="StakingParameters.LockEpochs"/> ≤ <paramref name="epoch"/> (released at the last beacon block of
    /// E + 7); emptied non-self delegations are removed. Supply is unchanged.
    /// </summary>
    public static StakingState ReleaseMatured(StakingState state, ulong epoch, StakingParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var lockEpochs = (parameters ?? StakingParameters.Mainnet).LockEpochs;
        var result = state;
        foreach (var validator in state.Validators.Values)
        {
            var v = validator;
            foreach (var (delegator, delegation) in validator.Delegations)
            {
                var matured = delegation.Undelegations.Where(u => u.Epoch + lockEpochs <= epoch).ToList();
                if (matured.Count == 0) continue;
                var paid = matured.Aggregate(BigInteger.Zero, (sum, u) => sum + u.Amount);
                v = v.WithDelegation(delegator, delegation with { Undelegations = delegation.Undelegations.RemoveAll(u => u.Epoch + lockEpochs <= epoch) });
                var account = result.AccountOf(delegator);
                result = result.WithAccount(delegator, account with { Balance = account.Balance + paid });
            }
            if (!ReferenceEquals(v, validator)) result = result.WithValidator(v);
        }
        return result;
    }
}
