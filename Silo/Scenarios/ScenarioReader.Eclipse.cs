using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- eclipse (issue 14)

    private EclipseSpec? ReadEclipse(Fields m, NetworkSpec? network, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var at = Time(m, "at", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
        if (at is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
            Error(m.Value("at")!, m.PathOf("at"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the eclipse would never happen");
        if (!m.Has("victims")) Error(m.Node, m.PathOf("victims"), "is required (the cohorts whose nodes are eclipsed)");
        if (!m.Has("attackers")) Error(m.Node, m.PathOf("attackers"), "is required (the cohorts whose nodes fill the victims' tables)");
        var victims = m.Has("victims") ? CohortList(m, "victims") : null;
        var attackers = m.Has("attackers") ? CohortList(m, "attackers") : null;
        var share = Share(m, "table_share");
        if (share is 0) Error(m.Value("table_share")!, m.PathOf("table_share"), "must be above 0% (an eclipse with no table held is no eclipse)");
        if (victims is { } v && attackers is { } a && v.Intersect(a).FirstOrDefault() is { } both)
            Error(m.Value("attackers")!, m.PathOf("attackers"), $"cohort '{Echo(both)}' is also a victim");
        if (network is { Propagation: PropagationKind.Direct })
            Error(m.Node, "eclipse", "needs network.propagation: gossip or ida (under direct there is no overlay to eclipse)");
        if (errors.Count > errorsBefore || at is null || victims is null || attackers is null) return null;
        return new EclipseSpec { At = at.Value, Victims = victims.Value, Attackers = attackers.Value, TableShare = share ?? 1m };
    }
}
