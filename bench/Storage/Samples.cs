using System.Diagnostics;
using System.Globalization;

namespace HarmonySim.Bench.Storage;

/// <summary>
/// The timings of one measured operation: every call's latency and the wall time the whole measurement took, so a
/// row can give both the rate (calls over wall time: with concurrent callers that is the throughput, not 1/latency)
/// and the latency a single caller sees.
/// </summary>
internal sealed class Samples
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return _milliseconds.Count; }
    }

    /// <summary>Wall time of the measurement; when not set, the sum of the calls' own times (sequential calls timed alone).</summary>
    public TimeSpan? Wall { get; set; }

    /// <summary>Times one call.</summary>
    public async Task Time(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        var ms = clock.Elapsed.TotalMilliseconds;
        lock (_gate) _milliseconds.Add(ms);
    }

    public double PerSecond
    {
        get
        {
            lock (_gate)
            {
                var seconds = Wall?.TotalSeconds ?? _milliseconds.Sum() / 1000;
                return seconds > 0 ? _milliseconds.Count / seconds : 0;
            }
        }
    }

    public double Mean
    {
        get { lock (_gate) return _milliseconds.Count == 0 ? 0 : _milliseconds.Average(); }
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the calls stayed (nearest rank).</summary>
    public double Percentile(double fraction)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0) return 0;
            var sorted = _milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    /// <summary>The rate and latency cells of a Markdown row: calls/s, mean ms, p99 ms, calls.</summary>
    public string Cells() => string.Format(CultureInfo.InvariantCulture, "{0:0} | {1:0.00} | {2:0.00} | {3}", PerSecond, Mean, Percentile(0.99), Count);
}
