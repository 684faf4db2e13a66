using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Sharding.ReshardingFixture;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>The full reshuffle: even committees, Harmony slots kept, a permutation fixed by Rnd, exact voting power.</summary>
[TestClass]
public sealed class RandomnessReshardingTests
{
    private static readonly EposParameters P = new(4, 30, 2, SlotsLimit: 0);
    private static readonly IReadOnlyList<IReadOnlyList<HarmonySlot>> Harmony = SimHarmonyKeys(4, 2);

    /// <summary>103 winners (the pull is 112): shards get 26, 26, 26, 25.</summary>
    private static readonly ElectionResult Election = Elect(P, Validators(103), Harmony);

    [TestMethod]
    public void Shard_sizes_are_as_even_as_possible_and_the_summary_follows()
    {
        var result = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(1));
        CollectionAssert.AreEqual(new[] { 26, 26, 26, 25 }, result.Summary.ExternalKeysPerShard.ToArray());
        CollectionAssert.AreEqual(new[] { 28, 28, 28, 27 }, result.Summary.KeysPerShard.ToArray());
        CollectionAssert.AreEqual(result.Committees.Select(c => c.Count).ToArray(), result.Summary.KeysPerShard.ToArray());
        Assert.AreEqual(Election.Summary.ElectedKeys, result.Summary.ElectedKeys);
        Assert.AreEqual(Election.Summary.Median, result.Summary.Median);
        Assert.AreSame(Election.Excluded, result.Excluded);
        // Key mod 4 does not give even shards here; the reshuffle must.
        Assert.IsFalse(Election.Summary.ExternalKeysPerShard.SequenceEqual(result.Summary.ExternalKeysPerShard));
    }

    [TestMethod]
    public void Harmony_slots_come_first_unchanged()
    {
        var result = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(2));
        for (var s = 0; s < 4; s++)
        {
            CollectionAssert.AreEqual(Election.Committees[s].Take(2).ToArray(), result.Committees[s].Take(2).ToArray());
            Assert.IsTrue(result.Committees[s].Skip(2).All(slot => !slot.IsHarmonyOperated));
        }
    }

    [TestMethod]
    public void Every_winner_sits_exactly_once_on_its_new_shard_in_winner_order()
    {
        var result = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(3));
        Assert.AreEqual(Election.Winners.Count, result.Winners.Count);
        for (var w = 0; w < Election.Winners.Count; w++)
            Assert.AreEqual(Election.Winners[w] with { Shard = result.Winners[w].Shard }, result.Winners[w]);
        for (var s = 0; s < 4; s++)
        {
            var expected = result.Winners.Where(w => w.Shard == s)
                .Select(w => new CommitteeSlot(w.Key, w.Validator, w.EffectiveStake)).ToArray();
            CollectionAssert.AreEqual(expected, result.Committees[s].Skip(2).ToArray(), $"shard {s}");
        }
        var seated = result.Committees.SelectMany(c => c.Skip(2)).Select(slot => slot.Key).ToList();
        Assert.AreEqual(seated.Count, seated.Distinct().Count());
        CollectionAssert.AreEquivalent(Election.Winners.Select(w => w.Key).ToArray(), seated);
    }

    [TestMethod]
    public void The_assignment_is_a_function_of_Rnd()
    {
        int[] Shards(ElectionResult r) => [.. r.Winners.Select(w => w.Shard)];
        var a = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(4));
        var again = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(4));
        CollectionAssert.AreEqual(Shards(a), Shards(again));
        for (var s = 0; s < 4; s++) CollectionAssert.AreEqual(a.Committees[s].ToArray(), again.Committees[s].ToArray());
        var b = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(5));
        CollectionAssert.AreNotEqual(Shards(a), Shards(b));
        // Not merely different: about 3/4 of the winners change shard between two independent Rnds.
        var changed = Shards(a).Zip(Shards(b)).Count(x => x.First != x.Second);
        Assert.IsTrue(changed is > 55 and < 95, $"{changed} of 103 changed shard");
    }

    [TestMethod]
    public void Each_rebuilt_committee_splits_exactly_one_unit_of_voting_power()
    {
        var result = RandomnessResharding.Reassign(Election, Harmony, P, Rnd(6));
        var committees = ElectionCommittees.Build(result, 8, Scheme, P);
        foreach (var c in committees)
        {
            long total = 0;
            for (var i = 0; i < c.Count; i++) total += c.PowerOf(i);
            Assert.AreEqual(VotingPower.One, total, c.ToString());
            Assert.AreEqual(2, c.HarmonySlotCount);
        }
    }

    [TestMethod]
    public void An_election_without_winners_is_returned_unchanged()
    {
        var empty = Elect(P, [], Harmony);
        Assert.IsFalse(empty.HasWinners);
        Assert.AreSame(empty, RandomnessResharding.Reassign(empty, Harmony, P, Rnd(7)));
    }

    [TestMethod]
    public void Harmony_slots_that_differ_from_the_election_are_refused()
    {
        var other = SimHarmonyKeys(4, 2).Reverse().ToArray();
        Assert.ThrowsExactly<ArgumentException>(() => RandomnessResharding.Reassign(Election, other, P, Rnd(8)));
        Assert.ThrowsExactly<ArgumentException>(() => RandomnessResharding.Reassign(Election, Harmony, P with { ShardCount = 3 }, Rnd(8)));
    }

    [TestMethod]
    public void Rnd_streams_are_deterministic_separated_by_purpose_and_unbiased()
    {
        var a = new RndStream(Rnd(1), "x");
        var b = new RndStream(Rnd(1), "x");
        var c = new RndStream(Rnd(1), "y");
        var first = Enumerable.Range(0, 10).Select(_ => a.NextUInt64()).ToArray();
        CollectionAssert.AreEqual(first, Enumerable.Range(0, 10).Select(_ => b.NextUInt64()).ToArray());
        CollectionAssert.AreNotEqual(first, Enumerable.Range(0, 10).Select(_ => c.NextUInt64()).ToArray());
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++) counts[a.NextBelow(6)]++;
        // Each bucket expects 10 000 with a standard deviation of about 91.
        Assert.IsTrue(counts.All(n => Math.Abs(n - 10_000) < 500), string.Join(",", counts));
        Assert.AreEqual(0, a.NextBelow(1));
    }
}
