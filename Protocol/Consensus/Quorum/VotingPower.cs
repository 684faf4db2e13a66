using System.Numerics;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Consensus.Quorum;

/// <summary>
/// Voting power in Harmony's 18-decimal fixed point (<see cref="Dec"/>'s raw value): <see cref="One"/> is the whole
/// committee. Shares are computed with <see cref="Dec"/> exactly as Harmony's <c>votepower.Compute</c> does, so every
/// slot's power matches Harmony's to the last 10^-18 and every node computes the same.
/// </summary>
public static class VotingPower
{
    public const long One = 1_000_000_000_000_000_000;

    /// <summary>2/3 as Harmony's <c>Dec</c> rounds it (2.Quo(3)); quorum by power is strictly greater.</summary>
    public const long TwoThirds = 666_666_666_666_666_667;

    /// <summary>Parses a share such as 0.68 into fixed point; exact for up to 18 decimals.</summary>
    public static long FromDecimal(decimal share)
    {
        if (share < 0 || share > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "a vote share lies between 0 and 1");
        var scaled = share * One;
        if (scaled != decimal.Truncate(scaled)) throw new ArgumentException($"share {share} has more than 18 decimals", nameof(share));
        return (long)scaled;
    }

    /// <summary>Each slot's share of the committee's power (<see cref="VoteShares.Overall"/>), as raw fixed point.</summary>
    public static long[] Compute(IReadOnlyList<BigInteger?> effectiveStakes, IReadOnlyList<bool> counted, long harmonyShare) =>
        [.. ComputeShares(effectiveStakes, counted, harmonyShare).Overall.Select(p => (long)p.Raw)];

    /// <summary>
    /// Harmony's roster (reference §1.5, <c>consensus/votepower/roster.go Compute</c>), in <see cref="Dec"/>: a
    /// Harmony-operated slot (no effective stake) gets hp.Quo(H); an external slot's group share is
    /// stake.Quo(Σ external stake) and its overall share that group share .Mul(1 − hp); what the rounding leaves of
    /// one (1 − Σ overall) is added to the last external slot. Without external slots nothing is added, so Harmony
    /// slots hold H × hp.Quo(H), a few 10^-18 short of one.
    /// <para>Deliberately unlike Harmony, a committee with only one kind of slot gives that kind all the power
    /// (hp counts as 1 without external slots and as 0 without Harmony slots): Harmony's networks always have both, and
    /// its formula would leave a Harmony-only shard with hp of the power (never a quorum when hp ≤ 2/3).</para>
    /// Slots flagged in <paramref name="counted"/> as false (duplicate keys) get nothing and count in no total.
    /// </summary>
    public static VoteShares ComputeShares(IReadOnlyList<BigInteger?> effectiveStakes, IReadOnlyList<bool> counted, long harmonyShare)
    {
        var n = effectiveStakes.Count;
        var overall = new Dec[n];
        var group = new Dec[n];
        var harmony = 0;
        var stakeTotal = Dec.Zero;
        var lastExternal = -1;
        for (var i = 0; i < n; i++)
        {
            if (!counted[i]) continue;
            if (effectiveStakes[i] is { } stake)
            {
                if (stake.Sign < 0) throw new ArgumentException($"slot {i} has negative effective stake", nameof(effectiveStakes));
                stakeTotal += Dec.FromInteger(stake);
                lastExternal = i;
            }
            else harmony++;
        }
        if (harmony == 0 && lastExternal < 0) return new VoteShares(overall, group);

        var harmonyPart = harmony == 0 ? Dec.Zero : lastExternal < 0 ? Dec.One : new Dec(harmonyShare);
        var externalPart = Dec.One - harmonyPart;
        var harmonySlot = harmony == 0 ? Dec.Zero : harmonyPart.Quo(Dec.FromInteger(harmony));
        var sum = Dec.Zero;
        for (var i = 0; i < n; i++)
        {
            if (!counted[i]) continue;
            if (effectiveStakes[i] is { } stake)
            {
                // Harmony divides by a zero total (it panics); no stake at all here gives every external slot 0 but the last.
                group[i] = stakeTotal.IsZero ? Dec.Zero : Dec.FromInteger(stake).Quo(stakeTotal);
                overall[i] = group[i].Mul(externalPart);
            }
            else
            {
                overall[i] = harmonySlot;
                // Harmony divides by a zero Harmony share too; its slots then hold nothing within their group either.
                group[i] = harmonyPart.IsZero ? Dec.Zero : harmonySlot.Quo(harmonyPart);
            }
            sum += overall[i];
        }
        if (lastExternal >= 0) overall[lastExternal] += Dec.One - sum;
        return new VoteShares(overall, group);
    }
}

/// <summary>
/// Each slot's voting power: <see cref="Overall"/>, its share of the whole committee (what quorum and rewards use),
/// and <see cref="Group"/>, its share within its own kind — an external slot's share of the external stake, which the
/// 2020 slashing rule sums (Harmony's <c>GroupPercent</c>).
/// </summary>
public sealed record VoteShares(IReadOnlyList<Dec> Overall, IReadOnlyList<Dec> Group);
