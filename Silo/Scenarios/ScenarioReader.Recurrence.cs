using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

/// <summary>A fault's <c>every</c> and <c>times</c> (game of stakes, issue 13): flapping validators, denial of service on each new leader.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>Most occurrences one recurring fault may expand to: a plan holds every one of them.</summary>
    public const int MaxFaultOccurrences = 100_000;

    private (TimeSpan? Every, int? Times) ReadRecurrence(Fields m, FaultKind kind, TimeSpan? at, TimeSpan? faultDuration, DurationSpec? duration)
    {
        var every = Time(m, "every", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration);
        var times = (int?)Int(m, "times", 1, MaxFaultOccurrences);
        if (m.Value("times") is { } timesNode && !m.Has("every"))
        {
            Error(timesNode, m.PathOf("times"), "is only used with every (a recurring fault)");
            return (null, null);
        }
        if (every is not { } period) return (null, null);
        var everyNode = m.Value("every")!;
        if (kind is FaultKind.Restart or FaultKind.Heal)
        {
            Error(everyNode, m.PathOf("every"), $"is not used by kind: {Simulation.Plans.FaultKinds.Name(kind)} (a recurring fault is one that lasts: crash, partition, overlay-partition, isolate-leader, isolate-next-leaders, slow-link)");
            return (null, null);
        }
        if (faultDuration is not { } lasts)
        {
            if (m.Value("duration") is null) Error(everyNode, m.PathOf("duration"), "is required with every: each occurrence must end before the next begins");
            return (null, null);
        }
        if (lasts >= period)
        {
            Error(everyNode, m.PathOf("every"), $"must be longer than duration ({Seconds(lasts)}), so one occurrence ends before the next begins");
            return (null, null);
        }
        var end = duration is { Kind: DurationKind.Time, Time: { } t } ? t : (TimeSpan?)null;
        if (times is null && end is null)
        {
            Error(everyNode, m.PathOf("times"), "is required with every when the run is not bounded by duration.time (how many times the fault happens)");
            return (null, null);
        }
        if (times is null && at is { } start && end is { } stop && stop > start && (stop - start).Ticks / period.Ticks >= MaxFaultOccurrences)
        {
            Error(everyNode, m.PathOf("every"), $"would repeat the fault more than {MaxFaultOccurrences:N0} times before the run ends; give a longer period or times");
            return (null, null);
        }
        return (period, times);
    }
}
