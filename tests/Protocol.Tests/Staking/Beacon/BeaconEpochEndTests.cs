using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>Reference §4.4, §4.5, §5.3: the last beacon block of an epoch releases undelegations, jails, elects and resets counters.</summary>
[TestClass]
public sealed class BeaconEpochEndTests
{
    private static readonly BeaconBuilder B = new();
    private static readonly BeaconBuilder B8 = new(blocksPerEpoch: 8);

    private static int Iter(int n) => n * (int.TryParse(Environment.GetEnvironmentVariable("HARMONYSIM_PROPERTY_SCALE"), out var k) && k > 0 ? k : 1);

    [TestMethod]
    public void Undelegations_are_released_at_the_last_block_of_the_lock_epoch_exactly()
    {
        // Lock of 2 epochs, 4 blocks per epoch: undelegated in epoch 0, released at the last block of epoch 2 (block 11).
        var chain = B.Chain();
        var d1 = B.D(1);
        chain.Step(new BeaconBody([B.Sign(new UndelegateStake(d1, V1, Units.One(100_000)), 0, 1)], [], []));
        var delegation = chain.State.Staking.ValidatorAt(V1)!.DelegationOf(d1);
        Assert.AreEqual(Units.One(900_000), delegation.Amount);
        Assert.AreEqual(new Undelegation(Units.One(100_000), 0), delegation.Undelegations.Single());
        var balance = chain.State.Staking.AccountOf(d1).Balance;

        chain.StepUntil(8); // through block 7, the last of epoch 1
        Assert.AreEqual(balance, chain.State.Staking.AccountOf(d1).Balance, "still locked after epoch 1");
        Assert.HasCount(1, chain.State.Staking.ValidatorAt(V1)!.DelegationOf(d1).Undelegations);

        chain.StepUntil(11);
        Assert.AreEqual(balance, chain.State.Staking.AccountOf(d1).Balance, "still locked before epoch 2's last block");
        var outcome = chain.Step(); // block 11
        Assert.IsNotNull(outcome.Election);
        Assert.AreEqual(balance + Units.One(100_000), outcome.State!.Staking.AccountOf(d1).Balance);
        Assert.IsEmpty(outcome.State.Staking.ValidatorAt(V1)!.DelegationOf(d1).Undelegations);
        Assert.AreEqual(B.GenesisSupply + outcome.State.Minted, outcome.State.Staking.TotalSupply());
    }

    /// <summary>
    /// 8 blocks per epoch: blocks 2–7 pay blocks 1–6, so the epoch counts 6 beacon blocks. V2 (one shard-0 slot) signs
    /// 4 of 6 — exactly 2/3, at the threshold; V1 (two slots) signs 5 of 6 on each — above it.
    /// </summary>
    /// <summary>
    /// Epoch 0 of 8 blocks in which V2 signs <paramref name="v2Signs"/> of the 5 blocks counted before the last one, and
    /// neither V1 nor V2 is in the last block's LastCommit.
    /// </summary>
    private static (BeaconChain Chain, BeaconState Parent, BeaconOutcome Outcome) EpochWithV2AtTwoThirds(int v2Signs = 3)
    {
        var chain = B8.Chain();
        chain.Step();
        for (var j = 0; j < 6; j++)
        {
            var committee = chain.HeadCommittee;
            var signers = HarmonySlotsOf(committee).Concat(j < 5 ? SlotsOf(committee, V1) : []).Concat(j < v2Signs ? SlotsOf(committee, V2) : []).ToArray();
            if (j == 5) return (chain, chain.State, chain.Step(signers: signers));
            chain.Step(signers: signers);
        }
        throw new InvalidOperationException("unreachable");
    }

    [TestMethod]
    public void A_validator_at_or_below_two_thirds_is_made_inactive_and_not_elected()
    {
        var (chain, parent, outcome) = EpochWithV2AtTwoThirds();
        Assert.AreEqual(7UL, chain.Head.Number);
        // Availability is judged on the counters before the last block (§4.4: before its signatures are counted).
        Assert.AreEqual(new SigningCounters(5, 3), parent.Counters[V2]);
        Assert.AreEqual(new SigningCounters(10, 10), parent.Counters[V1]);

        var change = outcome.Jailed.Single();
        Assert.AreEqual(new StatusChange(V2, ValidatorStatus.Active, ValidatorStatus.Inactive, EpochAvailability.InsufficientUptime), change);
        var state = outcome.State!;
        Assert.AreEqual(ValidatorStatus.Inactive, state.Staking.ValidatorAt(V2)!.Status);
        Assert.AreEqual(ValidatorStatus.Active, state.Staking.ValidatorAt(V1)!.Status, "10 of 10 is above 2/3");
        Assert.AreEqual(ValidatorStatus.Active, state.Staking.ValidatorAt(V3)!.Status, "nothing to sign (no crosslinks) is not below");

        var election = outcome.Election!;
        Assert.AreEqual(1UL, election.Epoch);
        Assert.IsTrue(election.Excluded.Any(e => e.Validator == V2), "V2 takes no part in the election");
        Assert.AreEqual(7, election.Summary.ElectedKeys);
        var next = outcome.NextCommittees!;
        Assert.IsFalse(next.Shards.SelectMany(s => s).Any(slot => slot.Owner == V2));
        Assert.AreEqual(2, next.Shards[0].Count(slot => slot.Owner == V1));
        Assert.AreEqual(1UL, next.Epoch);
    }

    [TestMethod]
    public void Availability_is_judged_before_the_last_block_is_counted()
    {
        // 4 of 5 before the last block; counting the last block (which V2 misses) would make it 4 of 6, exactly 2/3.
        var (_, parent, outcome) = EpochWithV2AtTwoThirds(v2Signs: 4);
        Assert.AreEqual(new SigningCounters(5, 4), parent.Counters[V2]);
        Assert.IsEmpty(outcome.Jailed);
        Assert.AreEqual(ValidatorStatus.Active, outcome.State!.Staking.ValidatorAt(V2)!.Status);
        Assert.IsTrue(outcome.NextCommittees!.Shards.SelectMany(s => s).Any(slot => slot.Owner == V2));
    }

    [TestMethod]
    public void The_epoch_end_installs_the_next_committees_and_resets_the_counters()
    {
        var (_, parent, outcome) = EpochWithV2AtTwoThirds();
        var next = outcome.NextCommittees!;
        var decoded = ShardState.Decode(next.Encode());
        Assert.AreEqual(next.Epoch, decoded.Epoch);
        CollectionAssert.AreEqual(next.Encode(), decoded.Encode());
        for (var s = 0; s < Shards; s++) CollectionAssert.AreEqual(next.Shards[s].ToList(), decoded.Shards[s].ToList());

        var state = outcome.State!;
        Assert.AreSame(next, state.Committees);
        Assert.AreSame(parent.Committees, state.PreviousCommittees);
        Assert.AreEqual(B8.GenesisCommittees.Hash, state.PreviousCommittees!.Hash);
        Assert.IsEmpty(state.Counters);
        Assert.IsNotEmpty(parent.Counters);
        // The elected record the new epoch as their last in committee (the early-unlock clock); the others keep theirs.
        var elected = next.Shards.SelectMany(slots => slots).Where(slot => !slot.IsHarmonyOperated).Select(slot => slot.Owner).ToHashSet();
        Assert.IsNotEmpty(elected);
        foreach (var v in state.Staking.Validators.Values)
            Assert.AreEqual(elected.Contains(v.Address) ? next.Epoch : 0UL, v.LastEpochInCommittee, v.Address.ToString());
    }

    [TestMethod]
    public void Without_a_change_the_next_epochs_committees_keep_the_same_keys()
    {
        var chain = B.Chain();
        chain.StepUntil(3);
        var outcome = chain.Step();
        var before = B.GenesisCommittees.Shards.Select(s => s.Select(slot => slot.Key).ToHashSet()).ToList();
        for (var s = 0; s < Shards; s++)
            Assert.IsTrue(before[s].SetEquals(outcome.NextCommittees!.Shards[s].Select(slot => slot.Key)), $"shard {s}");
        Assert.IsEmpty(outcome.Jailed);
    }

    private sealed record Step(int SignerMask, bool Crosslink, int Slash, int Tx);

    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Int[0, 15], Gen.Bool, Gen.Int[0, 12], Gen.Int[0, 5], (m, c, s, t) => new Step(m, c, s, t)).Array[6, 14];

    /// <summary>
    /// Accounting over random block sequences (random LastCommit signers, crosslinks, delegations, undelegations, slashes,
    /// epoch ends with releases and elections): total supply = genesis supply + Minted − Burned, and Minted = Σ RewardsPaid.
    /// </summary>
    [TestMethod]
    public void Supply_is_genesis_plus_minted_minus_burned_after_any_sequence()
    {
        var b = new BeaconBuilder(blocksPerEpoch: 3, lockEpochs: 1);
        Steps.Sample(steps =>
        {
            var chain = b.Chain();
            var d4 = b.D(4);
            foreach (var step in steps)
            {
                var committee = chain.HeadCommittee;
                var signers = Enumerable.Range(0, committee.Count).Where(i => (step.SignerMask >> i & 1) == 1).ToArray();
                var links = new List<Protocol.Sharding.Crosslinks.Crosslink>();
                var n = chain.Head.Number;
                if (step.Crosslink && n > chain.State.LastCrosslink.GetValueOrDefault(1u) && chain.Committees.KnownCommittee(1, b.Rules.EpochOf(n)) is { } shard1)
                    links.Add(b.Crosslink(shard1, n));
                var slashes = new List<SlashRecord>();
                var current = chain.HeadCommittee; // the evidence is for the head's height, judged by its epoch's committee
                var candidates = Enumerable.Range(0, current.Count)
                    .Where(i => !current.Slots[i].IsHarmonyOperated && chain.State.Staking.ValidatorAt(current.Slots[i].Owner)!.Status != ValidatorStatus.Banned).ToList();
                if (step.Slash < 2 && candidates.Count > 0 && chain.NextNumber > 1)
                    slashes.Add(b.DoubleSign(current.KeyAt(candidates[step.Slash % candidates.Count]), chain.Head.Number));
                var txs = new List<SignedStakingTransaction>();
                var nonce = chain.State.Staking.AccountOf(d4).Nonce;
                var target = new[] { V1, V2, V3, V4 }[step.Tx % 4];
                var validator = chain.State.Staking.ValidatorAt(target)!;
                if (step.Tx < 4 && validator.Status != ValidatorStatus.Banned)
                    txs.Add(b.Sign(new DelegateStake(d4, target, Units.One(2_000)), nonce, 4));
                else if (step.Tx >= 4 && validator.DelegationOf(d4).Amount >= Units.One(500))
                    txs.Add(b.Sign(new UndelegateStake(d4, target, Units.One(500)), nonce, 4));

                var state = chain.Step(new BeaconBody(txs, links, slashes), signers).State!;
                Assert.AreEqual(b.GenesisSupply + state.Minted - state.Burned, state.Staking.TotalSupply(), $"after block {chain.Head.Number}");
                Assert.AreEqual(state.Minted, state.RewardsPaid.Values.Aggregate(BigInteger.Zero, (x, y) => x + y));
                Assert.IsTrue(state.Burned >= 0 && state.Minted >= 0);
            }
        }, iter: Iter(25), threads: 1);
    }
}
