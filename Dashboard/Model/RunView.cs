using System.Globalization;

namespace HarmonySim.Dashboard.Model;

/// <summary>
/// Everything the dashboard shows of one run, built from what the host receives about it: canonical blocks, event-log
/// lines, load records and the virtual time reached. A live run feeds it step by step; a finished run's folder feeds
/// it from events.jsonl; both go through the same methods, so the same run gives the same series. Series are cut into
/// fixed buckets of virtual time (<see cref="Bucket"/>), closed once the run has passed their end. Thread-safe: the
/// run writes while pages read.
/// </summary>
public sealed class RunView
{
    /// <summary>Length of a series bucket in virtual seconds: the run's progress step, so a live bucket closes at each step.</summary>
    public const double Bucket = 5;

    /// <summary>Log kinds that are not timeline entries: blocks (shown as blocks), per-transfer lines and the closing trace hashes.</summary>
    private static readonly HashSet<string> NotTimeline = ["commit", "transfer", "receipt_credited", "delivery_trace"];

    private readonly Lock _gate = new();
    private readonly List<BlockView>[] _blocks;
    private readonly List<double>[] _viewChanges;
    private readonly List<(double T, int Count)>[] _transactions;
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<SeriesPoint> _series = [];
    private int _closedBuckets;

    public RunView(RunInfo info, bool live)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        Live = live;
        _blocks = [.. Enumerable.Range(0, info.Shards).Select(_ => new List<BlockView>())];
        _viewChanges = [.. Enumerable.Range(0, info.Shards).Select(_ => new List<double>())];
        _transactions = [.. Enumerable.Range(0, info.Shards).Select(_ => new List<(double, int)>())];
    }

    public RunInfo Info { get; }

    public bool Live { get; }

    /// <summary>Virtual seconds the run has reached.</summary>
    public double Now { get; private set; }

    /// <summary>running, finished or interrupted.</summary>
    public string State { get; private set; } = "running";

    public string? Digest { get; private set; }

    /// <summary>Wall seconds since the run started (a live run; 0 in a replay): the page shows virtual ÷ wall as the run's speed.</summary>
    public double WallSeconds { get; private set; }

    /// <summary>Bumped on every change, so a page knows when to fetch again.</summary>
    public long Version { get; private set; }

    /// <summary>Raised after a change (a step taken, the run finished); handlers must be quick and must not throw.</summary>
    public event Action? Changed;

    public void AddBlock(int shard, BlockView block)
    {
        lock (_gate) _blocks[shard].Add(block);
    }

    /// <summary>Load transactions that a block committed at <paramref name="t"/> carried (a load run).</summary>
    public void AddTransactions(int shard, double t, int count)
    {
        lock (_gate) _transactions[shard].Add((t, count));
    }

    /// <summary>An event-log line; commits come as blocks, so commit lines are ignored here.</summary>
    public void AddEvent(LoggedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (NotTimeline.Contains(e.Kind)) return;
        var fields = e.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        lock (_gate)
        {
            _timeline.Add(new TimelineEntry(e.At.TotalSeconds, e.Shard, e.Kind, fields));
            if (e.Kind == "new_view" && e.Shard >= 0 && e.Shard < _viewChanges.Length) _viewChanges[e.Shard].Add(e.At.TotalSeconds);
        }
    }

    /// <summary>The run reached <paramref name="through"/>: closes every bucket that ends at or before it.</summary>
    public void Advance(double through, double wallSeconds = 0)
    {
        lock (_gate)
        {
            Now = Math.Max(Now, through);
            WallSeconds = wallSeconds;
            while ((_closedBuckets + 1) * Bucket <= through + 1e-9) CloseBucket(_closedBuckets, (_closedBuckets + 1) * Bucket);
            Version++;
        }
        Changed?.Invoke();
    }

    /// <summary>The run ended at <paramref name="end"/>: closes the last, possibly short, bucket.</summary>
    public void Finish(double end, string? digest, bool interrupted)
    {
        lock (_gate)
        {
            Now = Math.Max(Now, end);
            while ((_closedBuckets + 1) * Bucket <= end + 1e-9) CloseBucket(_closedBuckets, (_closedBuckets + 1) * Bucket);
            if (_closedBuckets * Bucket < end - 1e-9) CloseBucket(_closedBuckets, end);
            Digest = digest;
            State = interrupted ? "interrupted" : "finished";
            Version++;
        }
        Changed?.Invoke();
    }

    /// <summary>The run as it stood at virtual time <paramref name="at"/> (null: now), for pages and export.</summary>
    public RunSnapshot Snapshot(double? at = null, int recentBlocks = 20, int recentEvents = 300)
    {
        lock (_gate)
        {
            var t = Math.Min(at ?? Now, Now);
            var shards = new List<ShardSnapshot>();
            for (var s = 0; s < _blocks.Length; s++)
            {
                var upTo = CountAtOrBefore(_blocks[s], b => b.T, t);
                var recent = _blocks[s].Skip(Math.Max(0, upTo - recentBlocks)).Take(Math.Min(upTo, recentBlocks)).ToList();
                var last = upTo > 0 ? _blocks[s][upTo - 1] : null;
                shards.Add(new ShardSnapshot(s, last?.Height ?? 0, last?.Leader, _viewChanges[s].Count(v => v <= t), recent));
            }
            var timeline = _timeline.Where(e => e.T <= t).OrderBy(e => e.T).ThenBy(e => e.Shard).ToList();
            return new RunSnapshot(t, Now, WallSeconds, State, Digest, Version, shards,
                [.. timeline.Skip(Math.Max(0, timeline.Count - recentEvents))], timeline.Count,
                [.. _series.Where(p => p.T <= t + 1e-9)]);
        }
    }

    /// <summary>Every closed series point, for export.</summary>
    public IReadOnlyList<SeriesPoint> Series()
    {
        lock (_gate) return [.. _series];
    }

    private void CloseBucket(int index, double end)
    {
        var start = index * Bucket;
        for (var s = 0; s < _blocks.Length; s++)
        {
            var blocks = _blocks[s];
            var from = CountAtOrBefore(blocks, b => b.T, start, strict: true);
            var to = CountAtOrBefore(blocks, b => b.T, end, strict: true);
            var inBucket = blocks.Skip(from).Take(to - from).ToList();
            var intervals = new List<double>();
            for (var i = Math.Max(from, 1); i < to; i++) intervals.Add(blocks[i].T - blocks[i - 1].T);
            var rounds = inBucket.Select(b => b.Finality).OfType<double>().Order().ToList();
            var height = to > 0 ? blocks[to - 1].Height : 0;
            // Both lists are in time order (a shard's records come in order), so a bucket is a range found by bisection:
            // closing a bucket costs what is in it, not the whole run so far.
            var views = CountAtOrBefore(_viewChanges[s], v => v, end, strict: true) - CountAtOrBefore(_viewChanges[s], v => v, start, strict: true);
            var moved = _transactions[s];
            var transactions = 0;
            for (var i = CountAtOrBefore(moved, x => x.T, start, strict: true); i < moved.Count && moved[i].T < end; i++) transactions += moved[i].Count;
            _series.Add(new SeriesPoint(Math.Round(end, 6), s, height, inBucket.Count, intervals.Count > 0 ? intervals.Average() : null,
                Percentile(rounds, 0.50), Percentile(rounds, 0.99), views, transactions));
        }
        _closedBuckets = index + 1;
    }

    /// <summary>How many items (sorted by time) are at or before <paramref name="t"/> (strictly before when strict).</summary>
    private static int CountAtOrBefore<T>(List<T> items, Func<T, double> time, double t, bool strict = false)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var x = time(items[mid]);
            if (strict ? x < t : x <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Nearest-rank percentile of sorted values, null when there are none.</summary>
    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Info.Scenario} at {Now:0.###} s ({State})");
}

/// <summary>A shard at a moment: height, leader of its last block, view changes so far, its most recent blocks.</summary>
public sealed record ShardSnapshot(int Shard, ulong Height, int? Leader, int ViewChanges, IReadOnlyList<BlockView> Blocks);

/// <summary>The run at a moment (<see cref="At"/>) out of the time it has reached (<see cref="Now"/>).</summary>
public sealed record RunSnapshot(double At, double Now, double WallSeconds, string State, string? Digest, long Version, IReadOnlyList<ShardSnapshot> Shards,
    IReadOnlyList<TimelineEntry> Timeline, int TimelineCount, IReadOnlyList<SeriesPoint> Series);
