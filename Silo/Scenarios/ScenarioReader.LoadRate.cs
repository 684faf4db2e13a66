using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- load.sources[].rate

    /// <summary>
    /// Highest rate one source may offer, transactions per second: a hundred times what mainnet's four shards can
    /// commit (80 M gas ÷ 21,000 per transfer ÷ 2 s ≈ 1,905 tx/s a shard), so anything above is a typo.
    /// </summary>
    internal const decimal MaxRatePerSource = 1_000_000;

    /// <summary>
    /// Most points one source's rate curve may resolve to (steps: two a step; bursts: four a burst; a trace: two an
    /// entry), so a tiny <c>by</c> or <c>every</c> cannot make the plan, and the kernel's walk along it, huge.
    /// </summary>
    internal const int MaxRatePoints = 20_000;

    private static readonly string[] RateShapes = ["ramp", "steps", "burst", "trace"];

    private const string RateExpected = "a rate in transactions per second such as 2000";

    private RateSpec? ReadRate(Fields source, DurationSpec? duration)
    {
        var node = source.Value("rate");
        var path = source.PathOf("rate");
        if (node is null) return Fail<RateSpec>(source.Node, path, "is required (transactions per second over the source's shards: a number, or one of ramp, steps, burst, trace)");
        if (node is YamlScalarNode) return RateValue(node, path) is { } constant ? new ConstantRate(constant) : null;
        var m = Map(node, path, "load.sources[].rate");
        if (m is null) return null;
        var given = RateShapes.Where(m.Has).ToList();
        if (given.Count != 1)
            return Fail<RateSpec>(m.Node, path, given.Count == 0
                ? "give a number, or exactly one of ramp, steps, burst or trace"
                : $"give exactly one of ramp, steps, burst or trace; got {string.Join(" and ", given)}");
        var end = duration is { Kind: DurationKind.Time, Time: { } e } ? e : (TimeSpan?)null;
        return given[0] switch
        {
            "ramp" => Section(m, "ramp", required: true, r => ReadRamp(r, end)),
            "steps" => Section(m, "steps", required: true, s => ReadSteps(s, end)),
            "burst" => Section(m, "burst", required: true, b => ReadBurst(b, duration)),
            _ => ReadTrace(m.Value("trace")!, m.PathOf("trace"), end),
        };
    }

    private decimal? RateValue(YamlNode node, string path) =>
        Scalar(node, path, RateExpected) is { } text ? NonNegative(node, path, text, MaxRatePerSource, " tx/s (a source's limit)") : null;

    private decimal? RateField(Fields m, string key, bool required)
    {
        var text = Read(m, key, required, RateExpected, out var node);
        return text is null ? null : NonNegative(node!, m.PathOf(key), text, MaxRatePerSource, " tx/s (a source's limit)");
    }

    /// <summary>A shape's <c>start</c>: 0 when absent, refused at or after the end of a time-bounded run (nothing would be sent).</summary>
    private TimeSpan? RateStart(Fields m, TimeSpan? end)
    {
        var start = Time(m, "start", TimeSpan.Zero, ScenarioValues.MaxDuration);
        if (start is { } s && end is { } e && s >= e)
            return Fail<TimeSpan?>(m.Value("start")!, m.PathOf("start"), $"is at or after the end of the run (duration.time is {Seconds(e)}), so the source would send nothing");
        return start ?? TimeSpan.Zero;
    }

    private RampRate? ReadRamp(Fields m, TimeSpan? end)
    {
        var errorsBefore = errors.Count;
        var from = RateField(m, "from", required: false);
        var to = RateField(m, "to", required: true);
        var over = Time(m, "over", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration, required: true);
        var start = RateStart(m, end);
        if (errors.Count > errorsBefore || to is null || over is null || start is null) return null;
        if (end is { } e && start + over > e)
            Warn(m.Value("over")!, m.PathOf("over"), Invariant($"the ramp reaches {to} tx/s at {Seconds(start.Value + over.Value)}, after the end of the run (duration.time is {Seconds(e)}), so the run ends part-way up it"));
        return new RampRate(from ?? 0, to.Value, over.Value, start.Value);
    }

    private StepsRate? ReadSteps(Fields m, TimeSpan? end)
    {
        var errorsBefore = errors.Count;
        var from = RateField(m, "from", required: true);
        var to = RateField(m, "to", required: true);
        var by = RateField(m, "by", required: true);
        var every = Time(m, "every", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration, required: true);
        var start = RateStart(m, end);
        if (from is { } f && to is { } t && t < f)
            Error(m.Value("to")!, m.PathOf("to"), Invariant($"must be at least from ({f} tx/s), got {t}; a falling rate is a ramp or a trace"));
        if (by == 0) Error(m.Value("by")!, m.PathOf("by"), "must be more than 0 tx/s");
        if (errors.Count > errorsBefore || from is null || to is null || by is null || every is null || start is null) return null;

        // Compared by multiplying, not dividing: a tiny by would overflow decimal in (to − from) / by.
        if (to.Value - from.Value > by.Value * (MaxRatePoints / 2 - 1))
            return Fail<StepsRate>(m.Value("by")!, m.PathOf("by"), Invariant($"makes more than {MaxRatePoints / 2:N0} steps from {from} to {to} tx/s; use a larger by"));
        var steps = new StepsRate(from.Value, to.Value, by.Value, every.Value, start.Value);
        if ((decimal)every.Value.Ticks * (steps.Levels - 1) > ScenarioValues.MaxDuration.Ticks)
            return Fail<StepsRate>(m.Value("every")!, m.PathOf("every"), Invariant($"puts the last of the {steps.Levels} steps more than {ScenarioValues.MaxDuration.TotalHours:0} h after start"));
        if (end is { } e && steps.LastStepAt >= e)
            Warn(m.Value("every")!, m.PathOf("every"), Invariant($"the last step ({steps.Peak} tx/s) begins at {Seconds(steps.LastStepAt)}, at or after the end of the run (duration.time is {Seconds(e)}), so the run never offers it"));
        return steps;
    }

    private BurstRate? ReadBurst(Fields m, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var end = duration is { Kind: DurationKind.Time, Time: { } e } ? e : (TimeSpan?)null;
        var baseRate = RateField(m, "base", required: true);
        var peak = RateField(m, "peak", required: true);
        var every = Time(m, "every", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration, required: true);
        var length = Time(m, "for", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration, required: true);
        var start = RateStart(m, end);
        if (baseRate is { } b && peak is { } p && p < b)
            Error(m.Value("peak")!, m.PathOf("peak"), Invariant($"must be at least base ({b} tx/s), got {p}"));
        if (every is { } ev && length is { } l && l >= ev)
            Error(m.Value("for")!, m.PathOf("for"), $"must be shorter than every ({Seconds(ev)}), got {Seconds(l)}: the rate would never return to base");
        // Bursts repeat until the run ends, so the curve needs that end; a run counted in blocks or epochs has none fixed.
        if (duration is not null && end is null)
            Error(m.Node, m.Path, "needs duration.time: bursts repeat until the end of the run, and a run counted in blocks or epochs has no fixed end");
        if (errors.Count > errorsBefore || baseRate is null || peak is null || every is null || length is null || start is null || end is null) return null;

        var burst = new BurstRate(baseRate.Value, peak.Value, every.Value, length.Value, start.Value);
        var bursts = burst.Bursts(end.Value);
        if (bursts > MaxRatePoints / 4)
            return Fail<BurstRate>(m.Value("every")!, m.PathOf("every"), Invariant($"makes {bursts:N0} bursts in the run; at most {MaxRatePoints / 4:N0}, so use a larger every"));
        if (bursts == 0)
            Warn(m.Value("every")!, m.PathOf("every"), $"the first burst would begin at {Seconds(start.Value + every.Value)}, at or after the end of the run (duration.time is {Seconds(end.Value)}), so the run offers only base");
        return burst;
    }

    /// <summary>A trace: times (keys) to rates, the times strictly increasing; read without a field list, as its keys are times.</summary>
    private TraceRate? ReadTrace(YamlNode node, string path, TimeSpan? end)
    {
        if (node is not YamlMappingNode mapping)
            return Fail<TraceRate>(node, path, $"expected a mapping of times to rates such as {{ 0s: 100, 10s: 250 }}, got {Describe(node)}");
        if (mapping.Children.Count == 0) return Fail<TraceRate>(node, path, "must give at least one time: rate");
        if (mapping.Children.Count > MaxRatePoints / 2)
            return Fail<TraceRate>(node, path, Invariant($"has {mapping.Children.Count:N0} entries; at most {MaxRatePoints / 2:N0}"));
        var entries = ImmutableArray.CreateBuilder<TraceEntry>();
        var ok = true;
        YamlNode? previousKey = null;
        YamlNode? firstAfterEnd = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Scalar(keyNode, path, "a time such as 10s");
            if (key is null) { ok = false; continue; }
            var entryPath = $"{path}.{Echo(key)}";
            if (ScenarioValues.TryParseDuration(key, out var at) is { } problem) { ok = Refuse(keyNode, entryPath, problem); continue; }
            var rate = RateValue(value, entryPath);
            if (entries.Count > 0 && at <= entries[^1].At)
            {
                ok = Refuse(keyNode, entryPath, at == entries[^1].At
                    ? $"is the same time as '{Echo(((YamlScalarNode)previousKey!).Value!)}' at line {previousKey!.Start.Line}: each time may appear once"
                    : $"comes after '{Echo(((YamlScalarNode)previousKey!).Value!)}' ({Seconds(entries[^1].At)}) but is earlier: trace times must increase");
                continue;
            }
            if (rate is null) { ok = false; continue; }
            if (end is { } e && at >= e) firstAfterEnd ??= keyNode;
            entries.Add(new TraceEntry(at, rate.Value));
            previousKey = keyNode;
        }
        if (!ok) return null;
        if (firstAfterEnd is not null)
            Warn(firstAfterEnd, $"{path}.{Echo(((YamlScalarNode)firstAfterEnd).Value!)}", $"this and later times are at or after the end of the run (duration.time is {Seconds(end!.Value)}), so the run never reaches them");
        return new TraceRate(entries.ToImmutable());
    }
}
