using System.Numerics;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// Issuance as an annual inflation rate: a year's provisions are <paramref name="Rate"/> × the supply (the definition
/// Cosmos' mint module uses), paid as a per-block reward on every shard. The reward is fixed at each epoch's start from
/// the supply then, the nominal <paramref name="BlockTime"/> and the shard count, so a chain that keeps its block time
/// mints Rate × supply a year; a chain that falls behind mints less. <paramref name="RecoveryShare"/> of every block's
/// reward goes to the recovery (DAO) address, as HIP-30 sends 25 % there; the rest to the block's signers.
/// </summary>
public sealed record AnnualInflation(Dec Rate, TimeSpan BlockTime, int Shards, Dec RecoveryShare)
{
    /// <summary>The Julian year of 31,557,600 s, the year Harmony's APR is annualised over (reference economics §4).</summary>
    public static readonly TimeSpan Year = TimeSpan.FromSeconds(31_557_600);

    /// <summary>The epoch's reward era: per block per shard ⌊supply × rate × block time / (year × shards)⌋ atto-ONE.</summary>
    public RewardEra EraFor(ulong epoch, BigInteger supply)
    {
        if (supply.Sign < 0) throw new ArgumentOutOfRangeException(nameof(supply), "the supply cannot be negative");
        var perBlock = supply * Rate.Raw * BlockTime.Ticks / (Dec.Scale * Year.Ticks * Shards);
        return new RewardEra(epoch, perBlock, perBlock - RecoveryPart(perBlock, RecoveryShare));
    }

    /// <summary>The recovery address's part of a block reward: ⌊reward × share⌋ (the signers get the atto the floor leaves).</summary>
    public static BigInteger RecoveryPart(BigInteger reward, Dec share) => reward * share.Raw / Dec.Scale;
}
