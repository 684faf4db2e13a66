using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// The minimum commission (reference §4.2): from <see cref="StakingParameters.MinCommissionRateEpoch"/> a validator
/// may keep a rate below the minimum only during the promotion period after its first election; at each election
/// the protocol raises the rate of those whose period is over (Harmony's <c>setElectionEpochAndMinFee</c> and
/// <c>UpdateMinimumCommissionFee</c>), and from <see cref="StakingParameters.MaxRateEpoch"/> lifts MaxRate so the
/// raised rate stays within it (<c>UpdateMaxCommissionFee</c>).
/// </summary>
public static class CommissionFloor
{
    /// <summary>
    /// True once <paramref name="validator"/>'s promotion period is over in <paramref name="epoch"/>: it has a first
    /// election epoch (0 means none, as in Harmony) and at least <see cref="StakingParameters.MinCommissionPromoPeriod"/>
    /// epochs have passed since.
    /// </summary>
    public static bool PromotionOver(Validator validator, ulong epoch, StakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(parameters);
        var first = validator.FirstElectionEpoch;
        return first != 0 && epoch >= first && epoch - first >= parameters.MinCommissionPromoPeriod;
    }

    /// <summary>
    /// The bookkeeping when the committee of <paramref name="newEpoch"/> is elected, in Harmony's order: each elected
    /// validator records <paramref name="newEpoch"/> as its last epoch in committee and, while a minimum is in force,
    /// as its first election if it has none, and has its rate raised to the minimum if its promotion is over; from
    /// HIP-30 unelected validators are raised too; from MaxRateEpoch every MaxRate is lifted to at least the minimum
    /// plus the validator's MaxChangeRate (capped at 1 from TopMaxRateEpoch).
    /// </summary>
    public static StakingState AfterElection(StakingState state, IEnumerable<Address> elected, ulong newEpoch, StakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(elected);
        ArgumentNullException.ThrowIfNull(parameters);
        var minimum = parameters.MinCommissionRateAt(newEpoch);
        var electedSet = new HashSet<Address>();
        foreach (var address in elected)
        {
            if (!electedSet.Add(address) || state.ValidatorAt(address) is not { } v) continue;
            v = v with { LastEpochInCommittee = newEpoch };
            if (minimum != 0m)
            {
                if (v.FirstElectionEpoch == 0) v = v with { FirstElectionEpoch = newEpoch };
                v = RaiseToMinimum(v, minimum, newEpoch, parameters);
            }
            state = state.WithValidator(v);
        }

        // Harmony's first minimum-fee code skipped unelected validators; HIP-30 fixed that from its epoch on.
        var raiseUnelected = newEpoch >= parameters.Hip30Epoch && minimum != 0m;
        var liftMaxRate = newEpoch >= parameters.MaxRateEpoch;
        if (!raiseUnelected && !liftMaxRate) return state;
        foreach (var validator in state.Validators.Values)
        {
            var v = validator;
            if (raiseUnelected && !electedSet.Contains(v.Address)) v = RaiseToMinimum(v, minimum, newEpoch, parameters);
            if (liftMaxRate) v = LiftMaxRate(v, minimum, newEpoch >= parameters.TopMaxRateEpoch);
            if (!ReferenceEquals(v, validator)) state = state.WithValidator(v);
        }
        return state;
    }

    private static Validator RaiseToMinimum(Validator v, decimal minimum, ulong epoch, StakingParameters parameters) =>
        v.Commission.Rate < minimum && PromotionOver(v, epoch, parameters)
            ? v with { Commission = v.Commission with { Rate = minimum } }
            : v;

    private static Validator LiftMaxRate(Validator v, decimal minimum, bool capAtOne)
    {
        var floor = minimum + v.Commission.MaxChangeRate;
        if (capAtOne && floor > 1m) floor = 1m;
        return v.Commission.MaxRate < floor ? v with { Commission = v.Commission with { MaxRate = floor } } : v;
    }
}
