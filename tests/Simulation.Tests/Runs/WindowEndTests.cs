using CsCheck;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Tests.Runs;

/// <summary>The conservative window: where the next window of the run driver ends.</summary>
[TestClass]
public sealed class WindowEndTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>Times in ms; next −1 means nothing pending anywhere; the expected end is in ms, less one tick when <c>lessATick</c>.</summary>
    [TestMethod]
    [DataRow(0, 0, 10_000, 105, 105, true, DisplayName = "from now, one lookahead less a tick")]
    [DataRow(0, 5_000, 10_000, 105, 5_105, true, DisplayName = "an idle stretch is skipped: the window starts at the earliest pending event")]
    [DataRow(5_000, 2_000, 10_000, 105, 5_105, true, DisplayName = "an event already due starts the window now")]
    [DataRow(5_000, -1, 10_000, 105, 10_000, false, DisplayName = "nothing pending: the window runs to the end")]
    [DataRow(0, 9_950, 10_000, 105, 10_000, false, DisplayName = "capped at until")]
    [DataRow(0, 10_000, 10_000, 105, 10_000, false, DisplayName = "the next event at until: until")]
    [DataRow(0, 12_000, 10_000, 105, 10_000, false, DisplayName = "the next event after until: until")]
    [DataRow(10_000, 0, 10_000, 105, 10_000, false, DisplayName = "already at until: until")]
    [DataRow(0, 0, 105, 105, 105, true, DisplayName = "exactly one lookahead to go: the window stops a tick short")]
    [DataRow(0, 0, 104, 105, 104, false, DisplayName = "less than a lookahead to go: until")]
    [DataRow(0, 1_000, 1_106, 107, 1_106, false, DisplayName = "less than a lookahead from the pending event: until")]
    public void The_window_ends_one_lookahead_less_a_tick_after_its_start_or_at_until(int nowMs, int nextMs, int untilMs, int lookaheadMs, int expectedMs, bool lessATick)
    {
        var next = nextMs < 0 ? TimeSpan.MaxValue : Ms(nextMs);
        var expected = Ms(expectedMs) - (lessATick ? Tick : TimeSpan.Zero);
        Assert.AreEqual(expected, RunDriver.WindowEnd(Ms(nowMs), next, Ms(untilMs), Ms(lookaheadMs)));
    }

    [TestMethod]
    public void Any_message_sent_inside_a_window_arrives_after_it_ends() =>
        Gen.Select(Gen.Long[0, 1_000_000_000], Gen.Long[0, 1_000_000_000], Gen.Long[0, 1_000_000_000], Gen.Long[1, 50_000_000], Gen.Int[0, 9])
            .Sample((now, nextOffset, untilOffset, lookahead, idle) =>
            {
                var start = TimeSpan.FromTicks(now);
                var next = idle == 0 ? TimeSpan.MaxValue : TimeSpan.FromTicks(now + nextOffset - nextOffset / 4);
                var until = TimeSpan.FromTicks(now + untilOffset);
                var l = TimeSpan.FromTicks(lookahead);
                var end = RunDriver.WindowEnd(start, next, until, l);
                var windowStart = next > start ? next : start;
                if (end > until || end < start) return false;
                if (windowStart >= until) return end == until;
                // Whatever a shard sends at any instant of the window arrives a lookahead later: in a later window.
                if (end < windowStart || end - windowStart >= l) return false;
                // The window is as long as it may be: it reaches until or one lookahead less a tick.
                return end == until || end == windowStart + l - Tick;
            });

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);
}
