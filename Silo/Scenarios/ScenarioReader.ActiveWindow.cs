using HarmonySim.Silo.Scenarios.Model;

namespace HarmonySim.Silo.Scenarios;

/// <summary>A cohort's <c>active_from</c> and <c>active_until</c> (game of stakes, issue 13): when a bounded behaviour is in force.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>The behaviours a window bounds; the others are honest, timed by their own field, or two replicas from the start.</summary>
    private static readonly CohortBehaviour[] Bounded =
    [
        CohortBehaviour.SilentLeader, CohortBehaviour.WithholdVotes, CohortBehaviour.WithholdPower,
        CohortBehaviour.StaleCertificateLeader, CohortBehaviour.Forge, CohortBehaviour.ViewChangeSpam, CohortBehaviour.DelayVotes,
        CohortBehaviour.Censor,
    ];

    private (TimeSpan? From, TimeSpan? Until, bool Ok) ActiveWindow(Fields m, CohortBehaviour? behaviour, DurationSpec? duration)
    {
        var from = Time(m, "active_from", TimeSpan.Zero, ScenarioValues.MaxDuration);
        var until = Time(m, "active_until", TimeSpan.Zero, ScenarioValues.MaxDuration);
        var ok = !(m.Has("active_from") && from is null) && !(m.Has("active_until") && until is null);
        // A misspelt behaviour has its own error; the window is then not refused as well.
        var known = !(m.Has("behaviour") && behaviour is null);
        foreach (var key in new[] { "active_from", "active_until" })
        {
            if (!known || m.Value(key) is not { } node || behaviour is { } b && Bounded.Contains(b)) continue;
            Error(node, m.PathOf(key), "is only used with behaviours silent-leader, withhold-votes, withhold-power, stale-certificate-leader, forge, view-change-spam, delay-votes and censor");
            ok = false;
        }
        if (from is { } f && duration is { Kind: DurationKind.Time, Time: { } end } && f >= end)
        {
            Error(m.Value("active_from")!, m.PathOf("active_from"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the behaviour would never start");
            ok = false;
        }
        if (from is { } start && until is { } stop && stop <= start)
        {
            Error(m.Value("active_until")!, m.PathOf("active_until"), $"must come after active_from ({Seconds(start)})");
            ok = false;
        }
        return (from, until, ok);
    }
}
