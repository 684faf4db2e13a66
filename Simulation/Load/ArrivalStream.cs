using HarmonySim.Simulation.Plans;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// The intended send times of one source's transactions on one shard, open loop: the k-th arrival is where the
/// rate's integral Λ(t) reaches the k-th target, so the offered rate follows the curve whatever the network does.
/// Uniform targets are 1, 2, 3, …; Poisson targets add exponential gaps drawn from the stream's own seeded
/// generator (the time-rescaling of a unit Poisson process), which gives a Poisson process of the curve's rate.
/// </summary>
public sealed class ArrivalStream
{
    private readonly double[] _startCount;
    private readonly RatePoint[] _points;
    private readonly Random? _gaps;
    private double _target;
    private int _segment;

    /// <param name="rate">The source's curve; this stream offers <paramref name="share"/> of it.</param>
    public ArrivalStream(RateCurve rate, double share, ArrivalProcess process, int seed)
    {
        ArgumentNullException.ThrowIfNull(rate);
        _points = [.. rate.Points.Select(p => p with { PerSecond = p.PerSecond * share })];
        _startCount = new double[_points.Length];
        for (var i = 1; i < _points.Length; i++)
            _startCount[i] = _startCount[i - 1] + ((_points[i - 1].PerSecond + _points[i].PerSecond) / 2 * (_points[i].At - _points[i - 1].At).TotalSeconds);
        _gaps = process == ArrivalProcess.Poisson ? new Random(seed) : null;
        Next = Advance();
    }

    /// <summary>The next arrival's intended time (<see cref="TimeSpan.MaxValue"/> when the rate stays at zero).</summary>
    public TimeSpan Next { get; private set; }

    /// <summary>Arrivals so far, counting the one at <see cref="Next"/> as not yet taken.</summary>
    public long Taken { get; private set; }

    /// <summary>Takes the arrival at <see cref="Next"/> and moves to the following one.</summary>
    public TimeSpan Take()
    {
        var at = Next;
        Taken++;
        Next = Advance();
        return at;
    }

    private TimeSpan Advance()
    {
        _target += _gaps is null ? 1 : -Math.Log(1 - _gaps.NextDouble());
        return TimeAt(_target);
    }

    /// <summary>Λ⁻¹(count): the first time the integral of the rate reaches <paramref name="count"/>.</summary>
    private TimeSpan TimeAt(double count)
    {
        if (_points.Length == 0) return TimeSpan.MaxValue;
        while (_segment + 1 < _points.Length && _startCount[_segment + 1] < count) _segment++;
        var a = _points[_segment];
        var remaining = count - _startCount[_segment];
        double seconds;
        if (_segment + 1 == _points.Length)
        {
            if (a.PerSecond <= 0) return TimeSpan.MaxValue;
            seconds = remaining / a.PerSecond;
        }
        else
        {
            var b = _points[_segment + 1];
            var span = (b.At - a.At).TotalSeconds;
            var slope = (b.PerSecond - a.PerSecond) / span;
            // Solve a·τ + slope·τ²/2 = remaining in the stable form 2r / (a + √(a² + 2·slope·r)).
            var root = Math.Sqrt(Math.Max(0, (a.PerSecond * a.PerSecond) + (2 * slope * remaining)));
            var denominator = a.PerSecond + root;
            seconds = denominator <= 0 ? span : Math.Min(span, 2 * remaining / denominator);
        }
        var ticks = a.At.Ticks + (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond);
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : new TimeSpan(ticks);
    }
}
