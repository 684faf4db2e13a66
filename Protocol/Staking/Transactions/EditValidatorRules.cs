using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// EditValidator (directive 1) under reference §4.2, as Harmony's <c>VerifyAndEditValidatorFromMsg</c> and
/// <c>UpdateValidatorFromEditMsg</c> apply it: the edit is merged into the validator, then the result must pass
/// the same checks a new validator does.
/// </summary>
internal static class EditValidatorRules
{
    public static StakingResult Apply(StakingState state, EditValidator tx, ulong epoch, StakingParameters p)
    {
        if (state.ValidatorAt(tx.ValidatorAddress) is not { } v)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is not a validator");

        if (tx.Description is { } edit)
        {
            // The identity check reads the edit's own Identity: an empty one changes nothing, so it cannot collide.
            if (DescriptionRules.IdentityTaken(state, v.Address, edit) is { } id) return new StakingResult(null, id);
            var merged = v.Description.MergedWith(edit);
            if (merged.FirstViolation() is { } d) return StakingResult.Reject(d.Field, d.Reason);
            v = v with { Description = merged };
        }

                var baseRate = v.RateBaseFor(epoch);
        if (tx.CommissionRate is { } rate) v = v with { Commission = v.Commission with { Rate = rate } };

        // Harmony reads a zero MinSelfDelegation or MaxTotalDelegation as "not given".
        if (tx.MinSelfDelegation is { IsZero: false } minSelf) v = v with { MinSelfDelegation = minSelf };
        if (tx.MaxTotalDelegation is { IsZero: false } maxTotal) v = v with { MaxTotalDelegation = maxTotal };

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

        // A banned validator is tombstoned: Harmony refuses every edit of it, not only a status change.
        if (v.Status == ValidatorStatus.Banned)
            return StakingResult.Reject(nameof(tx.ValidatorAddress), $"{tx.ValidatorAddress} is banned; a banned validator cannot be edited");
        // Only Active and Inactive can be chosen; any other status in the message (Banned) is ignored, as in Harmony.
        if (tx.Status is ValidatorStatus.Active or ValidatorStatus.Inactive) v = v with { Status = tx.Status.Value };

        if (CommissionRule(v, baseRate, epoch, p) is { } commission) return new StakingResult(null, commission);
        if (tx.CommissionRate is not null) v = v with { RateAtEpochStart = baseRate, RateSnapshotEpoch = epoch };

        if (v.MinSelfDelegation < p.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.MinSelfDelegation), $"{v.MinSelfDelegation} atto is below the minimum {p.MinSelfDelegation} atto");
        if (v.MaxTotalDelegation < v.MinSelfDelegation)
            return StakingResult.Reject(nameof(tx.MaxTotalDelegation), $"{v.MaxTotalDelegation} atto is below MinSelfDelegation {v.MinSelfDelegation} atto");
        if (v.TotalDelegation > v.MaxTotalDelegation)
            return StakingResult.Reject(nameof(tx.MaxTotalDelegation), $"{v.MaxTotalDelegation} atto is below the {v.TotalDelegation} atto already delegated");
        if (v.SlotKeys.Length < 1 || v.SlotKeys.Length > p.MaxSlotKeys)
            return StakingResult.Reject(tx.SlotKeyToAdd is null ? nameof(tx.SlotKeyToRemove) : nameof(tx.SlotKeyToAdd),
                $"the validator would hold {v.SlotKeys.Length} keys, must be 1 to {p.MaxSlotKeys}");
        if (v.Status == ValidatorStatus.Active && v.SelfDelegation < v.MinSelfDelegation)
            return StakingResult.Reject(tx.MinSelfDelegation is null ? nameof(tx.Status) : nameof(tx.MinSelfDelegation),
                $"self-delegation {v.SelfDelegation} atto is below MinSelfDelegation {v.MinSelfDelegation} atto while Active");

        return StakingResult.Accept(state.WithValidator(v));
    }

    /// <summary>
    /// The edited validator's commission, whether or not this edit set it (Harmony checks the resulting rate): within
    /// [0, MaxRate], not below the minimum once the promotion period is over, and within MaxChangeRate of the rate
    /// the epoch started with.
    /// </summary>
    private static Rejection? CommissionRule(Validator v, decimal baseRate, ulong epoch, StakingParameters p)
    {
        const string field = nameof(EditValidator.CommissionRate);
        var rate = v.Commission.Rate;
        if (rate > v.Commission.MaxRate) return new Rejection(field, $"{rate} exceeds MaxRate {v.Commission.MaxRate}");
        if (rate < 0m) return new Rejection(field, $"{rate} is negative");
        var minimum = p.MinCommissionRateAt(epoch);
        if (rate < minimum && CommissionFloor.PromotionOver(v, epoch, p))
            return new Rejection(field, $"{rate} is below the minimum commission {minimum} in epoch {epoch}, and the promotion period after the first election in epoch {v.FirstElectionEpoch} is over");
        if (Math.Abs(rate - baseRate) > v.Commission.MaxChangeRate)
            return new Rejection(field, $"{rate} moves more than MaxChangeRate {v.Commission.MaxChangeRate} from {baseRate}, the rate at the start of epoch {epoch}");
        return null;
    }
}
