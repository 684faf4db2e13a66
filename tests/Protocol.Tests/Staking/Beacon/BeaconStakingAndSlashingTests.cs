using System.Numerics;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>Staking transactions (reference §4.2) and double-sign slashing (§5.1, §5.2) inside beacon blocks.</summary>
[TestClass]
public sealed class BeaconStakingAndSlashingTests
{
    private static readonly BeaconBuilder B = new();

    private static string Invalid(BeaconOutcome outcome)
    {
        Assert.IsNull(outcome.State, "expected an invalid block");
        Assert.IsNotNull(outcome.Error);
        return outcome.Error;
    }

    private static BeaconBody Txs(params SignedStakingTransaction[] txs) => new(txs, [], []);

    private static BeaconBody Slashes(params SlashRecord[] records) => new([], [], records);

    [TestMethod]
    public void A_valid_delegation_applies()
    {
        var chain = B.Chain();
        var d4 = B.D(4);
        var tx = B.Sign(new DelegateStake(d4, V2, Units.One(10_000)), 0, 4);
        var state = chain.Step(Txs(tx)).State!;
        Assert.AreEqual(new Account(Units.One(990_000), 1), state.Staking.AccountOf(d4));
        Assert.AreEqual(new Delegation(Units.One(10_000), 0, []), state.Staking.ValidatorAt(V2)!.DelegationOf(d4));
        Assert.AreEqual(Units.One(3_010_000), state.Staking.ValidatorAt(V2)!.TotalDelegation);
        Assert.AreEqual(B.GenesisSupply, state.Staking.TotalSupply());

        // The next nonce applies too, in the next block.
        var second = B.Sign(new DelegateStake(d4, V2, Units.One(5_000)), 1, 4);
        var next = chain.Step(Txs(second)).State!;
        Assert.AreEqual(new Account(Units.One(985_000), 2), next.Staking.AccountOf(d4));
    }

    [TestMethod]
    public void A_badly_signed_transaction_makes_the_block_invalid()
    {
        var chain = B.Chain();
        var d4 = B.D(4);
        var forged = B.Sign(new DelegateStake(d4, V2, Units.One(10_000)), 0, 1); // signed by D1's key
        var rejection = StakingTransactionProcessor.ApplySigned(chain.State.Staking, forged, 0, B.Rules.Staking).Rejection!;
        Assert.AreEqual("Signature", rejection.Field);
        Assert.AreEqual($"staking transaction DelegateStake from {d4}: {rejection}", Invalid(chain.Propose(Txs(forged))));
    }

    [TestMethod]
    public void A_wrong_nonce_makes_the_whole_block_invalid()
    {
        var chain = B.Chain();
        var d4 = B.D(4);
        var good = B.Sign(new DelegateStake(d4, V2, Units.One(10_000)), 0, 4);
        var replay = good; // nonce 0 again after the first applied
        var skip = B.Sign(new DelegateStake(d4, V2, Units.One(10_000)), 2, 4);
        StringAssert.EndsWith(Invalid(chain.Propose(Txs(skip))), "Nonce: 2 is not the sender's next nonce 0");
        StringAssert.EndsWith(Invalid(chain.Propose(Txs(good, replay))), "Nonce: 0 is not the sender's next nonce 1");
    }

    [TestMethod]
    public void A_transaction_the_rules_refuse_makes_the_block_invalid()
    {
        var chain = B.Chain();
        var tx = B.Sign(new DelegateStake(B.D(4), EposBuilder.Addr(55), Units.One(10_000)), 0, 4);
        StringAssert.Contains(Invalid(chain.Propose(Txs(tx))), "ValidatorAddress");
    }

    [TestMethod]
    public void A_double_sign_slashes_half_the_self_stake_80_percent_of_that_from_delegators_half_to_the_leader()
    {
        var chain = B.Chain();
        chain.Step();
        var key = chain.Committee(0).Slots[SlotsOf(chain.Committee(0), V1)[0]].Key;
        var before = chain.State;
        var outcome = chain.Step(Slashes(B.DoubleSign(key, 1)));
        var after = outcome.State!;

        // V1: self 3,000,000, D1 1,000,000, D2 500,000. Validator debt 1,500,000; delegators 1,200,000 split 2:1.
        var v1 = after.Staking.ValidatorAt(V1)!;
        Assert.AreEqual(ValidatorStatus.Banned, v1.Status);
        Assert.AreEqual(Units.One(1_500_000), v1.DelegationOf(V1).Amount);
        Assert.AreEqual(Units.One(200_000), v1.DelegationOf(B.D(1)).Amount);
        Assert.AreEqual(Units.One(100_000), v1.DelegationOf(B.D(2)).Amount);
        // Rewards credited by this block's LastCommit are not touched: the stake covers the debt.
        var committee = chain.HeadCommittee;
        var split = ExpectedRewards.Split(before.Staking.ValidatorAt(V1)!, ExpectedRewards.DueByValidator(committee, AllSlots(committee), Reward)[V1]);
        foreach (var (delegator, reward) in split)
            Assert.AreEqual(before.Staking.ValidatorAt(V1)!.DelegationOf(delegator).Reward + reward, v1.DelegationOf(delegator).Reward);

        var total = Units.One(2_700_000);
        var slash = outcome.Slashes.Single();
        Assert.AreEqual(new SlashEvent(V1, 0, total, Units.One(1_350_000), Units.One(1_350_000), Leader), slash);
        Assert.AreEqual(Units.One(1_350_000), after.Staking.AccountOf(Leader).Balance - before.Staking.AccountOf(Leader).Balance);
        Assert.AreEqual(Units.One(1_350_000), after.Burned);
        Assert.AreEqual(B.GenesisSupply + after.Minted - after.Burned, after.Staking.TotalSupply());
    }

    [TestMethod]
    public void Under_the_2020_rule_every_delegation_loses_the_double_signed_keys_share_of_the_external_stake()
    {
        var chain = B.Chain(B.Rules with { SlashRule = Protocol.Staking.Slashing.SlashRule.Rate2020 });
        chain.Step();
        var committee = chain.Committee(0);
        var slot = SlotsOf(committee, V1)[0];
        var before = chain.State.Staking.ValidatorAt(V1)!;
        var outcome = chain.Step(Slashes(B.DoubleSign(committee.KeyAt(slot), 1)));

        var one = BigInteger.Pow(10, 18);
        var rate = BigInteger.Max(committee.GroupShareOf(slot).Raw, one / 50);
        Assert.IsTrue(rate < one && rate > committee.PowerOf(slot), "the key's share of the external stake, more than its share of all power");
        var after = outcome.State!.Staking.ValidatorAt(V1)!;
        BigInteger total = 0, toLeader = 0;
        foreach (var (delegator, d) in before.Delegations)
        {
            var debit = d.Amount * rate / one;
            Assert.AreEqual(d.Amount - debit, after.DelegationOf(delegator).Amount, $"{delegator}");
            total += debit;
            toLeader += debit / 2;
        }
        Assert.AreEqual(new SlashEvent(V1, 0, total, total - toLeader, toLeader, Leader), outcome.Slashes.Single());
        Assert.AreEqual(ValidatorStatus.Banned, after.Status);
        Assert.AreEqual(B.GenesisSupply + outcome.State.Minted - outcome.State.Burned, outcome.State.Staking.TotalSupply());
    }

    [TestMethod]
    public void The_leader_credit_goes_to_the_including_headers_coinbase()
    {
        var chain = B.Chain();
        chain.Step();
        var key = chain.Committee(1).Slots[SlotsOf(chain.Committee(1), V3)[0]].Key;
        var coinbase = EposBuilder.Addr(500);
        var outcome = chain.Step(Slashes(B.DoubleSign(key, 1, shard: 1)), coinbase: coinbase);
        // V3 has only its self-stake of 4,500,000: 2,250,000 taken, 1,125,000 to the coinbase, the rest burned.
        Assert.AreEqual(Units.One(2_250_000), outcome.State!.Staking.ValidatorAt(V3)!.DelegationOf(V3).Amount);
        Assert.AreEqual(Units.One(1_125_000), outcome.State.Staking.AccountOf(coinbase).Balance);
        Assert.AreEqual(BigInteger.Zero, outcome.State.Staking.AccountOf(Leader).Balance);
        Assert.AreEqual(Units.One(1_125_000), outcome.State.Burned);
        Assert.AreEqual(coinbase, outcome.Slashes.Single().Leader);
    }

    [TestMethod]
    public void A_banned_validator_cannot_be_slashed_again_and_is_no_longer_paid()
    {
        var chain = B.Chain();
        chain.Step();
        var committee = chain.Committee(0);
        var keys = SlotsOf(committee, V1).Select(committee.KeyAt).ToArray();
        StringAssert.EndsWith(Invalid(chain.Propose(Slashes(B.DoubleSign(keys[0], 1), B.DoubleSign(keys[1], 1)))), "is already banned");
        chain.Step(Slashes(B.DoubleSign(keys[0], 1)));
        StringAssert.EndsWith(Invalid(chain.Propose(Slashes(B.DoubleSign(keys[1], 2)))), "is already banned");

        var paid = chain.State.RewardsPaid.GetValueOrDefault(V1);
        var minted = chain.State.Minted;
        var state = chain.Step().State!;
        var due = ExpectedRewards.DueByValidator(committee, AllSlots(committee), Reward);
        Assert.AreEqual(paid, state.RewardsPaid.GetValueOrDefault(V1), "a banned validator is not paid");
        Assert.AreEqual(due[V2], state.Minted - minted, "the banned validator's share is never minted");
    }

    [TestMethod]
    public void Evidence_from_a_key_outside_the_committee_is_invalid()
    {
        var chain = B.Chain();
        chain.Step();
        var stranger = B.NewKey(0).Public;
        StringAssert.Contains(Invalid(chain.Propose(Slashes(B.DoubleSign(stranger, 1)))), "is not in shard 0's committee for epoch 0");
    }

    [TestMethod]
    public void Evidence_with_two_votes_for_the_same_hash_is_invalid()
    {
        var chain = B.Chain();
        chain.Step();
        var key = chain.Committee(0).KeyAt(SlotsOf(chain.Committee(0), V1)[0]);
        var vote = B.Commit(0, 1, 2, HashOf(1, 1), key);
        var record = new SlashRecord(new DoubleSignEvidence(key, 1, 2, vote, vote), Reporter);
        StringAssert.EndsWith(Invalid(chain.Propose(Slashes(record))), "the two votes are for the same block hash");
    }

    [TestMethod]
    public void Evidence_reported_by_the_offender_is_invalid()
    {
        var chain = B.Chain();
        chain.Step();
        var key = chain.Committee(0).KeyAt(SlotsOf(chain.Committee(0), V1)[0]);
        StringAssert.EndsWith(Invalid(chain.Propose(Slashes(B.DoubleSign(key, 1, reporter: V1)))), "the reporter is the offender");
    }

    [TestMethod]
    public void Evidence_with_a_forged_vote_signature_is_invalid()
    {
        var chain = B.Chain();
        chain.Step();
        var committee = chain.Committee(0);
        var key = committee.KeyAt(SlotsOf(committee, V1)[0]);
        var other = committee.KeyAt(SlotsOf(committee, V2)[0]);
        var record = B.DoubleSign(key, 1);
        // The second vote's signature is V2's, not V1's.
        var second = record.Evidence.Second;
        var forged = new Vote(MessageType.Commit, 0, second.ViewId, second.BlockNumber, second.BlockHash, second.Senders, B.Commit(0, 1, 2, HashOf(1, 2), other).Signature);
        var bad = record with { Evidence = record.Evidence with { Second = forged } };
        StringAssert.Contains(Invalid(chain.Propose(Slashes(bad))), "does not verify over the commit payload");
    }
}
