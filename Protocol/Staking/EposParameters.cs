using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Protocol.Staking;

/// <summary>
/// The sharding instance an election runs against (reference §3.4 table, §4.3).
/// <para><paramref name="Bound"/> is c in the clamp [(1−c)·median, (1+c)·median]: 0.35 on mainnet from epoch 631,
/// <see cref="BoundBeforeEpoch631"/> before.</para>
/// <para><paramref name="SlotsLimit"/> is the HIP-16 cap on one validator's keys per shard; null takes mainnet's
/// rule <see cref="DefaultSlotsLimit"/>; 0 means no cap (mainnet before epoch 999).</para>
/// <para><paramref name="HarmonyVoteShare"/> is the fraction of each shard's voting power the Harmony slots share (§1.5).</para>
/// </summary>
public sealed record EposParameters(
    int ShardCount,
    int SlotsPerShard,
    int HarmonySlotsPerShard,
    decimal Bound = EposParameters.DefaultBound,
    int? SlotsLimit = null,
    decimal HarmonyVoteShare = 0.49m)
{
    public const decimal DefaultBound = 0.35m;
    public const decimal BoundBeforeEpoch631 = 0.15m;

    /// <summary>HIP-16's cap as a percentage of a shard's external slots.</summary>
    public const int SlotsLimitPercent = 6;

    /// <summary>c for a mainnet epoch: 0.15 before <c>EPoSBound35Epoch</c> (631), 0.35 from it.</summary>
    public static decimal BoundForEpoch(ulong epoch) => epoch < 631 ? BoundBeforeEpoch631 : DefaultBound;

    /// <summary>
    /// Mainnet's HIP-16 cap: ⌊(slots − Harmony slots) per shard × 6 %⌋, in integers
    /// (225 → 13 from epoch 999, 180 → 10 from 1673, 198 → 11 from 2152).
    /// </summary>
    public static int DefaultSlotsLimit(int slotsPerShard, int harmonySlotsPerShard) =>
        (slotsPerShard - harmonySlotsPerShard) * SlotsLimitPercent / 100;

    /// <summary>Mainnet from epoch 2152 (HIP-32): 2 shards × 200 slots, 2 Harmony slots each, 1 % Harmony vote.</summary>
    public static EposParameters Mainnet2152 => new(2, 200, 2, HarmonyVoteShare: 0.01m);

    /// <summary>Mainnet epochs 999–1672 (HIP-16): 4 shards × 250 slots, 25 Harmony slots each, 49 % Harmony vote.</summary>
    public static EposParameters Mainnet999 => new(4, 250, 25, HarmonyVoteShare: 0.49m);

    /// <summary>Keys the election fills network-wide: (slots − Harmony slots) × shards.</summary>
    public int Pull => (SlotsPerShard - HarmonySlotsPerShard) * ShardCount;

    /// <summary>The cap in force: <see cref="SlotsLimit"/> or mainnet's rule; 0 = no cap.</summary>
    public int EffectiveSlotsLimit => SlotsLimit ?? DefaultSlotsLimit(SlotsPerShard, HarmonySlotsPerShard);

    /// <summary><see cref="HarmonyVoteShare"/> in <see cref="VotingPower"/> fixed point, for <c>Committee</c>.</summary>
    public long HarmonyVoteSharePower => VotingPower.FromDecimal(HarmonyVoteShare);

    public void Validate()
    {
        if (ShardCount < 1) throw new ArgumentOutOfRangeException(nameof(ShardCount), ShardCount, "at least one shard");
        if (HarmonySlotsPerShard < 0 || HarmonySlotsPerShard > SlotsPerShard)
            throw new ArgumentOutOfRangeException(nameof(HarmonySlotsPerShard), HarmonySlotsPerShard, "between 0 and the slots per shard");
        if (Bound < 0 || Bound > 1) throw new ArgumentOutOfRangeException(nameof(Bound), Bound, "c lies between 0 and 1");
        if (SlotsLimit is < 0) throw new ArgumentOutOfRangeException(nameof(SlotsLimit), SlotsLimit, "0 (no cap) or more");
        _ = HarmonyVoteSharePower;
    }
}
