using System.Numerics;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.Beacon;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>Reference §3.3, §4.6: crosslinks in a beacon block are verified, pay and count the shard's signers, and advance the shard's last crosslink.</summary>
[TestClass]
public sealed class BeaconCrosslinkTests
{
    private static readonly BeaconBuilder B = new();

    /// <summary>A chain at block 1; the next block's LastCommit is signed by the Harmony slot only, so it mints nothing itself.</summary>
    private static (BeaconChain Chain, int[] HarmonyOnly) AtBlock1()
    {
        var chain = B.Chain();
        chain.Step();
        return (chain, HarmonySlotsOf(chain.HeadCommittee));
    }

    private static BeaconBody With(params Crosslink[] links) => new([], links, []);

    private static string Invalid(BeaconOutcome outcome)
    {
        Assert.IsNull(outcome.State, "expected an invalid block");
        Assert.IsNotNull(outcome.Error);
        return outcome.Error;
    }

    [TestMethod]
    public void A_valid_crosslink_pays_and_counts_the_shards_signers_and_advances_the_last_crosslink()
    {
        var (chain, harmonyOnly) = AtBlock1();
        var shard1 = chain.Committee(1);
        int[] signers = [.. HarmonySlotsOf(shard1), .. SlotsOf(shard1, V3)];
        Assert.IsTrue(shard1.IsQuorum(SignerBitmap.Of(shard1.Count, signers)), "precondition: Harmony + V3 is a quorum");
        var link = B.Crosslink(shard1, 1, signers);
        var before = chain.State;

        var after = chain.Step(With(link), harmonyOnly).State!;

        var due = ExpectedRewards.DueByValidator(shard1, signers, Reward);
        Assert.AreEqual(Reward, due[V3]);
        Assert.AreEqual(Reward, after.Minted - before.Minted);
        Assert.AreEqual(Reward, after.RewardsPaid[V3]);
        Assert.IsFalse(after.RewardsPaid.ContainsKey(V2), "V2's shard-1 slot did not sign");
        Assert.AreEqual(Reward, after.Staking.ValidatorAt(V3)!.DelegationOf(V3).Reward, "V3 has only its self-delegation");
        Assert.AreEqual(new SigningCounters(2, 2), after.Counters[V3]);
        // V2: one shard-1 slot not signed plus one beacon slot (Harmony-only LastCommit) not signed.
        Assert.AreEqual(new SigningCounters(2, 0), after.Counters[V2]);
        Assert.IsFalse(after.Counters.ContainsKey(V4), "shard 2 sent no crosslink");
        Assert.AreEqual(1UL, after.LastCrosslink[1]);
        Assert.IsFalse(after.LastCrosslink.ContainsKey(2));
        Assert.AreEqual(B.GenesisSupply + after.Minted, after.Staking.TotalSupply());
    }

    [TestMethod]
    public void Sixteen_crosslinks_apply_and_seventeen_are_invalid()
    {
        var b = new BeaconBuilder(blocksPerEpoch: 32);
        var chain = b.Chain();
        chain.Step();
        var links = new List<Crosslink>();
        for (ulong n = 1; n <= 8; n++)
        {
            links.Add(b.Crosslink(chain.Committee(1), n));
            links.Add(b.Crosslink(chain.Committee(2), n));
        }
        Assert.IsNull(chain.Propose(With([.. links])).Error);
        var minted = chain.State.Minted;
        var state = chain.Step(With([.. links.OrderBy(l => l.ShardId)])).State!;
        Assert.AreEqual(8UL, state.LastCrosslink[1]);
        Assert.AreEqual(8UL, state.LastCrosslink[2]);
        // The parent block and 16 shard blocks, each paying its reward to within a few atto (truncated slot shares, rounded delegator shares).
        Assert.IsTrue(BigInteger.Abs(17 * Reward - (state.Minted - minted)) <= 17 * 100, $"the parent block and 16 shard blocks: {state.Minted - minted}");

        links.Add(b.Crosslink(chain.Committee(1), 9));
        Assert.AreEqual("17 crosslinks, at most 16 per block", Invalid(chain.Propose(With([.. links]))));
    }

    [TestMethod]
    public void A_crosslink_not_newer_than_the_shards_last_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var shard1 = chain.Committee(1);
        var link1 = B.Crosslink(shard1, 1);
        var link2 = B.Crosslink(shard1, 2);
        StringAssert.Contains(Invalid(chain.Propose(With(link2, link1))), "not newer than shard 1's last crosslink 2");
        chain.Step(With(link1));
        StringAssert.Contains(Invalid(chain.Propose(With(link1))), "not newer than shard 1's last crosslink 1");
        Assert.IsNull(chain.Propose(With(link2)).Error);
    }

    [TestMethod]
    public void A_crosslink_with_a_tampered_signature_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var shard1 = chain.Committee(1);
        var link = B.Crosslink(shard1, 1);
        var other = B.Crosslink(shard1, 2);
        StringAssert.EndsWith(Invalid(chain.Propose(With(link with { Signature = other.Signature }))), "the commit signature does not verify");
        // A bitmap claiming one more signer than signed.
        var fewer = B.Crosslink(shard1, 1, [.. AllSlots(shard1).Skip(1)]);
        StringAssert.EndsWith(Invalid(chain.Propose(With(fewer with { Bitmap = link.Bitmap }))), "the commit signature does not verify");
    }

    [TestMethod]
    public void A_crosslink_whose_signers_are_not_a_quorum_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var shard1 = chain.Committee(1);
        int[] externals = [.. AllSlots(shard1).Where(i => !shard1.Slots[i].IsHarmonyOperated)];
        var link = B.Crosslink(shard1, 1, externals);
        StringAssert.EndsWith(Invalid(chain.Propose(With(link))), "the signers are not a quorum of the shard's committee");
    }

    [TestMethod]
    public void A_crosslink_with_a_malformed_bitmap_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var link = B.Crosslink(chain.Committee(1), 1);
        StringAssert.Contains(Invalid(chain.Propose(With(link with { Bitmap = [0xff, 0xff] }))), "bitmap: ");
    }

    [TestMethod]
    public void A_crosslink_whose_epoch_does_not_match_its_number_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var link = B.Crosslink(chain.Committee(1), 2, epoch: 1);
        StringAssert.EndsWith(Invalid(chain.Propose(With(link))), "epoch does not match the block number");
    }

    [TestMethod]
    public void A_crosslink_for_shard_0_is_invalid()
    {
        var (chain, _) = AtBlock1();
        var link = B.Crosslink(chain.Committee(0), 1);
        StringAssert.EndsWith(Invalid(chain.Propose(With(link))), "the beacon chain does not crosslink its own blocks");
    }

    [TestMethod]
    public void A_crosslink_for_an_epoch_whose_committee_is_unknown_is_invalid()
    {
        var (chain, _) = AtBlock1();
        // Block 5 is in epoch 1: the state at epoch 0 knows no epoch-1 committee yet.
        var link = B.Crosslink(chain.Committee(1), 5);
        Assert.AreEqual(1UL, link.Epoch);
        StringAssert.EndsWith(Invalid(chain.Propose(With(link))), "no committee known for shard 1 epoch 1");
    }

    [TestMethod]
    public void A_crosslink_from_the_previous_epoch_is_verified_against_the_previous_committee()
    {
        var chain = B.Chain();
        var epoch0 = chain.Committee(1);
        chain.StepUntil(4);
        Assert.AreEqual(1UL, chain.State.Committees.Epoch);
        var state = chain.Step(With(B.Crosslink(epoch0, 3))).State!;
        Assert.AreEqual(3UL, state.LastCrosslink[1]);
        // Two epochs back the committee is no longer known.
        chain.StepUntil(9);
        Assert.AreEqual(2UL, chain.State.Epoch);
        StringAssert.EndsWith(Invalid(chain.Propose(With(B.Crosslink(chain.Committees.KnownCommittee(2, 1)!, 2)))), "no committee known for shard 2 epoch 0");
    }
}
