namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// The exact distribution of a stream of durations, as a count per distinct value: its nearest-rank percentiles and
/// mean are what sorting every sample would give, in memory bounded by the number of distinct values rather than the
/// number of samples (virtual times are whole milliseconds unless a CPU cost model adds finer costs).
/// </summary>
public sealed class DurationHistogram
{
    private readonly SortedDictionary<long, long> _counts = [];
    private decimal _sumSeconds;

    public long Count { get; private set; }

    public void Add(TimeSpan value)
    {
        _counts[value.Ticks] = _counts.GetValueOrDefault(value.Ticks) + 1;
        _sumSeconds += (decimal)value.Ticks / TimeSpan.TicksPerSecond;
        Count++;
    }

    /// <summary>The mean in seconds, rounded to microseconds; 0 for no samples.</summary>
    public double MeanSeconds => Count == 0 ? 0 : Math.Round((double)(_sumSeconds / Count), 6);

    /// <summary>Nearest-rank percentile in seconds, rounded to microseconds; 0 for no samples.</summary>
    public double PercentileSeconds(int p)
    {
        if (Count == 0) return 0;
        var rank = Math.Clamp((long)Math.Ceiling(p / 100.0 * Count), 1, Count);
        var seen = 0L;
        foreach (var (ticks, count) in _counts)
        {
            seen += count;
            if (seen >= rank) return Math.Round(TimeSpan.FromTicks(ticks).TotalSeconds, 6);
        }
        return Math.Round(TimeSpan.FromTicks(_counts.Keys.Last()).TotalSeconds, 6);
    }

    /// <summary>Every distinct value (seconds) with its count, smallest first: what a histogram plot bins.</summary>
    public IEnumerable<(double Seconds, long Count)> Values => _counts.Select(kv => (TimeSpan.FromTicks(kv.Key).TotalSeconds, kv.Value));
}
