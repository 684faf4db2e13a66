using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>One committee key's VRF proof over the round's α (see <see cref="RandomnessRound.Alpha"/>).</summary>
public sealed record RandomnessContribution(PublicKey Key, byte[] Proof);

/// <summary>What became of a contribution offered to a <see cref="RandomnessRound"/>.</summary>
public enum ContributionOutcome
{
    Accepted,

    /// <summary>The key holds no voting slot in the committee.</summary>
    NotAMember,

    /// <summary>The key already contributed; the first contribution stands (a unique VRF has only one valid proof anyway).</summary>
    Duplicate,

    /// <summary>The proof does not verify against the key and α (or is not a well-formed proof).</summary>
    InvalidProof,
}

/// <summary>
/// The epoch's preliminary randomness: <see cref="Value"/> combines the VRF outputs of <see cref="Contributors"/>
/// (a bitmap over the committee's slots), which hold a quorum.
/// </summary>
public sealed record PreliminaryRandomness(Hash32 Value, SignerBitmap Contributors);
