using System.Collections.Immutable;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>CreateValidator (directive 0) under reference §4.2.</summary>
internal static class CreateValidatorRules
{
    public static StakingResult Apply(StakingState state, CreateValidator tx, ulong epoch, StakingParameters p)
    {
        if (state.Validators.ContainsKey(tx.ValidatorAddress))
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is already a validator");
        if (tx.Description?.FirstViolation() is { } d) return StakingResult.Reject(d.Field, d.Reason);
        if (tx.Description is null) return StakingResult.Reject(nameof(tx.Description), "is missing");
        if (DescriptionRules.IdentityTaken(state, tx.ValidatorAddress, tx.Description) is { } id) return new StakingResult(null, id);
        if (tx.CommissionRates is null) return StakingResult.Reject(nameof(tx.CommissionRates), "is missing");
        if (tx.CommissionRates.FirstViolation() is { } c) return StakingResult.Reject(c.Field, c.Reason);
        if (tx.MinSelfDelegation < p.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.MinSelfDelegation), $"{tx.MinSelfDelegation} atto is below the minimum {p.MinSelfDelegation} atto");
        if (tx.MaxTotalDelegation < tx.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.MaxTotalDelegation), $"{tx.MaxTotalDelegation} atto is below MinSelfDelegation {tx.MinSelfDelegation} atto");
        if (tx.Amount < tx.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.Amount), $"self-stake {tx.Amount} atto is below MinSelfDelegation {tx.MinSelfDelegation} atto");
        if (tx.Amount > tx.MaxTotalDelegation)
            return StakingResult.Reject(nameof(tx.Amount), $"self-stake {tx.Amount} atto exceeds MaxTotalDelegation {tx.MaxTotalDelegation} atto");

        var keys = tx.SlotKeys.IsDefault ? [] : tx.SlotKeys;
        if (keys.Length < 1 || keys.Length > p.MaxSlotKeys)
            return StakingResult.Reject(nameof(tx.SlotKeys), $"{keys.Length} keys, must be 1 to {p.MaxSlotKeys}");
        var taken = new HashSet<PublicKey>(state.AllSlotKeys);
        for (var i = 0; i < keys.Length; i++)
        {
            if (SlotKeyRules.Check(keys[i], $"{nameof(tx.SlotKeys)}[{i}]", taken, p) is { } r) return new StakingResult(null, r);
            taken.Add(keys[i].Key);
        }

        var account = state.AccountOf(tx.ValidatorAddress);
        if (account.Balance < tx.Amount)
            return StakingResult.Reject(nameof(tx.Amount), $"self-stake {tx.Amount} atto exceeds the balance {account.Balance} atto");

        var validator = new Validator(
            tx.ValidatorAddress,
            [.. keys.Select(k => k.Key)],
            tx.CommissionRates,
            tx.MinSelfDelegation,
            tx.MaxTotalDelegation,
            ValidatorStatus.Active,
            tx.Description,
            epoch,
            tx.CommissionRates.Rate,
            epoch,
            ImmutableSortedDictionary.Create<Address, Delegation>(AddressOrder.Instance)
                .Add(tx.ValidatorAddress, Delegation.Empty with { Amount = tx.Amount }));
        return StakingResult.Accept(state
            .WithAccount(tx.ValidatorAddress, account with { Balance = account.Balance - tx.Amount })
            .WithValidator(validator));
    }
}
