using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Crypto.Vdf;
using HarmonySim.Protocol.Sharding.Randomness;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>pRnd from the committee's VRF contributions: quorum, rejection reasons, order independence; Rnd = VDF(pRnd).</summary>
[TestClass]
public sealed class RandomnessRoundTests
{
    private static readonly SimulatedSignatureScheme Scheme = new(seed: 11);
    private static readonly Hash32 Seed = Keccak256.Hash("previous epoch's Rnd"u8);

    /// <summary>Six keys with effective stakes 10, 10, 10, 10, 10, 50: the last key holds half the power.</summary>
    private static (Committee Committee, KeyPair[] Keys) Weighted(ISignatureScheme scheme, int count = 6)
    {
        var keys = Enumerable.Range(0, count).Select(i => scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        var slots = keys.Select((k, i) => new CommitteeSlot(k.Public, Address.OfBlsKey(k.Public.Bytes),
            new BigInteger(i == count - 1 ? 50 : 10))).ToArray();
        return (new Committee(0, epoch: 9, slots, scheme, QuorumMode.ByVotingPower), keys);
    }

    [TestMethod]
    public void No_pRnd_before_more_than_two_thirds_of_the_power_contributed()
    {
        var (committee, keys) = Weighted(Scheme);
        var round = new RandomnessRound(committee, Seed);
        // Five small keys: exactly half the power.
        foreach (var k in keys[..5])
        {
            Assert.AreEqual(ContributionOutcome.Accepted, round.Add(RandomnessRound.Contribute(committee, Seed, k)));
            Assert.IsNull(round.TryCombine());
        }
        Assert.AreEqual(5, round.Count);
        Assert.AreEqual(VotingPower.One / 2, round.Power);
        Assert.IsFalse(round.HasQuorum);
        Assert.AreEqual(ContributionOutcome.Accepted, round.Add(RandomnessRound.Contribute(committee, Seed, keys[5])));
        var pRnd = round.TryCombine();
        Assert.IsNotNull(pRnd);
        Assert.AreEqual(6, pRnd.Contributors.Count);
    }

    [TestMethod]
    public void A_large_key_and_two_small_ones_reach_the_quorum_but_not_one_small_key()
    {
        var (committee, keys) = Weighted(Scheme);
        var round = new RandomnessRound(committee, Seed);
        round.Add(RandomnessRound.Contribute(committee, Seed, keys[5]));
        round.Add(RandomnessRound.Contribute(committee, Seed, keys[0]));
        Assert.IsNull(round.TryCombine(), "60 % of the power");
        round.Add(RandomnessRound.Contribute(committee, Seed, keys[3]));
        Assert.IsNotNull(round.TryCombine(), "70 % of the power");
    }

    [TestMethod]
    public void Invalid_foreign_and_repeated_contributions_are_refused_with_a_reason()
    {
        var (committee, keys) = Weighted(Scheme);
        var round = new RandomnessRound(committee, Seed);
        var good = RandomnessRound.Contribute(committee, Seed, keys[1]);

        // Another key's proof, a proof over another seed, a proof for another epoch, garbage, a truncated proof.
        var other = RandomnessRound.Contribute(committee, Seed, keys[2]);
        Assert.AreEqual(ContributionOutcome.InvalidProof, round.Add(keys[1].Public, other.Proof));
        var otherSeed = RandomnessRound.Contribute(committee, Keccak256.Hash("another seed"u8), keys[1]);
        Assert.AreEqual(ContributionOutcome.InvalidProof, round.Add(otherSeed));
        var otherEpoch = EpochVrf.For(Scheme).Evaluate(keys[1].Secret, RandomnessRound.Alpha(committee.Epoch + 1, Seed));
        Assert.AreEqual(ContributionOutcome.InvalidProof, round.Add(keys[1].Public, otherEpoch.Proof));
        Assert.AreEqual(ContributionOutcome.InvalidProof, round.Add(keys[1].Public, new byte[Signature.Size]));
        Assert.AreEqual(ContributionOutcome.InvalidProof, round.Add(keys[1].Public, good.Proof.AsSpan(1)));
        Assert.AreEqual(0, round.Count);

        var outsider = Scheme.CreateKey(SHA256.HashData("outsider"u8));
        Assert.AreEqual(ContributionOutcome.NotAMember, round.Add(RandomnessRound.Contribute(committee, Seed, outsider)));

        Assert.AreEqual(ContributionOutcome.Accepted, round.Add(good));
        var power = round.Power;
        Assert.AreEqual(ContributionOutcome.Duplicate, round.Add(good));
        Assert.AreEqual(ContributionOutcome.Duplicate, round.Add(keys[1].Public, other.Proof), "the first contribution stands");
        Assert.AreEqual(1, round.Count);
        Assert.AreEqual(power, round.Power);
    }

    [TestMethod]
    public void The_same_contributors_give_the_same_pRnd_whatever_the_arrival_order()
    {
        var (committee, keys) = Weighted(Scheme);
        var contributions = keys.Select(k => RandomnessRound.Contribute(committee, Seed, k)).ToArray();
        PreliminaryRandomness? first = null;
        for (var shuffle = 0; shuffle < 30; shuffle++)
        {
            var order = contributions.OrderBy(c => Keccak256.Hash([.. c.Key.Bytes, (byte)shuffle])).ToArray();
            var round = new RandomnessRound(committee, Seed);
            foreach (var c in order) round.Add(c);
            var pRnd = round.TryCombine()!;
            first ??= pRnd;
            Assert.AreEqual(first.Value, pRnd.Value);
            Assert.AreEqual(first.Contributors, pRnd.Contributors);
        }
    }

    [TestMethod]
    public void Different_contributor_sets_or_seeds_give_different_pRnd()
    {
        var (committee, keys) = Weighted(Scheme);
        PreliminaryRandomness Run(Hash32 seed, params int[] who)
        {
            var round = new RandomnessRound(committee, seed);
            foreach (var i in who) round.Add(RandomnessRound.Contribute(committee, seed, keys[i]));
            return round.TryCombine()!;
        }
        var all = Run(Seed, 0, 1, 2, 3, 4, 5);
        var withheld = Run(Seed, 0, 1, 2, 3, 5);
        Assert.AreNotEqual(all.Value, withheld.Value, "withholding changes pRnd (the one bit of influence the VDF hides)");
        Assert.AreNotEqual(all.Value, Run(Keccak256.Hash("other"u8), 0, 1, 2, 3, 4, 5).Value);
    }

    [TestMethod]
    public void A_by_count_committee_needs_two_thirds_of_the_keys_plus_one()
    {
        var keys = Enumerable.Range(0, 7).Select(i => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(100 + i)))).ToArray();
        var committee = new Committee(1, 3, [.. keys.Select(k => new CommitteeSlot(k.Public, Address.OfBlsKey(k.Public.Bytes)))], Scheme);
        var round = new RandomnessRound(committee, Seed);
        for (var i = 0; i < 5; i++)
        {
            Assert.IsNull(round.TryCombine());
            round.Add(RandomnessRound.Contribute(committee, Seed, keys[i]));
        }
        Assert.AreEqual(5, committee.CountThreshold);
        Assert.IsNotNull(round.TryCombine());
    }

    [TestMethod]
    public void Under_the_bls_scheme_contributions_are_Harmony_BLS_VRF_proofs()
    {
        var bls = new BlsSignatureScheme();
        var (committee, keys) = Weighted(bls, count: 4);
        var round = new RandomnessRound(committee, Seed);
        var alpha = RandomnessRound.Alpha(committee.Epoch, Seed);
        foreach (var k in keys)
        {
            var c = RandomnessRound.Contribute(committee, Seed, k);
            Assert.IsTrue(BlsVrf.TryVerify(k.Public.Bytes, alpha, c.Proof, out _));
            Assert.AreEqual(ContributionOutcome.Accepted, round.Add(c));
        }
        var forged = RandomnessRound.Contribute(committee, Seed, keys[0]);
        var round2 = new RandomnessRound(committee, Seed);
        Assert.AreEqual(ContributionOutcome.InvalidProof, round2.Add(keys[1].Public, forged.Proof));
        Assert.IsNotNull(round.TryCombine());
    }

    [TestMethod]
    public void Rnd_is_the_VDF_of_pRnd_and_verifies_from_the_header_bytes()
    {
        var vdf = new WesolowskiVdf(new RsaGroup(((BigInteger.One << 127) - 1) * ((BigInteger.One << 89) - 1)));
        var pRnd = Keccak256.Hash("pRnd"u8);
        var (rnd, result) = EpochRandomness.Derive(pRnd, 500, vdf);
        var bytes = result.ToBytes(vdf.Group);
        Assert.IsTrue(EpochRandomness.TryVerify(pRnd, 500, bytes, out var checkedRnd, vdf));
        Assert.AreEqual(rnd, checkedRnd);
        Assert.IsFalse(EpochRandomness.TryVerify(pRnd, 499, bytes, out _, vdf));
        Assert.IsFalse(EpochRandomness.TryVerify(Keccak256.Hash("pRnd'"u8), 500, bytes, out _, vdf));
        Assert.AreNotEqual(rnd, EpochRandomness.Derive(Keccak256.Hash("pRnd'"u8), 500, vdf).Rnd);
    }
}
