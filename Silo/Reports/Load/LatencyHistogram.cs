using HdrHistogram;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// Latencies in microseconds in an HdrHistogram (three significant digits from 1 µs to a week): any number of
/// samples in fixed memory, percentiles to 0.1 %, and histograms of shards or windows merge exactly.
/// </summary>
public sealed class LatencyHistogram
{
    private static readonly long Highest = (long)TimeSpan.FromDays(7).TotalMicroseconds;

    private readonly LongHistogram _histogram = new(Highest, 3);

    public long Count => _histogram.TotalCount;

    public void Add(long micros) => _histogram.RecordValue(Math.Clamp(micros, 1, Highest));

    public void Add(IEnumerable<long> micros)
    {
        ArgumentNullException.ThrowIfNull(micros);
        foreach (var m in micros) Add(m);
    }

    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _histogram.Add(other._histogram);
    }

    /// <summary>The latency at percentile <paramref name="p"/> (0–100) in seconds, rounded to microseconds; 0 without samples.</summary>
    public double Seconds(double p) => Count == 0 ? 0 : Math.Round(_histogram.GetValueAtPercentile(p) / 1e6, 6);

    public static LatencyHistogram Merged(IEnumerable<LatencyHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var merged = new LatencyHistogram();
        foreach (var h in histograms) merged.Merge(h);
        return merged;
    }
}
