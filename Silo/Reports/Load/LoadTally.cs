using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// One shard's load folded as its records stream in: counts (offered, submitted, rejected by reason, evicted, late,
/// finalised, credited), latency histograms from intended send time to inclusion, finality and credit, per-second
/// offered and finalised counts, finality percentiles per window, the mempool's depth and the blocks' fullness over
/// time, and each saturation step's tallies. Memory grows with the run's seconds (two counts each), not its transactions.
/// </summary>
public sealed class LoadTally(int shard, IReadOnlyList<LoadStep> steps, TimeSpan window)
{
    private readonly SortedDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly List<int> _offered = [];
    private readonly List<int> _finalised = [];
    private readonly StepTally[] _steps = [.. steps.Select(s => new StepTally(s))];
    private readonly List<WindowPercentiles> _windows = [];
    private LatencyHistogram _window = new();
    private long _windowIndex;

    public int Shard => shard;
    public long Offered { get; private set; }
    public long Submitted { get; private set; }
    public long Late { get; private set; }
    public long Evicted { get; private set; }
    public IReadOnlyDictionary<string, long> Rejected => _rejected;
    public long RejectedTotal => _rejected.Values.Sum();

    /// <summary>Load transactions finalised (in a canonical block); <see cref="Transactions"/> counts every transaction in one.</summary>
    public long Finalised { get; private set; }
    public long Transactions { get; private set; }
    public long CrossShard { get; private set; }
    public long Credited { get; private set; }
    public long Blocks { get; private set; }
    public long FullBlocks { get; private set; }
    public ulong GasUsed { get; private set; }
    public ulong GasLimit { get; private set; }

    /// <summary>The deepest the pool was after any block (exact: the plot series below is thinned).</summary>
    public int MaxMempoolDepth { get; private set; }

    public LatencyHistogram Inclusion { get; } = new();
    public LatencyHistogram Finality { get; } = new();
    public LatencyHistogram Credit { get; } = new();

    public PlotSeries MempoolDepth { get; } = new();
    public PlotSeries Fullness { get; } = new();

    /// <summary>Load transactions offered and finalised in each virtual second (index = second).</summary>
    public IReadOnlyList<int> OfferedPerSecond => _offered;
    public IReadOnlyList<int> FinalisedPerSecond => _finalised;

    /// <summary>Finality p50 and p99 of the transactions finalised in each window.</summary>
    public IReadOnlyList<WindowPercentiles> FinalityOverTime => _windows;

    public IReadOnlyList<StepTally> Steps => _steps;

    public void Add(TransactionRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var s in records.Seconds) Second(s);
        foreach (var b in records.Blocks) Block(b);
        foreach (var c in records.Credits)
        {
            Credited += c.CreditMicros.Length;
            Credit.Add(c.CreditMicros);
        }
    }

    /// <summary>Closes the last finality window at the run's end.</summary>
    public void Finish(TimeSpan simulatedTime)
    {
        if (_window.Count > 0) _windows.Add(new WindowPercentiles(Math.Min(simulatedTime.TotalSeconds, (_windowIndex + 1) * window.TotalSeconds), _window.Seconds(50), _window.Seconds(99)));
    }

    private void Second(SubmissionSecond s)
    {
        Offered += s.Offered;
        Submitted += s.Submitted;
        Late += s.Late;
        Evicted += s.Evicted;
        foreach (var (reason, n) in s.Rejected) _rejected[reason] = _rejected.GetValueOrDefault(reason) + n;
        Bump(_offered, s.Second, s.Offered);
        var at = TimeSpan.FromSeconds(s.Second);
        foreach (var step in _steps) if (step.Step.Contains(at)) step.Offered += s.Offered;
    }

    private void Block(BlockTransactions b)
    {
        Blocks++;
        Transactions += b.Transactions;
        CrossShard += b.CrossShard;
        Finalised += b.FinalityMicros.Length;
        GasUsed += b.GasUsed;
        GasLimit = b.GasLimit;
        if (b.GasLimit > 0 && b.GasLimit - b.GasUsed < Protocol.Chain.Transactions.Transfer.IntrinsicGas) FullBlocks++;
        Inclusion.Add(b.InclusionMicros);
        Finality.Add(b.FinalityMicros);
        Bump(_finalised, (long)b.CommittedAt.TotalSeconds, b.FinalityMicros.Length);
        MempoolDepth.Add(b.CommittedAt.TotalSeconds, b.MempoolDepth);
        MaxMempoolDepth = Math.Max(MaxMempoolDepth, b.MempoolDepth);
        if (b.GasLimit > 0) Fullness.Add(b.CommittedAt.TotalSeconds, 100.0 * b.GasUsed / b.GasLimit);

        var windowIndex = (long)(b.CommittedAt / window);
        if (windowIndex != _windowIndex && _window.Count > 0)
        {
            _windows.Add(new WindowPercentiles((_windowIndex + 1) * window.TotalSeconds, _window.Seconds(50), _window.Seconds(99)));
            _window = new LatencyHistogram();
        }
        _windowIndex = windowIndex;
        _window.Add(b.FinalityMicros);

        foreach (var step in _steps)
        {
            if (step.Step.Contains(b.CommittedAt)) step.Finalised += b.FinalityMicros.Length;
            foreach (var micros in b.FinalityMicros)
                if (step.Step.Contains(b.CommittedAt - TimeSpan.FromMicroseconds(micros))) step.Finality.Add(micros);
        }
    }

    private static void Bump(List<int> perSecond, long second, int n)
    {
        while (perSecond.Count <= second) perSecond.Add(0);
        perSecond[(int)second] += n;
    }
}

/// <summary>Finality percentiles (seconds) of the transactions finalised in the window ending at <paramref name="End"/>.</summary>
public sealed record WindowPercentiles(double End, double P50, double P99);

/// <summary>A saturation step's tallies on one shard: offered (intended in it), finalised (committed in it), and the finality of those intended in it.</summary>
public sealed class StepTally(LoadStep step)
{
    public LoadStep Step => step;
    public long Offered { get; set; }
    public long Finalised { get; set; }
    public LatencyHistogram Finality { get; } = new();
}
