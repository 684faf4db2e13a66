using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// <c>core/staking_verifier_test.go</c> <c>TestVerifyAndCollectRewardsFromDelegation</c>. Cases 2 (nil state
/// database), 3 (a listed validator missing from the state) and 4 (index out of bounds) have no counterpart:
/// HarmonySim finds the delegator's delegations itself.
/// </summary>
[TestClass]
public sealed class VerifyAndCollectRewardsFromDelegationTests
{
    [TestMethod]
    public void Case_0_collects_the_delegators_rewards_of_both_validators_and_leaves_the_others()
    {
        // makeStateForReward: the delegator holds 20,000 ONE with validators 0 and 1, earning 10,000 and 25,000 ONE;
        // the validators' own rewards are 20,000 and 30,000 ONE.
        var state = StateForStake()
            .WithDelegation(ValidatorAddr, ValidatorAddr, Delegation.Empty with { Amount = Ones(20_000), Reward = Ones(20_000) })
            .WithDelegation(ValidatorAddr, DelegatorAddr, Delegation.Empty with { Amount = Ones(20_000), Reward = Ones(10_000) })
            .WithDelegation(ValidatorAddr2, ValidatorAddr2, Delegation.Empty with { Amount = Ones(20_000), Reward = Ones(30_000) })
            .WithDelegation(ValidatorAddr2, DelegatorAddr, Delegation.Empty with { Amount = Ones(20_000), Reward = Ones(25_000) });
        var after = Accepted(Apply(state, new CollectRewards(DelegatorAddr), DefaultEpoch));

        Assert.AreEqual(Ones(10_000 + 25_000), after.AccountOf(DelegatorAddr).Balance - state.AccountOf(DelegatorAddr).Balance, "expTotalRewards");
        Assert.AreEqual(Ones(0), after.Validators[ValidatorAddr].DelegationOf(DelegatorAddr).Reward);
        Assert.AreEqual(Ones(0), after.Validators[ValidatorAddr2].DelegationOf(DelegatorAddr).Reward);
        Assert.AreEqual(Ones(20_000), after.Validators[ValidatorAddr].DelegationOf(ValidatorAddr).Reward);
        Assert.AreEqual(Ones(30_000), after.Validators[ValidatorAddr2].DelegationOf(ValidatorAddr2).Reward);
    }

    [TestMethod]
    public void Case_1_no_rewards_to_collect_is_refused() =>
        Rejected(Apply(StateForStake(), new CollectRewards(ValidatorAddr2), DefaultEpoch), "DelegatorAddress", "no unclaimed rewards");
}
