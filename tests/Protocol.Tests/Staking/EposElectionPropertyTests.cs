using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Invariants of reference §4.3 over random electorates and instances.</summary>
[TestClass]
public sealed class EposElectionPropertyTests
{
    private static readonly Gen<ValidatorCandidate> Candidate =
        from address in Gen.Byte.Array[Address.Size]
        from status in Gen.Int[0, 9].Select(i => i switch { 8 => ValidatorStatus.Inactive, 9 => ValidatorStatus.Banned, _ => ValidatorStatus.Active })
        // Few distinct key values, so duplicates and shared keys happen; 400 is shard 0's first Harmony key.
        from keys in Gen.Int[0, 400].Array[0, 6]
        from stake in Gen.Long[0, long.MaxValue]
        from scale in Gen.Int[1, 1000]
        from inCommittee in Gen.Bool
        from toSign in Gen.UInt[0, 60]
        from signed in Gen.UInt[0, 60]
        select new ValidatorCandidate(new Address(address), status, [.. keys.Select(k => k == 400 ? EposBuilder.Key(1_000_000, 0) : EposBuilder.Key(k, k & 3))], (BigInteger)stake * scale,
            inCommittee, Math.Min(signed, toSign), toSign);

    private static readonly Gen<(EposParameters, ValidatorCandidate[])> Election =
        from shards in Gen.Int[1, 4]
        from slots in Gen.Int[1, 30]
        from harmony in Gen.Int[0, slots]
        from c in Gen.Int[0, 3].Select(i => new[] { 0.15m, 0.35m, 0m, 1m }[i])
        from limit in Gen.Int[0, 4]
        from candidates in Candidate.Array[0, 80]
        select (new EposParameters(shards, slots, harmony, c, limit), candidates);

    [TestMethod]
    public void Winners_respect_pull_clamp_shard_order_and_uniqueness()
    {
        Election.Sample(x =>
        {
            var (p, candidates) = x;
            var harmony = EposBuilder.HarmonyKeys(p.ShardCount, p.HarmonySlotsPerShard);
            var result = EposElection.Compute(candidates, harmony, p);
            var winners = result.Winners;

            // Never more than the pull; the pull is filled when enough keys bid.
            Assert.IsTrue(winners.Count <= p.Pull);
            Assert.AreEqual(winners.Count > 0, result.HasWinners);
            if (!result.HasWinners) return;

            // Clamp, checked as exact rationals: 100·eff within [(100 − 100c)·m, (100 + 100c)·m]; an in-bounds raw stake is kept.
            var c100 = (int)(p.Bound * 100);
            var m = result.Summary.Median;
            foreach (var w in winners)
            {
                Assert.IsTrue(w.EffectiveStake * 100 >= (100 - c100) * m && w.EffectiveStake * 100 <= (100 + c100) * m);
                if (w.RawStake * 100 >= (100 - c100) * m && w.RawStake * 100 <= (100 + c100) * m)
                    Assert.AreEqual(w.RawStake, w.EffectiveStake);
            }

            // Shard by key value; bids non-increasing; no key twice; no Harmony key; HIP-16 per validator and shard.
            Assert.IsTrue(winners.All(w => w.Shard == EposBuilder.ShardByBigInteger(w.Key, p.ShardCount)));
            for (var i = 1; i < winners.Count; i++)
            {
                Assert.IsTrue(winners[i - 1].RawStake >= winners[i].RawStake);
                // Equal bids: validators in ascending address order (a validator's own keys stay together).
                if (winners[i - 1].RawStake == winners[i].RawStake)
                    Assert.IsTrue(winners[i - 1].Validator.ToArray().AsSpan().SequenceCompareTo(winners[i].Validator.ToArray()) <= 0);
            }
            var harmonyKeys = harmony.SelectMany(h => h).Select(h => h.Key).ToHashSet();
            Assert.AreEqual(winners.Count, winners.Select(w => w.Key).Distinct().Count());
            Assert.IsFalse(winners.Any(w => harmonyKeys.Contains(w.Key)));
            if (p.EffectiveSlotsLimit > 0)
                Assert.IsTrue(winners.GroupBy(w => (w.Validator, w.Shard)).All(g => g.Count() <= p.EffectiveSlotsLimit));

            // Only eligible, active validators win.
            var winning = winners.Select(w => w.Validator).ToHashSet();
            Assert.IsTrue(candidates.Where(v => winning.Contains(v.Address)).All(v => Eligibility.Check(v) is null));

            // Committees: Harmony keys then this shard's winners; summary counts agree.
            for (var s = 0; s < p.ShardCount; s++)
            {
                var committee = result.Committees[s];
                Assert.AreEqual(p.HarmonySlotsPerShard + result.Summary.ExternalKeysPerShard[s], committee.Count);
                Assert.AreEqual(committee.Count, result.Summary.KeysPerShard[s]);
                Assert.IsTrue(committee.Take(p.HarmonySlotsPerShard).All(slot => slot.IsHarmonyOperated));
                CollectionAssert.AreEqual(winners.Where(w => w.Shard == s).Select(w => w.Key).ToArray(),
                    committee.Skip(p.HarmonySlotsPerShard).Select(slot => slot.Key).ToArray());
            }
            Assert.AreEqual(winners.Count, result.Summary.ExternalKeysPerShard.Sum());

            // §1.5 on the result: a committee with external slots holds exactly one; Harmony adds the rounding residue only
            // to an external slot, so H Harmony-only slots hold H × 1.Quo(H), within 10^-18 per slot of one (either side).
            foreach (var committee in result.Committees)
            {
                var power = VotingPower.Compute([.. committee.Select(slot => slot.EffectiveStake)], [.. committee.Select(_ => true)], p.HarmonyVoteSharePower);
                if (committee.Count == 0) Assert.AreEqual(0L, power.Sum());
                else if (committee.Any(slot => !slot.IsHarmonyOperated)) Assert.AreEqual(VotingPower.One, power.Sum());
                else Assert.IsTrue(Math.Abs(VotingPower.One - power.Sum()) < committee.Count);
            }
        }, iter: 300);
    }
}
