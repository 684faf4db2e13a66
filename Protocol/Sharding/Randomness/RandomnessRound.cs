using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>
/// Collects one epoch's VRF contributions from a committee's keys and combines them into pRnd once keys holding a
/// quorum have contributed (more than 2/3 of the voting power, or ⌊2n/3⌋ + 1 keys in a by-count committee — the
/// committee's own rule, <see cref="Committee.IsQuorum(long, int)"/>).
/// <para>Every key proves a unique VRF over the same α, so a contributor cannot choose its output; its only
/// freedom is to contribute or withhold. Who closes the round and when (the deadline after which pRnd is committed
/// in a block) is the host's decision; a validator re-checks a committed pRnd by replaying the contributions into a
/// fresh round and comparing value and bitmap.</para>
/// <para>Not thread-safe; one instance per collector.</para>
/// </summary>
public sealed class RandomnessRound
{
    private static readonly byte[] AlphaDomain = "HarmonySim pRnd alpha v1"u8.ToArray();
    private static readonly byte[] CombineDomain = "HarmonySim pRnd v1"u8.ToArray();

    private readonly EpochVrf _vrf;
    private readonly byte[] _alpha;
    private readonly byte[]?[] _outputs;
    private readonly SignerBitmapBuilder _contributors;

    public RandomnessRound(Committee committee, Hash32 seed)
    {
        ArgumentNullException.ThrowIfNull(committee);
        Committee = committee;
        Seed = seed;
        _vrf = EpochVrf.For(committee.Scheme);
        _alpha = Alpha(committee.Epoch, seed);
        _outputs = new byte[committee.Count][];
        _contributors = new SignerBitmapBuilder(committee.Count);
    }

    public Committee Committee { get; }

    /// <summary>What the VRFs are evaluated over, e.g. the previous epoch's Rnd or the hash of the epoch's last block.</summary>
    public Hash32 Seed { get; }

    /// <summary>Distinct keys that contributed.</summary>
    public int Count => _contributors.Count;

    /// <summary>Voting power of the contributors (fixed point, <c>VotingPower.One</c> is the whole committee).</summary>
    public long Power { get; private set; }

    public bool HasQuorum => Committee.IsQuorum(Power, Count);

    /// <summary>
    /// α = "HarmonySim pRnd alpha v1" ‖ epoch (8 bytes BE) ‖ seed: domain-separated from the per-block header VRF
    /// (whose α is the parent hash) and bound to the epoch, so a contribution cannot be replayed in another round.
    /// </summary>
    public static byte[] Alpha(ulong epoch, Hash32 seed)
    {
        var alpha = new byte[AlphaDomain.Length + 8 + Hash32.Size];
        AlphaDomain.CopyTo(alpha, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(alpha.AsSpan(AlphaDomain.Length), epoch);
        seed.WriteTo(alpha.AsSpan(AlphaDomain.Length + 8));
        return alpha;
    }

    /// <summary>A key's contribution to the round of <paramref name="committee"/> over <paramref name="seed"/>.</summary>
    public static RandomnessContribution Contribute(Committee committee, Hash32 seed, KeyPair key)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(key);
        var (_, proof) = EpochVrf.For(committee.Scheme).Evaluate(key.Secret, Alpha(committee.Epoch, seed));
        return new RandomnessContribution(key.Public, proof);
    }

    public ContributionOutcome Add(RandomnessContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return Add(contribution.Key, contribution.Proof);
    }

    /// <summary>Verifies and records a contribution; the outcome says why one was refused.</summary>
    public ContributionOutcome Add(PublicKey key, ReadOnlySpan<byte> proof)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = Committee.IndexOf(key);
        if (index < 0) return ContributionOutcome.NotAMember;
        if (_contributors[index]) return ContributionOutcome.Duplicate;
        if (!_vrf.TryVerify(key, _alpha, proof, out var output)) return ContributionOutcome.InvalidProof;
        _contributors.Set(index);
        _outputs[index] = output;
        Power += Committee.PowerOf(index);
        return ContributionOutcome.Accepted;
    }

    /// <summary>
    /// pRnd over everything accepted so far, or null before the quorum. The value depends on the set of contributors,
    /// never on arrival order: see <see cref="Combine"/>.
    /// </summary>
    public PreliminaryRandomness? TryCombine()
    {
        if (!HasQuorum) return null;
        var bitmap = _contributors.ToBitmap();
        var outputs = new List<byte[]>(Count);
        foreach (var i in bitmap.Members()) outputs.Add(_outputs[i]!);
        return new PreliminaryRandomness(Combine(Seed, bitmap, outputs), bitmap);
    }

    /// <summary>
    /// pRnd = Keccak-256("HarmonySim pRnd v1" ‖ seed ‖ bitmap bytes ‖ β_i …) with the outputs β_i (32 bytes each) in
    /// committee slot order. Hashing rather than XOR-ing: both leave the last contributor the same single choice
    /// (include its unique output or withhold it), but the hash also binds the seed and the contributor set (a
    /// committed value names exactly who contributed), and it has no algebra for colluding contributors to use — with
    /// XOR, two equal outputs would cancel.
    /// </summary>
    public static Hash32 Combine(Hash32 seed, SignerBitmap contributors, IReadOnlyList<byte[]> outputsInSlotOrder)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        ArgumentNullException.ThrowIfNull(outputsInSlotOrder);
        if (outputsInSlotOrder.Count != contributors.Count)
            throw new ArgumentException("one output per contributor", nameof(outputsInSlotOrder));
        var bitmap = contributors.ToBytes();
        var message = new byte[CombineDomain.Length + Hash32.Size + bitmap.Length + outputsInSlotOrder.Count * EpochVrfOutputSize];
        var at = 0;
        CombineDomain.CopyTo(message, at);
        at += CombineDomain.Length;
        seed.WriteTo(message.AsSpan(at));
        at += Hash32.Size;
        bitmap.CopyTo(message, at);
        at += bitmap.Length;
        foreach (var output in outputsInSlotOrder)
        {
            if (output.Length != EpochVrfOutputSize) throw new ArgumentException("a VRF output is 32 bytes", nameof(outputsInSlotOrder));
            output.CopyTo(message, at);
            at += EpochVrfOutputSize;
        }
        return Keccak256.Hash(message);
    }

    private const int EpochVrfOutputSize = 32;
}
