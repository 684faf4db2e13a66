using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>EditValidator (directive 1) under reference §4.2.</summary>
internal static class EditValidatorRules
{
    public static StakingResult Apply(StakingState state, EditValidator tx, ulong epoch, StakingParameters p)
    {
        if (state.ValidatorAt(tx.ValidatorAddress) is not { } v)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is not a validator");

        if (tx.Description is { } description)
        {
            if (description.FirstViolation() is { } d) return StakingResult.Reject(d.Field, d.Reason);
            if (DescriptionRules.IdentityTaken(state, v.Address, description) is { } id) return new StakingResult(null, id);
            v = v with { Description = description };
        }

        if (tx.CommissionRate is { } rate)
        {
            if (rate < 0m) return StakingResult.Reject(nameof(tx.CommissionRate), $"{rate} is negative");
            if (rate > v.Commission.MaxRate)
                return StakingResult.Reject(nameof(tx.CommissionRate), $"{rate} exceeds MaxRate {v.Commission.MaxRate}");
            var baseRate = v.RateBaseFor(epoch);
            if (Math.Abs(rate - baseRate) > v.Commission.MaxChangeRate)
                return StakingResult.Reject(nameof(tx.CommissionRate),
                    $"{rate} moves more than MaxChangeRate {v.Commission.MaxChangeRate} from {baseRate}, the rate at the start of epoch {epoch}");
            v = v with { Commission = v.Commission with { Rate = rate }, RateAtEpochStart = baseRate, RateSnapshotEpoch = epoch };
        }

        if (tx.MinSelfDelegation is { } minSelf)
        {
            if (minSelf < p.MinSelfDelegation)
                return StakingResult.Reject(nameof(tx.MinSelfDelegation), $"{minSelf} atto is below the minimum {p.MinSelfDelegation} atto");
            v = v with { MinSelfDelegation = minSelf };
        }

        if (tx.MaxTotalDelegation is { } maxTotal) v = v with { MaxTotalDelegation = maxTotal };
        if (v.MaxTotalDelegation < v.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.MaxTotalDelegation), $"{v.MaxTotalDelegation} atto is below MinSelfDelegation {v.MinSelfDelegation} atto");
        if (v.TotalDelegation > v.MaxTotalDelegation)
            return StakingResult.Reject(nameof(tx.MaxTotalDelegation), $"{v.MaxTotalDelegation} atto is below the {v.TotalDelegation} atto already delegated");

        if (tx.SlotKeyToRemove is { } remove)
        {
            if (!v.SlotKeys.Contains(remove))
                return StakingResult.Reject(nameof(tx.SlotKeyToRemove), $"key {remove.ShortName} is not one of the validator's keys");
            v = v with { SlotKeys = v.SlotKeys.Remove(remove) };
        }
        if (tx.SlotKeyToAdd is { } add)
        {
            var taken = new HashSet<PublicKey>(state.Validators.Values.Where(o => o.Address != v.Address).SelectMany(o => o.SlotKeys).Concat(v.SlotKeys));
            if (SlotKeyRules.Check(add, nameof(tx.SlotKeyToAdd), taken, p) is { } r) return new StakingResult(null, r);
            v = v with { SlotKeys = v.SlotKeys.Add(add.Key) };
        }
        if (v.SlotKeys.Length < 1 || v.SlotKeys.Length > p.MaxSlotKeys)
            return StakingResult.Reject(tx.SlotKeyToAdd is null ? nameof(tx.SlotKeyToRemove) : nameof(tx.SlotKeyToAdd),
                $"the validator would hold {v.SlotKeys.Length} keys, must be 1 to {p.MaxSlotKeys}");

        if (tx.Status is { } status)
        {
            if (v.Status == ValidatorStatus.Banned)
                return StakingResult.Reject(nameof(tx.Status), "a banned validator's status cannot be changed");
            if (status == ValidatorStatus.Banned)
                return StakingResult.Reject(nameof(tx.Status), "a validator cannot ban itself; only Active or Inactive may be set");
            v = v with { Status = status };
        }

        if (v.Status == ValidatorStatus.Active && v.SelfDelegation < v.MinSelfDelegation)
            return StakingResult.Reject(tx.MinSelfDelegation is null ? nameof(tx.Status) : nameof(tx.MinSelfDelegation),
                $"self-delegation {v.SelfDelegation} atto is below MinSelfDelegation {v.MinSelfDelegation} atto while Active");

        return StakingResult.Accept(state.WithValidator(v));
    }
}
