namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// A line to plot from a stream of points of any length, in bounded memory: it keeps every point until it holds
/// <see cref="Capacity"/>, then every second one, then every fourth, and so on, and always the latest point, so the
/// line spans the whole run at an even density.
/// </summary>
public sealed class PlotSeries
{
    public const int Capacity = 4096;

    private readonly List<(double X, double Y)> _kept = [];
    private long _seen;
    private long _stride = 1;
    private (double X, double Y)? _latest;

    public void Add(double x, double y)
    {
        _latest = (x, y);
        if (_seen++ % _stride != 0) return;
        _kept.Add((x, y));
        if (_kept.Count < Capacity) return;
        // Keep the points at even multiples of the new stride (every second kept point), so spacing stays even.
        var thinned = _kept.Where((_, i) => i % 2 == 0).ToList();
        _kept.Clear();
        _kept.AddRange(thinned);
        _stride *= 2;
    }

    public bool IsEmpty => _latest is null;

    /// <summary>The kept points, ending with the latest one.</summary>
    public IReadOnlyList<(double X, double Y)> Points =>
        _latest is { } last && (_kept.Count == 0 || _kept[^1] != last) ? [.. _kept, last] : _kept;
}
