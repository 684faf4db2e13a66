using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Conformance.Tests.Support;

/// <summary>A voting-power committee over simulated keys: a null stake makes a Harmony-operated slot.</summary>
public static class TestCommittee
{
    private static readonly SimulatedSignatureScheme Scheme = new(541);

    public static Address Owner(int i) => new(SHA256.HashData(BitConverter.GetBytes(i)).AsSpan(0, Address.Size));

    public static Committee Build(IReadOnlyList<BigInteger?> stakes, decimal harmonyShare)
    {
        var slots = stakes.Select((stake, i) => new CommitteeSlot(Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i))).Public, Owner(i), stake)).ToList();
        return new Committee(0, 3, slots, Scheme, QuorumMode.ByVotingPower, VotingPower.FromDecimal(harmonyShare));
    }

    /// <summary>Whether the slots in <paramref name="signers"/> hold a quorum, as a bitmap check does.</summary>
    public static bool IsQuorum(this Committee committee, IEnumerable<int> signers) =>
        committee.IsQuorum(SignerBitmap.Of(committee.Count, [.. signers]));

    public static long PowerOf(this Committee committee, IEnumerable<int> signers) => signers.Sum(committee.PowerOf);
}
