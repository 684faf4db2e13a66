using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Sharding;

/// <summary>The two resharding policies a scenario can name (docs/RESHARDING.md).</summary>
public enum ReshardingPolicyKind
{
    /// <summary>Scenario value <c>harmony</c>: a key's shard is its public key mod the shard count, as on mainnet.</summary>
    Harmony,

    /// <summary>Scenario value <c>randomness</c>: shards drawn from the epoch's Rnd = VDF(pRnd).</summary>
    Randomness,
}

/// <summary>
/// A scenario's resharding policy and its parameters. <see cref="VdfDifficulty"/> is T, the squarings of
/// Rnd = VDF(pRnd); <see cref="Cuckoo"/> switches from a full reshuffle each epoch to the bounded cuckoo rule with
/// <see cref="CuckooEvictionsPerJoin"/> evictions per newcomer. Both are ignored under <see cref="ReshardingPolicyKind.Harmony"/>.
/// </summary>
public sealed record ReshardingPolicy(
    ReshardingPolicyKind Kind,
    int VdfDifficulty = ReshardingPolicy.DefaultVdfDifficulty,
    bool Cuckoo = false,
    int CuckooEvictionsPerJoin = ReshardingPolicy.DefaultCuckooEvictionsPerJoin)
{
    /// <summary>Harmony's testnet setting for its (never enabled) class-group VDF; about 0.27 s with the proof over RSA-2048 here (bench/VdfBenchmarks.cs).</summary>
    public const int DefaultVdfDifficulty = 10_000;

    public const int DefaultCuckooEvictionsPerJoin = 2;

    public static ReshardingPolicy Harmony { get; } = new(ReshardingPolicyKind.Harmony);

    public static ReshardingPolicy Randomness { get; } = new(ReshardingPolicyKind.Randomness);

    /// <summary>The scenario-file value: <c>harmony</c> or <c>randomness</c>.</summary>
    public string Name => Kind == ReshardingPolicyKind.Harmony ? "harmony" : "randomness";

    /// <summary>Parses a scenario-file value (exact, lower case); false for anything else.</summary>
    public static bool TryParseKind(string? name, out ReshardingPolicyKind kind)
    {
        switch (name)
        {
            case "harmony":
                kind = ReshardingPolicyKind.Harmony;
                return true;
            case "randomness":
                kind = ReshardingPolicyKind.Randomness;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "harmony or randomness");
        ArgumentOutOfRangeException.ThrowIfLessThan(VdfDifficulty, 1, nameof(VdfDifficulty));
        ArgumentOutOfRangeException.ThrowIfNegative(CuckooEvictionsPerJoin, nameof(CuckooEvictionsPerJoin));
    }

    /// <summary>
    /// Places an election's winners on shards. Under <c>harmony</c> the election already did (key mod shards) and is
    /// returned as it is. Under <c>randomness</c> <paramref name="rnd"/> is required; with <see cref="Cuckoo"/> and
    /// previous committees the bounded cuckoo rule applies, otherwise the full reshuffle.
    /// </summary>
    public ElectionResult Apply(
        ElectionResult election,
        IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots,
        EposParameters parameters,
        Hash32? rnd,
        IReadOnlyList<IReadOnlyList<CommitteeSlot>>? previousCommittees = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        Validate();
        if (Kind == ReshardingPolicyKind.Harmony) return election;
        if (rnd is not { } r) throw new ArgumentNullException(nameof(rnd), "the randomness policy needs the epoch's Rnd");
        return Cuckoo && previousCommittees is not null
            ? RandomnessResharding.ReassignCuckoo(election, harmonySlots, parameters, r, previousCommittees, CuckooEvictionsPerJoin).Result
            : RandomnessResharding.Reassign(election, harmonySlots, parameters, r);
    }
}
