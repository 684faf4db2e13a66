using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>One key that won a slot: its validator, its bid (raw per-key stake), its clamped effective stake and its shard.</summary>
public sealed record ElectedKey(Address Validator, PublicKey Key, BigInteger RawStake, BigInteger EffectiveStake, int Shard);

/// <summary>Why a candidate took no part in the auction.</summary>
public enum ExclusionReason
{
    NotActive,
    BelowSigningThreshold,
    HarmonyKey,
    DuplicateKey,
    NoKeys,
}

public sealed record Exclusion(Address Validator, ExclusionReason Reason);

/// <summary>The report's row for one election (report.json "epochs.elections[]").</summary>
public sealed record ElectionSummary(
    int ElectedKeys,
    BigInteger Median,
    IReadOnlyList<int> KeysPerShard,
    IReadOnlyList<int> ExternalKeysPerShard);

/// <summary>
/// The outcome of <see cref="EposElection.Compute"/>. When <see cref="HasWinners"/> is false nobody won and, as in
/// Harmony, the caller keeps the previous epoch's committees; <see cref="Committees"/> is then empty.
/// </summary>
public sealed record ElectionResult(
    bool HasWinners,
    IReadOnlyList<IReadOnlyList<CommitteeSlot>> Committees,
    IReadOnlyList<ElectedKey> Winners,
    ElectionSummary Summary,
    IReadOnlyList<Exclusion> Excluded);
