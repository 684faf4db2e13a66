using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Staking.EposBuilder;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>Elections over valid simulated-scheme keys, so their committees can be built and their voting power read.</summary>
internal static class ReshardingFixture
{
    public static readonly SimulatedSignatureScheme Scheme = new(seed: 5);

    public static PublicKey SimKey(int id) => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(id))).Public;

    /// <summary>Key grinding as an operator would do it: try key material until the key maps to <paramref name="shard"/>.</summary>
    public static PublicKey GroundKey(ref int nextId, int shard, int shards)
    {
        while (true)
        {
            var key = SimKey(nextId++);
            if (ShardAssignment.ShardOf(key, shards) == shard) return key;
        }
    }

    /// <summary>Harmony keys, ids from 10_000_000 up, each on its own shard by key value (as mainnet's Harmony keys are).</summary>
    public static IReadOnlyList<IReadOnlyList<HarmonySlot>> SimHarmonyKeys(int shards, int perShard)
    {
        var next = 10_000_000;
        return [.. Enumerable.Range(0, shards).Select(s => (IReadOnlyList<HarmonySlot>)
            [.. Enumerable.Range(0, perShard).Select(_ => new HarmonySlot(GroundKey(ref next, s, shards), Addr(900_000 + s)))])];
    }

    /// <summary>Validators ranked 1…n with one key each; stake of rank r = 1 000 + (r·37 mod 101) ONE, so bids differ.</summary>
    public static ValidatorCandidate[] Validators(int count, int firstRank = 1) =>
        [.. Enumerable.Range(firstRank, count).Select(r => Validator(r, Ones(1_000 + r * 37 % 101), SimKey(r)))];

    public static ElectionResult Elect(EposParameters p, IReadOnlyList<ValidatorCandidate> candidates, IReadOnlyList<IReadOnlyList<HarmonySlot>> harmony) =>
        EposElection.Compute(candidates, harmony, p);

    public static Hash32 Rnd(int i) => Keccak256.Hash([.. "Rnd"u8, .. BitConverter.GetBytes(i)]);

    /// <summary>A set of validators' share of each shard's voting power, as a fraction of <c>VotingPower.One</c>.</summary>
    public static double[] ShareOf(IReadOnlyList<Committee> committees, IReadOnlySet<Address> owners) =>
        [.. committees.Select(c =>
        {
            BigInteger power = 0;
            for (var i = 0; i < c.Count; i++)
                if (owners.Contains(c.Slots[i].Owner)) power += c.PowerOf(i);
            return (double)power / VotingPower.One;
        })];
}
