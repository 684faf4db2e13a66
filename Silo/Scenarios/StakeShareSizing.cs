using System.Numerics;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking;
using HarmonySim.Simulation.Staking;

namespace HarmonySim.Silo.Scenarios;

/// <summary>One node that sits in the first election beside the cohort being sized: its shard, the keys it keeps and its stake per key.</summary>
public sealed record SizingNode(int Shard, int Keys, int KeptKeys, decimal StakePerKey);

/// <summary>
/// What a <c>stake_share</c> sizing is solved against (docs/GAME-OF-STAKES.md, "Sizing by stake share"): the cohort's
/// nodes (count, keys per node, keys kept under HIP-16, shard), the other nodes of the first election, the share
/// wanted and its scope (a shard's voting power, or null: the network's effective stake), the shard's Harmony slots and
/// vote share, the effective-stake clamp c (null: no election, effective stake = stake) and the smallest stake per key.
/// </summary>
public sealed record SizingProblem(
    int Validators, int KeysPerNode, int KeptKeys, int? CohortShard, IReadOnlyList<SizingNode> Others, decimal Target, int? Scope,
    int HarmonySlots, decimal HarmonyVoteShare, decimal? Bound, decimal MinStakePerKey);

/// <summary>The stake per key (whole ONE) a sizing chose and the share it gives, or why no stake gives the share.</summary>
public sealed record SizingAnswer(decimal? StakePerKey, decimal Achieved, string? Problem);

/// <summary>
/// Solves a <c>stake_share</c>: the smallest whole-ONE stake per key that gives the cohort at least the wanted share in
/// the first election, computed with the protocol's own median, clamp and voting-power code. The share grows with the
/// stake until the clamp caps it (the cohort's effective stake cannot pass (1 + c) × median, and once it holds the
/// median the others' lower bound rises with it), so a bisection finds the stake, and a share outside what the lowest
/// and highest stakes reach is refused with both ends named.
/// </summary>
public static class StakeShareSizing
{
    /// <summary>How far the achieved share may lie from the wanted one (absolute, as a fraction: 0.1 percentage point).</summary>
    public const decimal Tolerance = 0.001m;

    /// <summary>The largest stake per key the loader accepts (ONE).</summary>
    public const decimal MaxStakePerKey = 100_000_000_000m;

    public static SizingAnswer Solve(SizingProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var lo = decimal.Ceiling(p.MinStakePerKey);
        var hi = MaxStakePerKey;
        var low = Share(p, lo);
        var high = Share(p, hi);
        if (high < p.Target - Tolerance)
            return new(null, high, $"cannot reach {Percent(p.Target)}: the most the cohort can hold is {Percent(high)}" + Why(p));
        if (low > p.Target + Tolerance)
            return new(null, low, $"cannot be as small as {Percent(p.Target)}: even the smallest stake per key ({lo} ONE) gives {Percent(low)}; add validators to the other cohorts or size this one with fewer validators");
        if (low >= p.Target) return new(lo, low, null);
        // Invariant: Share(lo) < target ≤ Share(hi).
        while (hi - lo > 1)
        {
            var mid = decimal.Floor((lo + hi) / 2);
            if (Share(p, mid) >= p.Target) hi = mid; else lo = mid;
        }
        var achieved = Share(p, hi);
        return Math.Abs(achieved - p.Target) <= Tolerance
            ? new(hi, achieved, null)
            : new(null, achieved, $"cannot be reached to within {Percent(Tolerance)}: the nearest shares are {Percent(Share(p, lo))} and {Percent(achieved)}");
    }

    private static string Why(SizingProblem p) =>
        (p.Scope is not null && p.HarmonySlots > 0 ? $" (Harmony-operated keys hold {Percent(p.HarmonyVoteShare)} of the shard's power" : " (")
        + (p.Bound is { } c ? $"{(p.Scope is not null && p.HarmonySlots > 0 ? "; " : "")}effective stake is capped at {1 + c} × the median of the elected bids)" : p.Scope is not null && p.HarmonySlots > 0 ? ")" : "every other key holds stake)");

    private static string Percent(decimal share) => (share * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The cohort's share with <paramref name="stakePerKey"/> ONE per key: of the scope shard's voting power, or of the network's effective stake.</summary>
    public static decimal Share(SizingProblem p, decimal stakePerKey)
    {
        ArgumentNullException.ThrowIfNull(p);
        var cohortBid = StakingWorld.ToAtto(stakePerKey) * p.KeysPerNode / p.KeptKeys;
        var others = p.Others.Select(o => (o.Shard, Kept: o.KeptKeys, Bid: StakingWorld.ToAtto(o.StakePerKey) * o.Keys / o.KeptKeys)).ToList();
        Func<BigInteger, BigInteger> effective = b => b;
        if (p.Bound is { } c)
        {
            var bids = others.SelectMany(o => Enumerable.Repeat(o.Bid, o.Kept)).Concat(Enumerable.Repeat(cohortBid, p.Validators * p.KeptKeys));
            var median = EffectiveStake.Median(bids);
            var (lower, upper) = EffectiveStake.Bounds(median, c);
            effective = b => BigInteger.Clamp(b, lower, upper);
        }
        var cohortKeys = p.Scope is null || p.CohortShard == p.Scope ? p.Validators * p.KeptKeys : 0;
        if (p.Scope is not { } shard)
        {
            var mine = effective(cohortBid) * cohortKeys;
            var total = mine + others.Aggregate(BigInteger.Zero, (sum, o) => sum + effective(o.Bid) * o.Kept);
            return total.IsZero ? 0 : (decimal)(mine * VotingPower.One / total) / VotingPower.One;
        }
        // The cohort's slots come first, so the rounding remainder Harmony gives the last external slot is another's.
        var stakes = new List<BigInteger?>();
        stakes.AddRange(Enumerable.Repeat<BigInteger?>(effective(cohortBid), cohortKeys));
        stakes.AddRange(others.Where(o => o.Shard == shard).SelectMany(o => Enumerable.Repeat<BigInteger?>(effective(o.Bid), o.Kept)));
        stakes.AddRange(Enumerable.Repeat<BigInteger?>(null, p.HarmonySlots));
        var shares = VotingPower.ComputeShares(stakes, [.. stakes.Select(_ => true)], VotingPower.FromDecimal(p.HarmonyVoteShare));
        var power = shares.Overall.Take(cohortKeys).Aggregate(Dec.Zero, (sum, d) => sum + d);
        return (decimal)power.Raw / VotingPower.One;
    }

}
