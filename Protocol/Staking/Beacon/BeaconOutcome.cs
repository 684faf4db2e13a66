using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Staking.Availability;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>A slash carried out: the offender, the offence epoch, the total taken, and how it was split.</summary>
public sealed record SlashEvent(Address Validator, ulong Epoch, BigInteger Amount, BigInteger Burned, BigInteger ToLeader, Address Leader);

/// <summary>One election at an epoch's last beacon block: the epoch it elects and its summary.</summary>
/// <remarks>Under randomness resharding, <paramref name="Contributions"/> counts the epoch's randomness contributions and <paramref name="RandomnessQuorum"/> says whether they held a quorum.</remarks>
public sealed record ElectionEvent(ulong Epoch, ElectionSummary Summary, IReadOnlyList<Exclusion> Excluded, bool RandomnessQuorum = true, int Contributions = 0);

/// <summary>
/// The result of applying one beacon block: the new state, or the reason the block is invalid; and what happened
/// that a report shows (slashes, validators made Inactive, the election with the next epoch's committees).
/// </summary>
public sealed record BeaconOutcome(
    BeaconState? State,
    string? Error,
    IReadOnlyList<SlashEvent> Slashes,
    IReadOnlyList<StatusChange> Jailed,
    ElectionEvent? Election,
    ShardState? NextCommittees,
    byte[]? Vdf = null)
{
    public static BeaconOutcome Invalid(string error) => new(null, error, [], [], null, null);

    /// <summary>What an epoch's last block's Vdf field must hold: the VDF output and proof behind the epoch's Rnd (randomness resharding).</summary>
    public byte[] ExpectedVdf => Vdf ?? [];
}
