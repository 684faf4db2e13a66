using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// One shard's commits and view changes folded as they stream in: what the checks, the report and the plots need,
/// kept in memory that does not grow with the run's length (counts, exact distributions, thinned plot lines, the
/// first few findings of each kind).
/// </summary>
public sealed class ShardTally(int shard, ChecksPlan checks, IReadOnlyList<AdversaryPlan>? adversaries = null)
{
    /// <summary>Findings kept per kind; the rest are only counted.</summary>
    public const int KeptFindings = 5;
    private const int MaxHalts = 100;
    private readonly List<(TimeSpan From, TimeSpan To)> _halts = [];

    private readonly OutageTally[] _outages = [.. checks.ExpectedOutages.Select(w => new OutageTally(w))];
    private readonly List<string> _gaps = [];
    private readonly Dictionary<string, LoggedEvent> _firstByKind = new(StringComparer.Ordinal);
    private TimeSpan _lastCommit;
    private readonly WindowTally[] _windows = [.. (adversaries ?? []).Select(a => new WindowTally(a.From, a.Until))];

    /// <summary>Each adversary's window seen from this shard, in the plan's adversary order (per-adversary verdicts).</summary>
    public IReadOnlyList<WindowTally> Windows => _windows;

    public int Shard => shard;
    public long Blocks { get; private set; }
    public ulong Height { get; private set; }
    public DurationHistogram BlockTimes { get; } = new();
    public DurationHistogram Finality { get; } = new();
    public PlotSeries HeightOverTime { get; } = new();
    public PlotSeries ViewChangesOverTime { get; } = new();
    public long ViewChanges { get; private set; }
    public long UnverifiedCommits { get; private set; }
    public ulong? FirstUnverifiedHeight { get; private set; }

    /// <summary>Gaps between commits longer than the liveness bound (outside expected outages): the first few, and how many.</summary>
    public IReadOnlyList<string> LivenessGaps => _gaps;
    public long LivenessGapCount { get; private set; }

    public IReadOnlyList<OutageTally> Outages => _outages;

    /// <summary>Every gap between commits longer than the liveness bound, expected or not (the first hundred): when a shard was halted.</summary>
    public IReadOnlyList<(TimeSpan From, TimeSpan To)> Halts => _halts;

    /// <summary>The first logged event of a kind, if the shard logged one.</summary>
    public LoggedEvent? FirstEvent(string kind) => _firstByKind.GetValueOrDefault(kind);

    public void Add(ShardRecords records)
    {
        foreach (var c in records.Commits) Commit(c);
        foreach (var t in records.ViewChangeTimes)
        {
            ViewChangesOverTime.Add(t.TotalSeconds, ++ViewChanges);
            foreach (var w in _windows) w.ViewChange(t);
        }
        foreach (var e in records.Events) _firstByKind.TryAdd(e.Kind, e);
    }

    /// <summary>Closes the last gap, from the last commit to the end of the run.</summary>
    public void Finish(TimeSpan simulatedTime)
    {
        Gap(_lastCommit, simulatedTime);
        foreach (var w in _windows) w.Finish(simulatedTime);
    }

    private void Commit(CommitRecord c)
    {
        if (Blocks > 0) BlockTimes.Add(c.CommittedAt - _lastCommit);
        Gap(_lastCommit, c.CommittedAt);
        _lastCommit = c.CommittedAt;
        Blocks++;
        Height = Math.Max(Height, c.Height);
        Finality.Add(c.CommittedAt - c.ProposedAt);
        HeightOverTime.Add(c.CommittedAt.TotalSeconds, c.Height);
        if (!c.SignatureVerified && UnverifiedCommits++ == 0) FirstUnverifiedHeight = c.Height;
        foreach (var o in _outages) o.Commit(c);
        foreach (var w in _windows) w.Commit(c.CommittedAt);
    }

    private void Gap(TimeSpan from, TimeSpan to)
    {
        var bound = checks.LivenessMaxGap;
        if (to - from <= bound) return;
        if (_halts.Count < MaxHalts) _halts.Add((from, to));
        if (Excused(from, to, bound)) return;
        if (LivenessGapCount++ < KeptFindings) _gaps.Add($"shard {shard}: no commit from {RunChecks.Seconds(from)} to {RunChecks.Seconds(to)}");
    }

    private bool Excused(TimeSpan from, TimeSpan to, TimeSpan bound) =>
        checks.ExpectedOutages.Any(w => from <= w.To && to >= w.From && from >= w.From - bound && to <= w.To + bound);
}

/// <summary>Commits a shard made inside one expected outage (after blocks under way at its start): how many, and the first.</summary>
public sealed class OutageTally(OutageWindow window)
{
    /// <summary>Blocks already under way when an outage starts may still commit this long after it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public OutageWindow Window => window;
    public long Count { get; private set; }
    public CommitRecord? First { get; private set; }

    public void Commit(CommitRecord c)
    {
        if (c.CommittedAt <= window.From + Grace || c.CommittedAt >= window.To) return;
        if (Count++ == 0) First = c;
    }
}
