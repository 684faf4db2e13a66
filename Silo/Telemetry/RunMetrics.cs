using System.Diagnostics.Metrics;
using HarmonySim.Silo.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// A run's instruments on the <see cref="HarmonySimMeter"/> meter, recorded from what the host receives after each step
/// (the shards' records and progress); nothing is measured inside the kernel. Counters and gauges are observable: a
/// step only adds to plain totals, and the exporter reads them when it collects (a scrape, an OTLP push), so watching
/// costs the run a few additions per block rather than an SDK call per value. Histograms record each value. Every value
/// is a virtual-time quantity taken in step order, so a replay of the same run records the same values; wall time
/// enters only as the timestamps exporters put on them. Labels are <c>shard</c> and, for messages and faults,
/// <c>type</c> or <c>kind</c>: never a validator or key, so the number of series is bounded whatever the committee size.
/// </summary>
public sealed class RunMetrics : IRunWatcher, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Meter _meter = new(HarmonySimMeter.Name);
    private readonly ShardTotals[] _shards;
    private readonly KeyValuePair<string, object?>[][] _shardTags;
    private readonly Dictionary<(int Shard, string Kind), long> _faults = [];
    private readonly Histogram<double> _blockInterval;
    private readonly Histogram<double> _finality;
    private readonly Histogram<double> _transactionLatency;
    private readonly ConsensusSpans _spans = new();
    private double _simulatedTime;
    private long _steps;

    public RunMetrics(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _shards = [.. Enumerable.Range(0, plan.Shards).Select(_ => new ShardTotals())];
        _shardTags = [.. Enumerable.Range(0, plan.Shards).Select(s => new[] { new KeyValuePair<string, object?>("shard", s) })];
        var m = _meter;
        m.CreateObservableCounter("harmonysim.blocks.committed", () => PerShard<long>(s => s.Blocks), "{block}", "Canonical blocks committed (first honest commit per height).");
        _blockInterval = m.CreateHistogram("harmonysim.block.interval", "s", "Virtual time between consecutive canonical commits of a shard.", advice: HarmonySimMeter.SecondsAdvice);
        _finality = m.CreateHistogram("harmonysim.finality", "s", "Virtual time from a block's announce to its first honest commit (FBFT's finality).", advice: HarmonySimMeter.SecondsAdvice);
        m.CreateObservableCounter("harmonysim.view_changes", () => PerShard<long>(s => s.ViewChanges), "{view_change}", "View changes completed (an honest node entered the new view).");
        m.CreateObservableCounter("harmonysim.consensus.messages", Messages, "{message}", "Consensus messages delivered, by type.");
        m.CreateObservableCounter("harmonysim.signatures.verified", () => PerShard<long>(s => s.Signatures), "{signature}", "Signature verifications the shard's validators made.");
        m.CreateObservableGauge("harmonysim.signing_power.ratio", () => PerShard<double>(s => s.SigningPower), "1", "Share of the shard's voting power (stake-weighted in a staking run) that signed its last canonical block (0–1).");
        m.CreateObservableGauge("harmonysim.missing_power.ratio", () => PerShard<double>(s => s.SigningPower is { } p ? Math.Max(0, 1 - p) : null), "1", "Share of the shard's voting power missing from its last canonical block's commit (0–1).");
        m.CreateObservableGauge("harmonysim.height", () => PerShard<long>(s => s.Height), "{block}", "Canonical height of the shard.");
        m.CreateObservableGauge("harmonysim.epoch", () => PerShard<long>(s => s.Epoch), "{epoch}", "Epochs completed (a staking run).");
        m.CreateObservableCounter("harmonysim.slashes", () => PerShard<long>(s => s.Slashes), "{slash}", "Validators slashed for double signing.");
        m.CreateObservableCounter("harmonysim.jails", () => PerShard<long>(s => s.Jails), "{jail}", "Validators jailed.");
        m.CreateObservableCounter("harmonysim.faults", Faults, "{fault}", "Faults applied (scripted or injected), by kind.");
        if (plan.Load is not null)
        {
            m.CreateObservableCounter("harmonysim.transactions.committed", () => PerShard<long>(s => s.Transactions), "{transaction}", "Load transactions in canonical blocks (a load run).");
            m.CreateObservableGauge("harmonysim.mempool.depth", () => PerShard<long>(s => s.MempoolDepth), "{transaction}", "Transactions waiting in the shard's pool when its last block was built (a load run).");
        }
        _transactionLatency = m.CreateHistogram("harmonysim.transaction.latency", "s", "Virtual time from a load transaction's intended send to its block's first honest commit.", advice: HarmonySimMeter.SecondsAdvice);
        m.CreateObservableGauge("harmonysim.simulated_time", () => { lock (_gate) return _simulatedTime; }, "s", "Virtual time the run has reached: the clock every other HarmonySim value belongs to.");
        m.CreateObservableCounter("harmonysim.steps", () => { lock (_gate) return _steps; }, "{step}", "Progress steps (5 s of virtual time each) the run has taken.");
    }

    public void Stepped(RunProgress progress, IReadOnlyList<ShardRecords> records)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            foreach (var r in records) Record(r);
            foreach (var s in progress.Shards)
            {
                _shards[s.Shard].Height = (long)s.Height;
                _shards[s.Shard].Epoch = (long)s.EpochsCompleted;
            }
            _simulatedTime = progress.Now.TotalSeconds;
            _steps++;
        }
    }

    public void Finished(TimeSpan simulatedTime, string digest, bool interrupted)
    {
        lock (_gate) _simulatedTime = simulatedTime.TotalSeconds;
    }

    /// <summary>This run's meter (tests listen to it alone).</summary>
    internal Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    private void Record(ShardRecords records)
    {
        var totals = _shards[records.Shard];
        var tags = _shardTags[records.Shard];
        foreach (var c in records.Commits)
        {
            totals.Blocks++;
            _finality.Record((c.CommittedAt - c.ProposedAt).TotalSeconds, tags);
            if (totals.LastCommit is { } previous) _blockInterval.Record((c.CommittedAt - previous).TotalSeconds, tags);
            totals.LastCommit = c.CommittedAt;
            totals.SigningPower = c.SigningPower;
            _spans.Round(records.Shard, c);
        }
        foreach (var e in records.Events)
        {
            switch (e.Kind)
            {
                case "new_view": totals.ViewChanges++; break;
                case "slashed": totals.Slashes++; break;
                case "jailed": totals.Jails++; break;
                case "fault":
                    var key = (records.Shard, e.Fields.FirstOrDefault(f => f.Key == "fault").Value ?? "?");
                    _faults[key] = _faults.GetValueOrDefault(key) + 1;
                    break;
            }
        }
        // Running totals at the take: the latest replaces what was read before.
        totals.Messages = records.MessagesByType;
        totals.Signatures = records.SignatureChecks;
        if (records.Transactions is { } load)
        {
            foreach (var block in load.Blocks)
            {
                totals.Transactions += block.LoadTransactions;
                totals.MempoolDepth = block.MempoolDepth;
                foreach (var micros in block.FinalityMicros) _transactionLatency.Record(micros / 1e6, tags);
            }
        }
    }

    private List<Measurement<T>> PerShard<T>(Func<ShardTotals, T?> value) where T : struct
    {
        var measurements = new List<Measurement<T>>(_shards.Length);
        lock (_gate)
            for (var s = 0; s < _shards.Length; s++)
                if (value(_shards[s]) is { } v) measurements.Add(new Measurement<T>(v, _shardTags[s]));
        return measurements;
    }

    private List<Measurement<long>> Messages()
    {
        var measurements = new List<Measurement<long>>();
        lock (_gate)
            for (var s = 0; s < _shards.Length; s++)
                foreach (var (type, total) in _shards[s].Messages)
                    measurements.Add(new Measurement<long>(total, new("shard", s), new("type", type)));
        return measurements;
    }

    private List<Measurement<long>> Faults()
    {
        lock (_gate) return [.. _faults.Select(f => new Measurement<long>(f.Value, new("shard", f.Key.Shard), new("kind", f.Key.Kind)))];
    }

    /// <summary>One shard's totals and latest values, as the last step left them (read under the run's lock).</summary>
    private sealed class ShardTotals
    {
        public long Blocks;
        public long ViewChanges;
        public long Slashes;
        public long Jails;
        public long Transactions;
        public long Signatures;
        public long? Height;
        public long? Epoch;
        public double? SigningPower;
        public long? MempoolDepth;
        public TimeSpan? LastCommit;
        public IReadOnlyDictionary<string, long> Messages = new Dictionary<string, long>();
    }
}
