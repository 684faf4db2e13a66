using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Sharding.ReshardingFixture;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>The bounded cuckoo rule: continuing keys stay unless a newcomer evicts them, at most k per newcomer.</summary>
[TestClass]
public sealed class CuckooReshardingTests
{
    private static readonly EposParameters P = new(4, 30, 2, SlotsLimit: 0);
    private static readonly IReadOnlyList<IReadOnlyList<HarmonySlot>> Harmony = SimHarmonyKeys(4, 2);
    private static readonly ElectionResult Last = RandomnessResharding.Reassign(Elect(P, Validators(103), Harmony), Harmony, P, Rnd(1));

    /// <summary>Validators 1–10 leave, 201–210 join: 103 winners again, 10 of them new.</summary>
    private static readonly ElectionResult Next = Elect(P, [.. Validators(93, firstRank: 11), .. Validators(10, firstRank: 201)], Harmony);

    private static Dictionary<PublicKey, int> ShardsOf(ElectionResult r) => r.Winners.ToDictionary(w => w.Key, w => w.Shard);

    [TestMethod]
    public void Without_newcomers_nobody_moves()
    {
        var election = Elect(P, Validators(103), Harmony);
        var outcome = RandomnessResharding.ReassignCuckoo(election, Harmony, P, Rnd(2), Last.Committees, evictionsPerJoin: 3);
        Assert.AreEqual((0, 0, 0, 0), (outcome.Newcomers, outcome.Evicted, outcome.Displaced, outcome.Moved));
        CollectionAssert.AreEquivalent(ShardsOf(Last).ToArray(), ShardsOf(outcome.Result).ToArray());
    }

    [TestMethod]
    public void Newcomers_evict_at_most_k_continuing_keys_each_and_shards_stay_even()
    {
        var outcome = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(3), Last.Committees, evictionsPerJoin: 2);
        Assert.AreEqual(10, outcome.Newcomers);
        Assert.AreEqual(0, outcome.Displaced, "the leavers freed seats, so no shard is over capacity");
        Assert.AreEqual(20, outcome.Evicted, "every shard had stayers to evict");
        CollectionAssert.AreEqual(new[] { 26, 26, 26, 25 }, outcome.Result.Summary.ExternalKeysPerShard.ToArray());

        var before = ShardsOf(Last);
        var after = ShardsOf(outcome.Result);
        var moved = after.Count(kv => before.TryGetValue(kv.Key, out var s) && s != kv.Value);
        Assert.AreEqual(outcome.Moved, moved);
        Assert.IsTrue(moved <= 20 && moved > 0, $"{moved} moved");
        CollectionAssert.AreEquivalent(Next.Winners.Select(w => w.Key).ToArray(), outcome.Result.Committees.SelectMany(c => c.Skip(2)).Select(s => s.Key).ToArray());
    }

    [TestMethod]
    public void With_no_evictions_only_capacity_moves_anyone()
    {
        var outcome = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(4), Last.Committees, evictionsPerJoin: 0);
        Assert.AreEqual((0, 0, 0), (outcome.Evicted, outcome.Displaced, outcome.Moved));
    }

    [TestMethod]
    public void A_shrinking_pull_displaces_the_excess_of_full_shards()
    {
        // 60 of last epoch's winners return: 15 per shard; wherever more than 15 of them sat, the excess moves.
        var smaller = Elect(P, Validators(60), Harmony);
        var outcome = RandomnessResharding.ReassignCuckoo(smaller, Harmony, P, Rnd(5), Last.Committees, evictionsPerJoin: 2);
        CollectionAssert.AreEqual(new[] { 15, 15, 15, 15 }, outcome.Result.Summary.ExternalKeysPerShard.ToArray());
        Assert.AreEqual(0, outcome.Newcomers);
        var lastShards = ShardsOf(Last);
        var excess = Enumerable.Range(0, 4).Sum(s => Math.Max(0, smaller.Winners.Count(w => lastShards[w.Key] == s) - 15));
        Assert.AreEqual(excess, outcome.Displaced);
        Assert.AreEqual(excess, outcome.Moved);
    }

    [TestMethod]
    public void The_cuckoo_placement_is_a_function_of_its_inputs()
    {
        var a = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(6), Last.Committees, 2);
        var b = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(6), Last.Committees, 2);
        CollectionAssert.AreEqual(a.Result.Winners.ToArray(), b.Result.Winners.ToArray());
        var c = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(7), Last.Committees, 2);
        CollectionAssert.AreNotEqual(a.Result.Winners.ToArray(), c.Result.Winners.ToArray());
    }

    [TestMethod]
    public void Without_a_previous_assignment_everyone_is_placed_at_random_within_capacity()
    {
        var outcome = RandomnessResharding.ReassignCuckoo(Next, Harmony, P, Rnd(8), [], 2);
        Assert.AreEqual(103, outcome.Newcomers);
        Assert.AreEqual(0, outcome.Evicted);
        CollectionAssert.AreEqual(new[] { 26, 26, 26, 25 }, outcome.Result.Summary.ExternalKeysPerShard.ToArray());
    }
}
