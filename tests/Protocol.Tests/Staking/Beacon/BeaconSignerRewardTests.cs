using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.Beacon;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>Reference §4.6, §5.3: a beacon block pays and counts the signers of its parent from the header's LastCommit bitmap.</summary>
[TestClass]
public sealed class BeaconSignerRewardTests
{
    private static readonly BeaconBuilder B = new();

    private static BigInteger RewardOf(BeaconState state, Address validator, Address delegator) =>
        state.Staking.ValidatorAt(validator)!.DelegationOf(delegator).Reward;

    [TestMethod]
    public void Block_pays_signing_external_slots_by_power_then_commission_and_delegators()
    {
        var chain = B.Chain();
        chain.Step(); // block 1: its LastCommit (genesis) is never paid
        var before = chain.State;
        Assert.AreEqual(BigInteger.Zero, before.Minted);
        var committee = chain.HeadCommittee;
        var v1 = SlotsOf(committee, V1);
        var v2 = SlotsOf(committee, V2);
        Assert.HasCount(2, v1);
        Assert.HasCount(1, v2);
        // Harmony slot, V1's first slot and V2's slot sign; V1's second slot does not.
        int[] signers = [.. HarmonySlotsOf(committee), v1[0], v2[0]];

        var outcome = chain.Step(signers: signers);
        var after = outcome.State!;

        var due = ExpectedRewards.DueByValidator(committee, signers, Reward);
        Assert.AreEqual(Reward, due[V1] + due[V2]);
        Assert.IsTrue(due[V1] > 0 && due[V2] > 0);
        foreach (var (validator, amount) in due)
        {
            var split = ExpectedRewards.Split(before.Staking.ValidatorAt(validator)!, amount);
            foreach (var (delegator, reward) in split)
                Assert.AreEqual(reward, RewardOf(after, validator, delegator) - RewardOf(before, validator, delegator), $"{validator} → {delegator}");
            Assert.AreEqual(amount, after.RewardsPaid[validator]);
        }
        // Commission goes to the validator: V1's self-delegation is 2/3 of its stake but earns more than 2/3 of its due.
        var v1Self = RewardOf(after, V1, V1);
        Assert.IsTrue(v1Self * 3 > due[V1] * 2);
        Assert.AreEqual(Reward, after.Minted - before.Minted, "minted = exactly what was credited");
        Assert.AreEqual(Reward, after.RewardsPaid.Values.Aggregate(BigInteger.Zero, (a, b) => a + b));
        Assert.IsFalse(after.RewardsPaid.ContainsKey(V3));
        Assert.IsFalse(after.RewardsPaid.ContainsKey(V4));
        Assert.IsFalse(after.RewardsPaid.ContainsKey(HarmonyOwner));
        Assert.AreEqual(BigInteger.Zero, after.Staking.AccountOf(HarmonyOwner).Balance);
        Assert.AreEqual(B.GenesisSupply + after.Minted, after.Staking.TotalSupply());

        // Counters: +1 to sign per staked slot, +1 signed per set bit; Harmony slots and other shards are not counted.
        Assert.AreEqual(new SigningCounters(2, 1) + before.Counters.GetValueOrDefault(V1), after.Counters[V1]);
        Assert.AreEqual(new SigningCounters(1, 1) + before.Counters.GetValueOrDefault(V2), after.Counters[V2]);
        Assert.IsFalse(after.Counters.ContainsKey(V3));
        Assert.IsFalse(after.Counters.ContainsKey(HarmonyOwner));
    }

    [TestMethod]
    public void First_block_pays_nobody_and_counts_nothing()
    {
        var outcome = B.Chain().Step();
        Assert.AreEqual(BigInteger.Zero, outcome.State!.Minted);
        Assert.IsEmpty(outcome.State.Counters);
    }

    [TestMethod]
    public void Only_harmony_signing_mints_nothing_but_counts_every_staked_slot()
    {
        var chain = B.Chain();
        chain.Step();
        var committee = chain.HeadCommittee;
        var outcome = chain.Step(signers: HarmonySlotsOf(committee));
        Assert.AreEqual(BigInteger.Zero, outcome.State!.Minted);
        Assert.AreEqual(new SigningCounters(2, 0), outcome.State.Counters[V1]);
        Assert.AreEqual(new SigningCounters(1, 0), outcome.State.Counters[V2]);
    }

    [TestMethod]
    public void Every_block_with_all_signers_mints_what_its_signers_and_their_delegators_are_credited()
    {
        var chain = B.Chain();
        chain.Step();
        for (var i = 0; i < 2; i++)
        {
            var before = chain.State;
            var committee = chain.HeadCommittee;
            chain.Step();
            // Harmony's rounding: slot shares truncated, delegator shares rounded half to even and paid in full.
            var expected = ExpectedRewards.DueByValidator(committee, Enumerable.Range(0, committee.Count), Reward)
                .Select(due => ExpectedRewards.Split(before.Staking.ValidatorAt(due.Key)!, due.Value).Values.Aggregate(BigInteger.Zero, (a, b) => a + b))
                .Aggregate(BigInteger.Zero, (a, b) => a + b);
            Assert.AreEqual(expected, chain.State.Minted - before.Minted);
            Assert.IsTrue(BigInteger.Abs(Reward - expected) <= 100);
            if (i == 0) Assert.AreEqual(new SigningCounters(2, 2), chain.State.Counters[V1]);
        }
        Assert.IsTrue(chain.Rules.IsLastBlockInEpoch(chain.Head.Number));
        Assert.IsEmpty(chain.State.Counters, "counters reset at the epoch's last block");
    }

    [TestMethod]
    public void A_last_commit_bitmap_of_the_wrong_size_is_invalid()
    {
        var chain = B.Chain();
        chain.Step();
        var header = chain.Header(BeaconBody.Empty);
        var bad = new BlockHeader
        {
            ParentHash = header.ParentHash, Coinbase = header.Coinbase, TxHash = header.TxHash, Number = header.Number, Epoch = header.Epoch,
            ViewId = header.ViewId, Time = header.Time, LastCommitSignature = header.LastCommitSignature, LastCommitBitmap = [0xff, 0xff, 0xff],
        };
        var outcome = chain.Apply(bad, BeaconBody.Empty);
        Assert.IsNull(outcome.State);
        StringAssert.StartsWith(outcome.Error, "last commit bitmap");
    }
}
