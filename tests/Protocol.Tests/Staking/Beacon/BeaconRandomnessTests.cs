using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>docs/RESHARDING.md: beacon committee VRF contributions in beacon blocks, pRnd at a quorum, Rnd = VDF(pRnd) at the epoch's last block.</summary>
[TestClass]
public sealed class BeaconRandomnessTests
{
    private const int Difficulty = 50;
    private static readonly BeaconBuilder B = new(resharding: new ReshardingPolicy(ReshardingPolicyKind.Randomness, Difficulty));

    private static BeaconBody With(params RandomnessContribution[] contributions) => new([], [], [], contributions);

    private static RandomnessContribution Contribution(Committee committee, Hash32 seed, int slot) =>
        RandomnessRound.Contribute(committee, seed, B.KeyOf(committee.KeyAt(slot)));

    private static RandomnessContribution[] All(BeaconChain chain)
    {
        var committee = chain.Committee(0);
        return [.. AllSlots(committee).Select(i => Contribution(committee, chain.State.RandomnessSeed, i))];
    }

    private static string Invalid(BeaconOutcome outcome)
    {
        Assert.IsNull(outcome.State, "expected an invalid block");
        return outcome.Error!;
    }

    [TestMethod]
    public void Contributions_from_beacon_committee_keys_are_accepted()
    {
        var chain = B.Chain();
        var all = All(chain);
        var header = chain.Header(With(all));
        Assert.IsNotEmpty(header.Vrf);
        var state = chain.Step(With(all[..2])).State!;
        state = chain.Step(With(all[2..])).State!;
        CollectionAssert.AreEqual(all.Select(c => c.Key).ToList(), state.EpochContributions.Select(c => c.Key).ToList());
    }

    [TestMethod]
    public void A_duplicate_contribution_is_invalid_in_the_same_block_and_in_a_later_one()
    {
        var chain = B.Chain();
        var all = All(chain);
        StringAssert.StartsWith(Invalid(chain.Propose(With(all[0], all[0]))), "a second randomness contribution from");
        chain.Step(With(all[0]));
        StringAssert.StartsWith(Invalid(chain.Propose(With(all[1], all[0]))), "a second randomness contribution from");
    }

    [TestMethod]
    public void A_contribution_from_a_key_outside_the_beacon_committee_is_invalid()
    {
        var chain = B.Chain();
        var shard1 = chain.Committee(1);
        var outsider = RandomnessRound.Contribute(chain.Committee(0), chain.State.RandomnessSeed, B.KeyOf(shard1.KeyAt(shard1.Count - 1)));
        StringAssert.EndsWith(Invalid(chain.Propose(With(outsider))), "not a beacon committee key");
    }

    [TestMethod]
    public void A_contribution_whose_proof_does_not_verify_is_invalid()
    {
        var chain = B.Chain();
        var all = All(chain);
        var committee = chain.Committee(0);
        StringAssert.EndsWith(Invalid(chain.Propose(With(all[0] with { Proof = all[1].Proof }))), "does not verify");
        var otherSeed = Contribution(committee, HashOf(9, 9), 0);
        StringAssert.EndsWith(Invalid(chain.Propose(With(otherSeed))), "does not verify");
        StringAssert.EndsWith(Invalid(chain.Propose(With(all[0] with { Proof = [1, 2, 3] }))), "does not verify");
    }

    [TestMethod]
    public void With_a_quorum_the_epoch_end_reshuffles_by_the_VDF_of_the_contributions_pRnd()
    {
        var chain = B.Chain();
        var committee = chain.Committee(0);
        var seed = chain.State.RandomnessSeed;
        var all = All(chain);
        chain.Step(With(all));
        chain.StepUntil(3);
        var parent = chain.State;
        var header = chain.Header(BeaconBody.Empty);
        var outcome = chain.Apply(header, BeaconBody.Empty);
        Assert.IsNull(outcome.Error);

        Assert.IsTrue(outcome.Election!.RandomnessQuorum);
        Assert.AreEqual(4, outcome.Election.Contributions);
        var round = new RandomnessRound(committee, seed);
        foreach (var c in all) Assert.AreEqual(ContributionOutcome.Accepted, round.Add(c));
        var pRnd = round.TryCombine()!.Value;
        Assert.IsNotNull(outcome.Vdf);
        Assert.IsNotEmpty(outcome.Vdf);
        CollectionAssert.AreEqual(outcome.Vdf, outcome.ExpectedVdf);
        Assert.IsTrue(EpochRandomness.TryVerify(pRnd, Difficulty, outcome.Vdf, out var rnd));
        Assert.AreNotEqual(Hash32.Zero, rnd);
        Assert.IsFalse(EpochRandomness.TryVerify(pRnd, Difficulty + 1, outcome.Vdf, out _));

        // The same block under Harmony's key-mod rule: the same slots, placed differently.
        var harmony = BeaconTransition.Apply(parent, header, BeaconBody.Empty, B.Rules with { Resharding = null }, chain.Committees);
        Assert.IsNull(harmony.Vdf);
        var random = outcome.NextCommittees!;
        var keyMod = harmony.NextCommittees!;
        CollectionAssert.AreNotEqual(keyMod.Encode(), random.Encode());
        CollectionAssert.AreEquivalent(keyMod.Shards.SelectMany(s => s).ToList(), random.Shards.SelectMany(s => s).ToList());
        for (var s = 0; s < Shards; s++)
        {
            Assert.AreEqual(4, random.Shards[s].Count, "3 external slots per shard after the reshuffle");
            Assert.IsTrue(random.Shards[s][0].IsHarmonyOperated);
            Assert.AreEqual(B.HarmonySlots[s][0].Key, random.Shards[s][0].Key);
        }
        Assert.IsTrue(random.Shards.SelectMany((slots, s) => slots.Where(slot => !slot.IsHarmonyOperated && EposBuilder.ShardByBigInteger(slot.Key, Shards) != s)).Any(),
            "some key sits off its key-mod shard");

        Assert.AreEqual(header.ParentHash, outcome.State!.RandomnessSeed);
        Assert.IsEmpty(outcome.State.EpochContributions);
    }

    [TestMethod]
    public void Without_a_quorum_the_election_says_so()
    {
        var chain = B.Chain();
        var committee = chain.Committee(0);
        var harmonySlot = HarmonySlotsOf(committee)[0];
        Assert.IsFalse(committee.IsQuorum(SignerBitmap.Of(committee.Count, harmonySlot)), "precondition: the Harmony key alone is no quorum");
        chain.Step(With(Contribution(committee, chain.State.RandomnessSeed, harmonySlot)));
        chain.StepUntil(3);
        var header = chain.Header(BeaconBody.Empty);
        var outcome = chain.Step();
        Assert.IsFalse(outcome.Election!.RandomnessQuorum);
        Assert.AreEqual(1, outcome.Election.Contributions);
        Assert.IsNotEmpty(outcome.ExpectedVdf);
        Assert.AreEqual(header.ParentHash, outcome.State!.RandomnessSeed);
    }

    [TestMethod]
    public void The_next_epochs_contributions_are_over_the_new_seed()
    {
        var chain = B.Chain();
        var oldSeed = chain.State.RandomnessSeed;
        chain.StepUntil(4);
        var newSeed = chain.State.RandomnessSeed;
        Assert.AreEqual(chain.Head.ParentHash, newSeed);
        Assert.AreNotEqual(oldSeed, newSeed);
        var committee = chain.Committee(0);
        Assert.AreEqual(1UL, committee.Epoch);
        StringAssert.EndsWith(Invalid(chain.Propose(With(Contribution(committee, oldSeed, 0)))), "does not verify");
        Assert.IsNull(chain.Propose(With(Contribution(committee, newSeed, 0))).Error);
    }
}
