using System.Collections.Immutable;

using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// A source's offered rate as the file states it (transactions per second over all its shards). Each shape resolves
/// to the kernel's <see cref="RateCurve"/>: zero before its first point, piecewise linear through the points, two
/// points at one time for a step, the last rate held after the last point.
/// </summary>
public abstract record RateSpec
{
    /// <summary>The highest rate the shape offers at any time.</summary>
    public abstract decimal Peak { get; }

    /// <summary>The curve over a run of <paramref name="runLength"/> (only bursts, which repeat, need it).</summary>
    public abstract RateCurve ToCurve(TimeSpan runLength);

    private protected static RatePoint Point(TimeSpan at, decimal perSecond) => new(at, (double)perSecond);
}

/// <summary><c>rate: 2000</c>: the same rate for the whole run.</summary>
public sealed record ConstantRate(decimal PerSecond) : RateSpec
{
    public override decimal Peak => PerSecond;

    public override RateCurve ToCurve(TimeSpan runLength) => RateCurve.Constant((double)PerSecond);
}

/// <summary><c>ramp</c>: nothing before <see cref="Start"/>, then linear from <see cref="From"/> to <see cref="To"/> over <see cref="Over"/>, then <see cref="To"/>.</summary>
public sealed record RampRate(decimal From, decimal To, TimeSpan Over, TimeSpan Start) : RateSpec
{
    public override decimal Peak => Math.Max(From, To);

    public override RateCurve ToCurve(TimeSpan runLength) => new([Point(Start, From), Point(Start + Over, To)]);
}

/// <summary>
/// <c>steps</c>: a staircase from <see cref="From"/> rising by <see cref="By"/> every <see cref="Every"/> while it
/// stays at or below <see cref="To"/>, holding its last step; nothing before <see cref="Start"/>.
/// </summary>
public sealed record StepsRate(decimal From, decimal To, decimal By, TimeSpan Every, TimeSpan Start) : RateSpec
{
    /// <summary>Steps of the staircase, the first included: from, from + by, … up to to. The loader keeps it at most <c>ScenarioReader.MaxRatePoints</c> / 2.</summary>
    public int Levels => (int)decimal.Floor((To - From) / By) + 1;

    /// <summary>When the last step begins.</summary>
    public TimeSpan LastStepAt => Start + (Levels - 1) * Every;

    public override decimal Peak => From + (Levels - 1) * By;

    public override RateCurve ToCurve(TimeSpan runLength)
    {
        var points = new List<RatePoint> { Point(Start, From) };
        for (var k = 1; k < Levels; k++)
        {
            var at = Start + k * Every;
            points.Add(Point(at, From + (k - 1) * By));
            points.Add(Point(at, From + k * By));
        }
        return new(points);
    }
}

/// <summary>
/// <c>burst</c>: <see cref="Base"/> from <see cref="Start"/>; at start + every, start + 2 × every, … (while before the
/// end of the run) the rate jumps to <see cref="PeakRate"/> for <see cref="For"/>, then drops back to base. Periodic,
/// so it is expanded over the run.
/// </summary>
public sealed record BurstRate(decimal Base, decimal PeakRate, TimeSpan Every, TimeSpan For, TimeSpan Start) : RateSpec
{
    public override decimal Peak => Math.Max(Base, PeakRate);

    /// <summary>Bursts that begin before <paramref name="runLength"/> (arithmetic, so the loader can bound it before expanding).</summary>
    public long Bursts(TimeSpan runLength)
    {
        var span = (runLength - Start).Ticks;
        // Bursts begin at start + k × every for k ≥ 1, strictly before the end: ⌈span / every⌉ − 1 of them.
        return span <= 0 ? 0 : ((span + Every.Ticks - 1) / Every.Ticks) - 1;
    }

    public override RateCurve ToCurve(TimeSpan runLength)
    {
        var points = new List<RatePoint> { Point(Start, Base) };
        for (var k = 1; k <= Bursts(runLength); k++)
        {
            var at = Start + k * Every;
            points.AddRange([Point(at, Base), Point(at, PeakRate), Point(at + For, PeakRate), Point(at + For, Base)]);
        }
        return new(points);
    }
}

/// <summary>A recorded rate from a time on: one entry of a <c>trace</c>.</summary>
public readonly record struct TraceEntry(TimeSpan At, decimal PerSecond);

/// <summary><c>trace</c>: nothing before the first time; each rate holds until the next time; the last holds to the end.</summary>
public sealed record TraceRate(ImmutableArray<TraceEntry> Entries) : RateSpec
{
    public override decimal Peak => Entries.Max(e => e.PerSecond);

    public override RateCurve ToCurve(TimeSpan runLength)
    {
        var points = new List<RatePoint> { Point(Entries[0].At, Entries[0].PerSecond) };
        for (var i = 1; i < Entries.Length; i++)
        {
            points.Add(Point(Entries[i].At, Entries[i - 1].PerSecond));
            points.Add(Point(Entries[i].At, Entries[i].PerSecond));
        }
        return new(points);
    }
}
