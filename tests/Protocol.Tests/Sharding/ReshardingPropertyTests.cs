using CsCheck;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Sharding.ReshardingFixture;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>Invariants of both reshuffles over random instance sizes, electorates and Rnds.</summary>
[TestClass]
public sealed class ReshardingPropertyTests
{
    private static readonly Gen<(EposParameters P, int Validators, int Returning, int Joining, Hash32 Rnd, int K)> Case =
        from shards in Gen.Int[1, 5]
        from slots in Gen.Int[1, 25]
        from harmony in Gen.Int[0, slots]
        from validators in Gen.Int[0, 120]
        from returning in Gen.Int[0, 120]
        from joining in Gen.Int[0, 40]
        from rnd in Gen.Byte.Array[Hash32.Size]
        from k in Gen.Int[0, 4]
        select (new EposParameters(shards, slots, harmony, SlotsLimit: 0), validators, returning, joining, new Hash32(rnd), k);

    private static readonly Dictionary<int, IReadOnlyList<IReadOnlyList<HarmonySlot>>> HarmonyCache = [];

    private static IReadOnlyList<IReadOnlyList<HarmonySlot>> HarmonyFor(EposParameters p)
    {
        lock (HarmonyCache)
        {
            var id = p.ShardCount * 100 + p.HarmonySlotsPerShard;
            if (!HarmonyCache.TryGetValue(id, out var keys)) HarmonyCache[id] = keys = SimHarmonyKeys(p.ShardCount, p.HarmonySlotsPerShard);
            return keys;
        }
    }

    /// <summary>The reshuffled result seats exactly the election's winners, once each, with even shards and the Harmony slots in front.</summary>
    private static void AssertWellFormed(ElectionResult election, ElectionResult result, EposParameters p)
    {
        if (!election.HasWinners)
        {
            Assert.AreSame(election, result);
            return;
        }
        var h = p.HarmonySlotsPerShard;
        var seated = result.Committees.SelectMany(c => c.Skip(h)).Select(s => (s.Key, s.Owner, s.EffectiveStake)).OrderBy(x => x.Key.ToString()).ToArray();
        var won = election.Winners.Select(w => (w.Key, Owner: w.Validator, EffectiveStake: (System.Numerics.BigInteger?)w.EffectiveStake)).OrderBy(x => x.Key.ToString()).ToArray();
        CollectionAssert.AreEqual(won, seated, "a permutation of the winners");
        var w = election.Winners.Count;
        for (var s = 0; s < p.ShardCount; s++)
        {
            Assert.AreEqual(w / p.ShardCount + (s < w % p.ShardCount ? 1 : 0), result.Summary.ExternalKeysPerShard[s]);
            CollectionAssert.AreEqual(election.Committees[s].Take(h).ToArray(), result.Committees[s].Take(h).ToArray());
            CollectionAssert.AreEqual(result.Winners.Where(x => x.Shard == s).Select(x => x.Key).ToArray(),
                result.Committees[s].Skip(h).Select(x => x.Key).ToArray(), "winner order within the shard");
        }
    }

    [TestMethod]
    public void Reassign_is_a_permutation_of_the_winners_into_even_shards()
    {
        Case.Sample(c =>
        {
            var harmony = HarmonyFor(c.P);
            var election = Elect(c.P, Validators(c.Validators), harmony);
            AssertWellFormed(election, RandomnessResharding.Reassign(election, harmony, c.P, c.Rnd), c.P);
        }, iter: 150);
    }

    [TestMethod]
    public void The_cuckoo_rule_is_a_permutation_too_and_moves_at_most_k_per_newcomer_plus_the_displaced()
    {
        Case.Sample(c =>
        {
            var harmony = HarmonyFor(c.P);
            var last = RandomnessResharding.Reassign(Elect(c.P, Validators(c.Validators), harmony), harmony, c.P, c.Rnd);
            var election = Elect(c.P, [.. Validators(c.Returning), .. Validators(c.Joining, firstRank: 1_000)], harmony);
            var outcome = RandomnessResharding.ReassignCuckoo(election, harmony, c.P, Keccak256.Hash(c.Rnd.ToArray()),
                last.HasWinners ? last.Committees : [], c.K);
            AssertWellFormed(election, outcome.Result, c.P);
            Assert.IsTrue(outcome.Moved <= outcome.Displaced + outcome.Evicted);
            Assert.IsTrue(outcome.Evicted <= c.K * outcome.Newcomers);
        }, iter: 150);
    }
}
