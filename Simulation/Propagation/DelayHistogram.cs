namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// Counts of delays in whole milliseconds (the network's delays are whole milliseconds): a bucket per millisecond up
/// to 10 s, a sorted-on-demand list above, so a sample costs an increment and percentiles are exact.
/// </summary>
public sealed class DelayHistogram
{
    private const int Buckets = 10_000;
    private readonly long[] _counts = new long[Buckets];
    private readonly List<double> _over = [];

    public long Count { get; private set; }

    public void Add(double ms)
    {
        Count++;
        var bucket = (int)Math.Ceiling(ms);
        if (bucket < Buckets) _counts[Math.Max(0, bucket)]++;
        else _over.Add(ms);
    }

    /// <summary>Nearest-rank percentile in milliseconds (0 for no samples).</summary>
    public double Percentile(double p) => AtRank((long)Math.Ceiling(p / 100 * Count));

    /// <summary>The smallest delay by which <paramref name="rank"/> samples (from 1) had arrived.</summary>
    public double AtRank(long rank)
    {
        if (Count == 0) return 0;
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (var b = 0; b < Buckets; b++)
        {
            seen += _counts[b];
            if (seen >= rank) return b;
        }
        _over.Sort();
        return _over[(int)(rank - seen - 1)];
    }
}
