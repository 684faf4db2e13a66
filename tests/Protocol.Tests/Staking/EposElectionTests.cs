using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Staking;
using static HarmonySim.Protocol.Tests.Staking.EposBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.3 (and §3.4 for committee order): the EPoS auction end to end.</summary>
[TestClass]
public sealed class EposElectionTests
{
    /// <summary>
    /// 250 validators, validator r (r = 1…250) with one key on each of the 4 shards and stake 4 000·r ONE + 3 atto,
    /// so its per-key bid is 1 000·r ONE (the 3 atto are lost in rounding 3/4 down). Listed in reverse so the
    /// input order is not the answer.
    /// </summary>
    private static ValidatorCandidate[] Mainnet999Candidates() =>
        [.. Enumerable.Range(1, 250).Reverse().Select(r =>
            Validator(r, Ones(4_000L * r) + 3, [.. Enumerable.Range(0, 4).Select(s => Key(r * 10 + s, s))]))];

    [TestMethod]
    public void Mainnet_sized_election_over_900_keys_matches_the_hand_computed_median_and_clamps()
    {
        var p = EposParameters.Mainnet999;
        Assert.AreEqual(900, p.Pull);
        var result = EposElection.Compute(Mainnet999Candidates(), HarmonyKeys(4, 25), p);

        // By hand: the 900 best keys are those of validators 26…250 (225 validators × 4 keys). Their bids form the
        // arithmetic run 26 000 … 250 000 ONE, each value 4 times, so the median is the middle value (26 + 250)/2 = 138
        // thousand ONE; the clamp is [0.65 × 138 000, 1.35 × 138 000] = [89 700, 186 300] ONE.
        Assert.IsTrue(result.HasWinners);
        Assert.AreEqual(900, result.Summary.ElectedKeys);
        Assert.AreEqual(Ones(138_000), result.Summary.Median);
        CollectionAssert.AreEqual(new[] { 250, 250, 250, 250 }, result.Summary.KeysPerShard.ToArray());
        CollectionAssert.AreEqual(new[] { 225, 225, 225, 225 }, result.Summary.ExternalKeysPerShard.ToArray());

        var elected = result.Winners.Select(w => w.Validator).Distinct().ToHashSet();
        CollectionAssert.AreEquivalent(Enumerable.Range(26, 225).Select(Addr).ToArray(), elected.ToArray());
        foreach (var w in result.Winners)
        {
            var r = (int)(w.RawStake / Ones(1_000));
            Assert.AreEqual(Ones(1_000L * r), w.RawStake, "bid = stake / 4 rounded down to the atto");
            var expected = r <= 89 ? Ones(89_700) : r >= 187 ? Ones(186_300) : Ones(1_000L * r);
            Assert.AreEqual(expected, w.EffectiveStake, $"validator {r}");
        }
        Assert.AreEqual(64 * 4, result.Winners.Count(w => w.EffectiveStake == Ones(89_700)));
        Assert.AreEqual(64 * 4, result.Winners.Count(w => w.EffectiveStake == Ones(186_300)));
    }

    [TestMethod]
    public void Committees_list_harmony_keys_first_in_their_order_then_winners_by_descending_bid()
    {
        var harmony = HarmonyKeys(4, 25);
        var result = EposElection.Compute(Mainnet999Candidates(), harmony, EposParameters.Mainnet999);
        for (var s = 0; s < 4; s++)
        {
            var committee = result.Committees[s];
            CollectionAssert.AreEqual(harmony[s].Select(h => h.Key).ToArray(), committee.Take(25).Select(c => c.Key).ToArray());
            Assert.IsTrue(committee.Take(25).All(c => c.IsHarmonyOperated && c.Owner == harmony[s][0].Owner));
            var external = committee.Skip(25).ToArray();
            Assert.IsTrue(external.All(c => !c.IsHarmonyOperated && ShardByBigInteger(c.Key, 4) == s));
            // Validator r's key on shard s is Key(10r + s); descending bid means r = 250, 249, …, 26.
            CollectionAssert.AreEqual(Enumerable.Range(26, 225).Reverse().Select(r => Key(r * 10 + s, s)).ToArray(), external.Select(c => c.Key).ToArray());
            CollectionAssert.AreEqual(Enumerable.Range(26, 225).Reverse().Select(Addr).ToArray(), external.Select(c => c.Owner).ToArray());
        }
    }

    [TestMethod]
    public void Voting_power_of_each_elected_committee_sums_exactly_to_one()
    {
        // Real (simulated-scheme) keys so that Committee accepts them; shards follow the keys' values.
        using var scheme = new SimulatedSignatureScheme(7);
        PublicKey SchemeKey(int i) => scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i))).Public;
        var p = new EposParameters(2, 200, 2, HarmonyVoteShare: 0.01m);
        var harmony = new[] { 0, 1 }.Select(s => (IReadOnlyList<HarmonySlot>)[new HarmonySlot(SchemeKey(-1 - 2 * s), Addr(9_000)), new HarmonySlot(SchemeKey(-2 - 2 * s), Addr(9_000))]).ToArray();
        var candidates = Enumerable.Range(1, 200).Select(r =>
            Validator(r, Ones(1_000_003L * r + 7), [.. Enumerable.Range(0, 1 + r % 4).Select(k => SchemeKey(r * 10 + k))])).ToArray();

        var result = EposElection.Compute(candidates, harmony, p);

        Assert.IsTrue(result.HasWinners);
        var committees = ElectionCommittees.Build(result, 1, scheme, p);
        Assert.AreEqual(2, committees.Count);
        foreach (var committee in committees)
        {
            Assert.AreEqual(QuorumMode.ByVotingPower, committee.Mode);
            var powers = Enumerable.Range(0, committee.Count).Select(committee.PowerOf).ToArray();
            Assert.AreEqual(VotingPower.One, powers.Sum());
            Assert.AreEqual(VotingPower.FromDecimal(0.005m), powers[0]);
            Assert.AreEqual(VotingPower.FromDecimal(0.005m), powers[1]);
        }
    }

    [TestMethod]
    public void Hip16_keeps_at_most_the_cap_of_a_validators_keys_per_shard_in_registered_order()
    {
        // 15 keys on shard 1 then 5 on shard 0; cap 11 keeps the 5 and the first 11 of shard 1: bid = stake / 16.
        var keys = Enumerable.Range(0, 15).Select(i => Key(100 + i, 1)).Concat(Enumerable.Range(0, 5).Select(i => Key(200 + i, 0))).ToArray();
        var p = EposParameters.Mainnet2152;
        Assert.AreEqual(11, p.EffectiveSlotsLimit);
        var result = EposElection.Compute([Validator(1, Ones(1_600) + 15, keys)], HarmonyKeys(2, 2), p);

        Assert.AreEqual(16, result.Summary.ElectedKeys);
        CollectionAssert.AreEqual(keys.Take(11).Concat(keys.Skip(15)).ToArray(), result.Winners.Select(w => w.Key).ToArray());
        Assert.IsTrue(result.Winners.All(w => w.RawStake == Ones(100)));
        CollectionAssert.AreEqual(new[] { 5, 11 }, result.Summary.ExternalKeysPerShard.ToArray());
    }

    [TestMethod]
    public void Mainnet_2152_election_caps_a_key_grinder_at_11_keys_on_its_shard()
    {
        // 198 validators r = 1…198 with a shard-0 key then a shard-1 key, stake 2 000·r ONE (bid 1 000·r ONE), and a
        // grinder (address 500) with 30 keys all on shard 1 and 15 000 000 ONE.
        var honest = Enumerable.Range(1, 198).Select(r => Validator(r, Ones(2_000L * r), Key(r * 10, 0), Key(r * 10 + 1, 1)));
        var grinder = Validator(500, Ones(15_000_000), [.. Enumerable.Range(0, 30).Select(i => Key(50_000 + i, 1))]);
        var result = EposElection.Compute([grinder, .. honest], HarmonyKeys(2, 2), EposParameters.Mainnet2152);

        // By hand: HIP-16 keeps 11 grinder keys, bid 15 000 000 / 11 ONE rounded down to the atto, the top 11 bids.
        // The other 385 seats go to honest keys two by two from r = 198 down: 192 full pairs (r = 198…7) and r = 6's
        // first (shard-0) key. Shard 0: 193 external keys; shard 1: 192 + 11 = 203.
        var grinderBid = Ones(15_000_000) / 11;
        Assert.AreEqual(396, result.Summary.ElectedKeys);
        CollectionAssert.AreEqual(Enumerable.Repeat(grinderBid, 11).ToArray(), result.Winners.Take(11).Select(w => w.RawStake).ToArray());
        Assert.AreEqual(11, result.Winners.Count(w => w.Validator == Addr(500)));
        CollectionAssert.AreEqual(new[] { 193, 203 }, result.Summary.ExternalKeysPerShard.ToArray());
        CollectionAssert.AreEqual(new[] { 195, 205 }, result.Summary.KeysPerShard.ToArray());
        Assert.AreEqual(Key(60, 0), result.Winners[^1].Key);

        // Median: 0-based places 197 and 198 of the descending picks are honest places 186 and 187, the pair of
        // r = 198 − 93 = 105, so the median is 105 000 ONE and the clamp [68 250, 141 750] ONE.
        Assert.AreEqual(Ones(105_000), result.Summary.Median);
        Assert.IsTrue(result.Winners.Take(11).All(w => w.EffectiveStake == Ones(141_750) && w.Shard == 1));
        Assert.AreEqual(Ones(68_250), result.Winners.Single(w => w.Validator == Addr(6)).EffectiveStake);
        Assert.AreEqual(Ones(141_000), result.Winners.First(w => w.Validator == Addr(141)).EffectiveStake);
        Assert.AreEqual(Ones(141_750), result.Winners.First(w => w.Validator == Addr(142)).EffectiveStake);
    }

    [TestMethod]
    public void A_slots_limit_of_zero_keeps_every_key()
    {
        var keys = Enumerable.Range(0, 15).Select(i => Key(100 + i, 1)).ToArray();
        var result = EposElection.Compute([Validator(1, Ones(1_500), keys)], HarmonyKeys(2, 2), EposParameters.Mainnet2152 with { SlotsLimit = 0 });
        Assert.AreEqual(15, result.Summary.ElectedKeys);
    }

    [TestMethod]
    [DataRow(250, 25, 13)]
    [DataRow(200, 20, 10)]
    [DataRow(200, 2, 11)]
    public void Default_slots_limit_follows_mainnet_hip16(int slots, int harmony, int limit)
    {
        Assert.AreEqual(limit, EposParameters.DefaultSlotsLimit(slots, harmony));
        Assert.AreEqual(limit, new EposParameters(2, slots, harmony).EffectiveSlotsLimit);
    }

    [TestMethod]
    public void A_validator_holding_a_harmony_key_is_dropped_whole()
    {
        var harmony = HarmonyKeys(2, 2);
        var result = EposElection.Compute(
            [Validator(1, Ones(100), Key(1), harmony[1][0].Key), Validator(2, Ones(10), Key(2))], harmony, EposParameters.Mainnet2152);

        CollectionAssert.AreEqual(new[] { Key(2) }, result.Winners.Select(w => w.Key).ToArray());
        Assert.AreEqual(new Exclusion(Addr(1), ExclusionReason.HarmonyKey), result.Excluded.Single());
    }

    [TestMethod]
    public void Harmony_accounts_without_a_seat_block_validators_too()
    {
        var unseated = Key(777_777);
        var result = EposElection.Compute(
            [Validator(1, Ones(100), Key(1), unseated), Validator(2, Ones(10), Key(2))], HarmonyKeys(2, 2), EposParameters.Mainnet2152,
            otherHarmonyKeys: [unseated]);
        CollectionAssert.AreEqual(new[] { Addr(2) }, result.Winners.Select(w => w.Validator).ToArray());
        Assert.AreEqual(new Exclusion(Addr(1), ExclusionReason.HarmonyKey), result.Excluded.Single());
    }

    [TestMethod]
    public void A_validator_without_keys_does_not_bid()
    {
        var result = EposElection.Compute([Validator(1, Ones(100))], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        Assert.IsFalse(result.HasWinners);
        Assert.AreEqual(new Exclusion(Addr(1), ExclusionReason.NoKeys), result.Excluded.Single());
    }

    [TestMethod]
    public void A_key_claimed_twice_drops_the_later_validator_and_its_other_keys_stay_claimed()
    {
        // Candidate order decides: A (listed first) keeps K; B reuses K and is dropped; C reuses B's own key and is
        // dropped too, as Harmony's prepareOrders marks a dropped validator's unclaimed keys as seen.
        var k = Key(1);
        var candidates = new[]
        {
            Validator(3, Ones(10), k),
            Validator(1, Ones(500), Key(2), k),
            Validator(2, Ones(500), Key(2)),
        };
        var result = EposElection.Compute(candidates, HarmonyKeys(2, 2), EposParameters.Mainnet2152);

        CollectionAssert.AreEqual(new[] { Addr(3) }, result.Winners.Select(w => w.Validator).ToArray());
        CollectionAssert.AreEqual(
            new[] { new Exclusion(Addr(1), ExclusionReason.DuplicateKey), new Exclusion(Addr(2), ExclusionReason.DuplicateKey) },
            result.Excluded.ToArray());
    }

    [TestMethod]
    public void A_validator_listing_its_own_key_twice_is_dropped()
    {
        var result = EposElection.Compute([Validator(1, Ones(10), Key(1), Key(1))], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        Assert.IsFalse(result.HasWinners);
        Assert.AreEqual(ExclusionReason.DuplicateKey, result.Excluded.Single().Reason);
    }

    [TestMethod]
    public void An_ineligible_validator_claims_no_keys()
    {
        var inactive = Validator(1, Ones(10), Key(1)) with { Status = ValidatorStatus.Inactive };
        var result = EposElection.Compute([inactive, Validator(2, Ones(10), Key(1))], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        CollectionAssert.AreEqual(new[] { Addr(2) }, result.Winners.Select(w => w.Validator).ToArray());
    }

    [TestMethod]
    public void Below_threshold_validators_of_the_current_committee_do_not_bid()
    {
        var dark = Validator(1, Ones(1_000), Key(1)) with { InCurrentCommittee = true, BlocksSigned = 2, BlocksToSign = 3 };
        var result = EposElection.Compute([dark, Validator(2, Ones(10), Key(2))], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        CollectionAssert.AreEqual(new[] { Addr(2) }, result.Winners.Select(w => w.Validator).ToArray());
        Assert.AreEqual(new Exclusion(Addr(1), ExclusionReason.BelowSigningThreshold), result.Excluded.Single());
    }

    [TestMethod]
    public void Bids_are_rounded_down_to_the_atto()
    {
        // 10 atto over 3 keys bids 3 atto a key (Harmony: 3.333…): a tie with 3 atto on one key, broken by address.
        var p = new EposParameters(1, 3, 0, SlotsLimit: 0);
        var result = EposElection.Compute(
            [Validator(2, 3, Key(10)), Validator(1, 10, Key(1), Key(2), Key(3))], HarmonyKeys(1, 0), p);

        Assert.IsTrue(result.Winners.All(w => w.RawStake == 3));
        CollectionAssert.AreEqual(new[] { Key(1), Key(2), Key(3) }, result.Winners.Select(w => w.Key).ToArray());
    }

    [TestMethod]
    public void Equal_bids_are_ordered_by_address_ascending_whatever_the_candidate_order()
    {
        // Pull 2 over three equal bids: the two lowest addresses win, in address order.
        var p = new EposParameters(1, 3, 1, SlotsLimit: 0);
        var result = EposElection.Compute(
            [Validator(30, Ones(5), Key(3)), Validator(10, Ones(5), Key(1)), Validator(20, Ones(5), Key(2))], HarmonyKeys(1, 1), p);

        CollectionAssert.AreEqual(new[] { Addr(10), Addr(20) }, result.Winners.Select(w => w.Validator).ToArray());
        CollectionAssert.AreEqual(new[] { Addr(10), Addr(20) }, result.Committees[0].Skip(1).Select(c => c.Owner).ToArray());
    }

    [TestMethod]
    public void Address_order_compares_bytes_from_the_first()
    {
        var high = new byte[20];
        high[0] = 1;
        Assert.IsTrue(AddressOrder.Instance.Compare(new(high), Addr(int.MaxValue)) > 0);
        Assert.IsTrue(AddressOrder.Instance.Compare(Addr(1), Addr(2)) < 0);
    }

    [TestMethod]
    public void Fewer_keys_than_the_pull_all_win_and_the_even_median_is_the_mean_of_the_middle_two()
    {
        var result = EposElection.Compute(
            [Validator(1, Ones(100), Key(1, 0)), Validator(2, Ones(300), Key(2, 1)), Validator(3, Ones(200), Key(3, 0)), Validator(4, Ones(1_000), Key(4, 1))],
            HarmonyKeys(2, 2), EposParameters.Mainnet2152);

        Assert.AreEqual(4, result.Summary.ElectedKeys);
        Assert.AreEqual(Ones(250), result.Summary.Median);
        // Clamp [162.5, 337.5] ONE.
        CollectionAssert.AreEqual(
            new[] { Ones(3375) / 10, Ones(300), Ones(200), Ones(1625) / 10 },
            result.Winners.Select(w => w.EffectiveStake).ToArray());
        CollectionAssert.AreEqual(new[] { 4, 4 }, result.Summary.KeysPerShard.ToArray());
    }

    [TestMethod]
    public void Nobody_wins_without_eligible_candidates_and_the_caller_keeps_the_previous_committees()
    {
        var banned = Validator(1, Ones(10), Key(1)) with { Status = ValidatorStatus.Banned };
        var result = EposElection.Compute([banned], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        Assert.IsFalse(result.HasWinners);
        Assert.AreEqual(0, result.Committees.Count);
        Assert.AreEqual(0, result.Summary.ElectedKeys);
    }

    [TestMethod]
    public void Committees_cannot_be_built_from_an_election_nobody_won()
    {
        var result = EposElection.Compute([], HarmonyKeys(2, 2), EposParameters.Mainnet2152);
        using var scheme = new SimulatedSignatureScheme(1);
        Assert.ThrowsExactly<InvalidOperationException>(() => ElectionCommittees.Build(result, 1, scheme, EposParameters.Mainnet2152));
    }

    [TestMethod]
    public void Nobody_wins_when_harmony_fills_every_slot()
    {
        var result = EposElection.Compute([Validator(1, Ones(10), Key(1))], HarmonyKeys(2, 5), new EposParameters(2, 5, 5));
        Assert.IsFalse(result.HasWinners);
    }

    [TestMethod]
    public void Harmony_keys_must_match_the_instance()
    {
        Assert.ThrowsExactly<ArgumentException>(() => EposElection.Compute([], HarmonyKeys(2, 1), EposParameters.Mainnet2152));
        Assert.ThrowsExactly<ArgumentException>(() => EposElection.Compute([], HarmonyKeys(4, 2), EposParameters.Mainnet2152));
    }
}
