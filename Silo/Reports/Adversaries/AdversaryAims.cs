using System.Globalization;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Adversaries;

/// <summary>
/// The catalogue's aims, one small function each (docs/GAME-OF-STAKES.md, "Verdicts"). Each reads what the run already
/// keeps (shard tallies, the safety check, elections, refused messages) and answers for one adversary, or null when the
/// aim does not apply to its behaviour. A new behaviour joins by adding its aim here (as <see cref="Censored"/> reads the
/// count the shard result carries) and by naming the behaviours it applies to.
/// </summary>
public static class AdversaryAims
{
    /// <summary>Refusal verdicts honest traffic never produces: a forged or malformed message (docs/DESIGN-NOTES.md, "Refusals are counted").</summary>
    public static readonly IReadOnlySet<string> ForgeryVerdicts = new HashSet<string>(["bad_signature", "bad_bitmap", "no_quorum", "missing_prepared_block"], StringComparer.Ordinal);

    /// <summary>Every aim, in report order.</summary>
    public static IReadOnlyList<Func<AdversaryContext, AimResult?>> All { get; } = [Halt, Fork, Capture, ForgeriesRefused, Censored];

    /// <summary>Its shards went longer than <c>checks.liveness_max_gap</c> without a commit during its window: seconds halted inside the window, summed over its shards.</summary>
    public static AimResult? Halt(AdversaryContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var from = c.Adversary.From;
        var until = c.Until;
        var perShard = c.Shards.Select(s => (Shard: s, Seconds: c.Run.Tallies[s].Halts
            .Sum(h => Math.Max(0, ((h.To < until ? h.To : until) - (h.From > from ? h.From : from)).TotalSeconds)))).ToList();
        var total = Math.Round(perShard.Sum(p => p.Seconds), 6);
        var halted = perShard.Where(p => p.Seconds > 0).ToList();
        return new AimResult("halt", total > 0, total, halted.Count == 0
            ? "no shard of its went longer than the liveness bound without a commit in its window"
            : string.Join("; ", halted.Select(p => $"shard {p.Shard} halted {Stats.Format(p.Seconds)} s in its window")));
    }

    /// <summary>The safety check failed. The run cannot tell whose behaviour caused a fork, so it is credited to every adversary, as on the scoreboard.</summary>
    public static AimResult? Fork(AdversaryContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var safety = c.Checks.FirstOrDefault(k => k.Name == "safety");
        var forked = safety is { Passed: false };
        return new AimResult("fork", forked, forked ? 1 : 0, forked ? $"the safety check failed: {safety!.Detail}" : "no fork: the safety check passed");
    }

    /// <summary>It held over 1/3 (could halt) or over 2/3 (could fork) of one shard's voting power in some epoch; the measure is the most it held.</summary>
    public static AimResult? Capture(AdversaryContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var max = c.MaxShardPower.DefaultIfEmpty(0).Max();
        var shard = c.MaxShardPower.ToList().IndexOf(max);
        var aim = max > 2 / 3.0 ? "capture-2/3" : max > 1 / 3.0 ? "capture-1/3" : "capture";
        return new AimResult(aim, max > 1 / 3.0, Math.Round(max, 6),
            max > 0 ? $"held at most {max.ToString("0.####", CultureInfo.InvariantCulture)} of shard {shard}'s voting power" : "held no voting power");
    }

    /// <summary>For forgers: the forged or malformed messages honest nodes of its shards refused (an achieved aim would be one accepted, which the run would show as a failed check).</summary>
    public static AimResult? ForgeriesRefused(AdversaryContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Adversary.Behaviour != "forge") return null;
        var refused = c.ShardResults.SelectMany(s => s.Rejected).Where(kv => ForgeryVerdicts.Contains(kv.Key))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Sum(kv => kv.Value))).ToList();
        var total = refused.Sum(r => r.Count);
        return new AimResult("forged-accepted", false, total,
            $"{total} forged or malformed messages refused" + (refused.Count == 0 ? "" : $" ({string.Join(", ", refused.Select(r => $"{r.Key} {r.Count}"))})"));
    }

    /// <summary>
    /// For censors: the transactions its shards' censoring leaders left out, and how many of them an honest leader took in
    /// later (the protocol's answer is the rotation). Achieved when any was left out; the measure is the count.
    /// </summary>
    public static AimResult? Censored(AdversaryContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Adversary.Behaviour != "censor") return null;
        var results = c.ShardResults.Select(s => s.Censorship).OfType<CensorshipResult>().ToList();
        var censored = results.Sum(r => r.CensoredTransactions);
        var later = results.Sum(r => r.IncludedLater);
        var worst = results.Select(r => r.MaxExtraLatencyS).DefaultIfEmpty(0).Max();
        return new AimResult("censored", censored > 0, censored, censored == 0
            ? "no transaction was left out"
            : $"{censored} transactions left out, {later} included later by another leader, at most {Stats.Format(worst)} s later");
    }
}
