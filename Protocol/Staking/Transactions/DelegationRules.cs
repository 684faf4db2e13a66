using System.Numerics;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>Delegate, Undelegate and CollectRewards (directives 2–4) under reference §4.2 and §4.5.</summary>
internal static class DelegationRules
{
    public static StakingResult Delegate(StakingState state, DelegateStake tx, ulong epoch, StakingParameters p)
    {
        if (state.ValidatorAt(tx.ValidatorAddress) is not { } v)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is not a validator");
        if (v.Status == ValidatorStatus.Banned)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is banned and takes no delegations");
        var min = p.MinDelegationAt(epoch);
        if (tx.Amount < min)
            return StakingResult.Reject(nameof(tx.Amount), $"{tx.Amount} atto is below the minimum delegation {min} atto in epoch {epoch}");
        if (v.TotalDelegation + tx.Amount > v.MaxTotalDelegation)
            return StakingResult.Reject(nameof(tx.Amount),
                $"{tx.Amount} atto would bring the validator's total to {v.TotalDelegation + tx.Amount} atto, above MaxTotalDelegation {v.MaxTotalDelegation} atto");

        // From the redelegation epoch, tokens still locked in undelegations are spent before the balance.
        var (next, fromLocked) = epoch >= p.RedelegationEpoch
            ? Redelegation.SpendLocked(state, tx.DelegatorAddress, tx.Amount, epoch)
            : (state, BigInteger.Zero);
        var fromBalance = tx.Amount - fromLocked;
        var account = next.AccountOf(tx.DelegatorAddress);
        if (account.Balance < fromBalance)
            return StakingResult.Reject(nameof(tx.Amount),
                $"{tx.Amount} atto exceeds the balance {account.Balance} atto plus the {fromLocked} atto re-delegable from locked undelegations");

        v = next.Validators[tx.ValidatorAddress];
        var d = v.DelegationOf(tx.DelegatorAddress);
        return StakingResult.Accept(next
            .WithAccount(tx.DelegatorAddress, account with { Balance = account.Balance - fromBalance })
            .WithValidator(v.WithDelegation(tx.DelegatorAddress, d with { Amount = d.Amount + tx.Amount })));
    }

    public static StakingResult Undelegate(StakingState state, UndelegateStake tx, ulong epoch, StakingParameters p)
    {
        if (state.ValidatorAt(tx.ValidatorAddress) is not { } v)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is not a validator");
        if (tx.Amount.Sign <= 0)
            return StakingResult.Reject(nameof(tx.Amount), $"{tx.Amount} atto is not positive");
        if (!v.Delegations.TryGetValue(tx.DelegatorAddress, out var d) || d.Amount.IsZero)
            return StakingResult.Reject(nameof(tx.DelegatorAddress), $"{tx.DelegatorAddress} has no delegation with {tx.ValidatorAddress}");
        if (tx.Amount > d.Amount)
            return StakingResult.Reject(nameof(tx.Amount), $"{tx.Amount} atto exceeds the {d.Amount} atto delegated");
        var remaining = d.Amount - tx.Amount;
        if (p.MinRemainingDelegation is { } minRemaining && !remaining.IsZero && remaining < minRemaining)
            return StakingResult.Reject(nameof(tx.Amount), $"would leave {remaining} atto delegated; the remainder must be 0 or at least {minRemaining} atto");

        // Undelegations of one epoch merge into one entry, as Harmony's Undelegations list does.
        var undelegations = d.Undelegations.Count > 0 && d.Undelegations[^1].Epoch == epoch
            ? d.Undelegations.SetItem(d.Undelegations.Count - 1, d.Undelegations[^1] with { Amount = d.Undelegations[^1].Amount + tx.Amount })
            : d.Undelegations.Add(new Undelegation(tx.Amount, epoch));
        v = v.WithDelegation(tx.DelegatorAddress, d with { Amount = d.Amount - tx.Amount, Undelegations = undelegations });
        // A validator whose self-stake falls below its minimum is made Inactive rather than refused (Harmony's rule).
        if (tx.DelegatorAddress == v.Address && v.Status == ValidatorStatus.Active && v.SelfDelegation < v.MinSelfDelegation)
            v = v with { Status = ValidatorStatus.Inactive };
        return StakingResult.Accept(state.WithValidator(v));
    }

    public static StakingResult Collect(StakingState state, CollectRewards tx)
    {
        var total = BigInteger.Zero;
        var next = state;
        foreach (var v in state.Validators.Values)
        {
            if (!v.Delegations.TryGetValue(tx.DelegatorAddress, out var d) || d.Reward.IsZero) continue;
            total += d.Reward;
            next = next.WithValidator(v.WithDelegation(tx.DelegatorAddress, d with { Reward = BigInteger.Zero }));
        }
        if (total.IsZero)
            return StakingResult.Reject(nameof(tx.DelegatorAddress), $"{tx.DelegatorAddress} has no unclaimed rewards");
        var account = next.AccountOf(tx.DelegatorAddress);
        return StakingResult.Accept(next.WithAccount(tx.DelegatorAddress, account with { Balance = account.Balance + total }));
    }
}
