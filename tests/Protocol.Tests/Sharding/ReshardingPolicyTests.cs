using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Sharding.ReshardingFixture;

namespace HarmonySim.Protocol.Tests.Sharding;

[TestClass]
public sealed class ReshardingPolicyTests
{
    private static readonly EposParameters P = new(2, 12, 1, SlotsLimit: 0);
    private static readonly IReadOnlyList<IReadOnlyList<HarmonySlot>> Harmony = SimHarmonyKeys(2, 1);
    private static readonly ElectionResult Election = Elect(P, Validators(22), Harmony);

    [TestMethod]
    public void Scenario_names_parse_exactly()
    {
        Assert.IsTrue(ReshardingPolicy.TryParseKind("harmony", out var h));
        Assert.AreEqual(ReshardingPolicyKind.Harmony, h);
        Assert.IsTrue(ReshardingPolicy.TryParseKind("randomness", out var r));
        Assert.AreEqual(ReshardingPolicyKind.Randomness, r);
        Assert.IsFalse(ReshardingPolicy.TryParseKind("Harmony", out _));
        Assert.IsFalse(ReshardingPolicy.TryParseKind("vrf", out _));
        Assert.IsFalse(ReshardingPolicy.TryParseKind(null, out _));
        Assert.AreEqual("harmony", ReshardingPolicy.Harmony.Name);
        Assert.AreEqual("randomness", ReshardingPolicy.Randomness.Name);
    }

    [TestMethod]
    public void Harmony_keeps_the_election_and_randomness_reshuffles_it()
    {
        Assert.AreSame(Election, ReshardingPolicy.Harmony.Apply(Election, Harmony, P, rnd: null));
        var full = ReshardingPolicy.Randomness.Apply(Election, Harmony, P, Rnd(1));
        CollectionAssert.AreEqual(RandomnessResharding.Reassign(Election, Harmony, P, Rnd(1)).Winners.ToArray(), full.Winners.ToArray());
        Assert.ThrowsExactly<ArgumentNullException>(() => ReshardingPolicy.Randomness.Apply(Election, Harmony, P, rnd: null));

        var cuckoo = ReshardingPolicy.Randomness with { Cuckoo = true, CuckooEvictionsPerJoin = 1 };
        var expected = RandomnessResharding.ReassignCuckoo(Election, Harmony, P, Rnd(2), full.Committees, 1).Result;
        CollectionAssert.AreEqual(expected.Winners.ToArray(), cuckoo.Apply(Election, Harmony, P, Rnd(2), full.Committees).Winners.ToArray());
        // Without previous committees (the first epoch) the cuckoo policy falls back to the full reshuffle.
        CollectionAssert.AreEqual(full.Winners.ToArray(), cuckoo.Apply(Election, Harmony, P, Rnd(1)).Winners.ToArray());
    }

    [TestMethod]
    public void Bad_parameters_are_refused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => (ReshardingPolicy.Randomness with { VdfDifficulty = 0 }).Validate());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => (ReshardingPolicy.Randomness with { CuckooEvictionsPerJoin = -1 }).Validate());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReshardingPolicy((ReshardingPolicyKind)7).Validate());
    }
}
