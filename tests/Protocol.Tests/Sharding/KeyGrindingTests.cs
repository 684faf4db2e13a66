using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Sharding.ReshardingFixture;
using static HarmonySim.Protocol.Tests.Staking.EposBuilder;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>
/// The attack each policy is judged by: a cohort with 20 % of the stake grinds all its keys onto shard 1. Under key
/// mod shards it holds half of shard 1; under Rnd-seeded resharding its keys scatter and no shard reaches 1/3.
/// </summary>
[TestClass]
public sealed class KeyGrindingTests
{
    /// <summary>4 shards × 200 external slots (+2 Harmony slots with 1 % of the vote, as mainnet since HIP-32), no HIP-16 cap.</summary>
    private static readonly EposParameters P = new(4, 202, 2, SlotsLimit: 0, HarmonyVoteShare: 0.01m);

    private static (ElectionResult Election, IReadOnlyList<IReadOnlyList<HarmonySlot>> Harmony, HashSet<Address> Grinders) Setup()
    {
        var harmony = SimHarmonyKeys(4, 2);
        // 640 honest validators with keys as they come, 160 grinders (ranks 10 001…) with keys ground onto shard 1;
        // one key and 1 000 ONE each, so the grinders hold 20 % of the stake and, all 800 keys winning, 20 % of the slots.
        var candidates = Enumerable.Range(1, 640).Select(r => Validator(r, Ones(1_000), SimKey(r))).ToList();
        var next = 5_000_000;
        var grinders = new HashSet<Address>();
        for (var g = 0; g < 160; g++)
        {
            var rank = 10_001 + g;
            candidates.Add(Validator(rank, Ones(1_000), GroundKey(ref next, 1, 4)));
            grinders.Add(Addr(rank));
        }
        var election = Elect(P, candidates, harmony);
        Assert.AreEqual(800, election.Winners.Count);
        return (election, harmony, grinders);
    }

    [TestMethod]
    public void Under_harmony_grinders_with_a_fifth_of_the_stake_hold_over_a_third_of_their_shard()
    {
        var (election, _, grinders) = Setup();
        var shares = ShareOf(ElectionCommittees.Build(election, 1, Scheme, P), grinders);
        // All 160 grinder keys on shard 1 beside about 160 honest ones: about 0.99 × 1/2.
        Assert.IsTrue(shares[1] > 1.0 / 3, $"shard 1 share {shares[1]:F3}");
        Assert.AreEqual(0.0, shares[0] + shares[2] + shares[3]);
    }

    [TestMethod]
    public void Under_randomness_their_share_of_any_shard_stays_below_a_third_over_200_epochs()
    {
        var (election, harmony, grinders) = Setup();
        var worst = 0.0;
        for (var epoch = 0; epoch < 200; epoch++)
        {
            var reassigned = RandomnessResharding.Reassign(election, harmony, P, Rnd(epoch));
            var shares = ShareOf(ElectionCommittees.Build(reassigned, (ulong)epoch, Scheme, P), grinders);
            worst = Math.Max(worst, shares.Max());
        }
        // Per shard the grinders' seat count is hypergeometric (200 of 800 seats, 160 theirs): mean 40 (share 0.198),
        // standard deviation 4.9; a third needs 68 seats, 5.6 standard deviations out. See docs/RESHARDING.md.
        Assert.IsTrue(worst < 1.0 / 3, $"worst share {worst:F3}");
        Assert.IsTrue(worst > 0.2, $"worst share {worst:F3}: the maximum over 800 shard-epochs should sit above the mean");
    }
}
