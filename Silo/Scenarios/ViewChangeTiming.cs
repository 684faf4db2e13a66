using System.Globalization;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Whether a view-change timeout and a view-change slot work together (docs/DESIGN-NOTES.md, "View-change timing
/// coherence"). View IDs come from the clock: the next view is one more per whole slot since the head block. A node
/// whose view change times out starts again, and within the same slot that is the same view, so the same leader.
/// With timeout ≤ slot ≤ 2 × timeout (mainnet: 27 s and 45 s) every view gets one or two attempts and none is skipped.
/// </summary>
public static class ViewChangeTiming
{
    /// <summary>Why the pair is incoherent, naming both fields and values; null when it is coherent.</summary>
    public static string? Incoherence(TimeSpan timeout, TimeSpan slot)
    {
        var (t, s) = (timeout.Ticks, slot.Ticks);
        if (t <= 0 || s <= 0) return null;
        var band = "keep view_change_timeout ≤ view_change_slot ≤ 2 × view_change_timeout (mainnet: 27s and 45s)";
        if (s > 2 * t)
        {
            // The ticks of one node are a timeout apart, so a slot holds at most ⌈slot / timeout⌉ of them.
            var attempts = (s + t - 1) / t;
            return $"view_change_timeout ({Seconds(timeout)}) is less than half of view_change_slot ({Seconds(slot)}): a view change " +
                $"that times out retries the same leader until the slot ends (up to {attempts} attempts), so a silent leader holds the " +
                $"shard for up to {Seconds(TimeSpan.FromTicks(attempts * t))}, not {Seconds(timeout)}; {band}";
        }
        if (t > s)
        {
            var (fewest, most) = (t / s, (t + s - 1) / s);
            var moves = fewest == most ? $"exactly {fewest} views, skipping {fewest - 1} leader{(fewest - 1 == 1 ? "" : "s")} every time"
                : $"{fewest} or {most} views, skipping up to {most - 1} leader{(most - 1 == 1 ? "" : "s")} untried";
            return $"view_change_timeout ({Seconds(timeout)}) is longer than view_change_slot ({Seconds(slot)}): view IDs advance every " +
                $"{Seconds(slot)} but a view change starts again only every {Seconds(timeout)}, so each retry moves on {moves}; {band}";
        }
        return null;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
