namespace HarmonySim.Dashboard.Model;

/// <summary>
/// One shard over one bucket of virtual time (<see cref="RunView.Bucket"/> long, ending at <see cref="T"/>): its height
/// at the end, blocks committed, mean block interval, round-time percentiles, view changes and load transactions
/// committed. Buckets are fixed in virtual time, so a live run and its replay give the same points.
/// </summary>
public sealed record SeriesPoint(double T, int Shard, ulong Height, int Blocks, double? IntervalMean, double? FinalityP50, double? FinalityP99, int ViewChanges, int Transactions)
{
    public double Tps(double bucket) => Transactions / bucket;
}
