using System.Numerics;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>What the EPoS election reads from the staking state (reference §4.3 step 2).</summary>
public static class ElectionInput
{
    /// <summary>A validator's total stake: self-delegation plus all delegations, in atto-ONE.</summary>
    public static BigInteger TotalStake(Validator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.TotalDelegation;
    }

    /// <summary>
    /// Each validator as an election candidate, in creation order (the order <see cref="EposElection.Compute"/>
    /// expects). Signing counters are not kept here yet: every candidate is reported as outside the current committee.
    /// </summary>
    public static IReadOnlyList<ValidatorCandidate> Candidates(StakingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.CreationOrder.Select(address =>
        {
            var v = state.Validators[address];
            return new ValidatorCandidate(v.Address, v.Status, [.. v.SlotKeys], TotalStake(v));
        })];
    }
}
