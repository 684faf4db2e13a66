using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// The meter <c>HarmonySim</c> and activity source <c>HarmonySim.Consensus</c>, with every instrument the host records.
/// Names follow OpenTelemetry's conventions and export to Prometheus by its rules (dots become underscores, the unit
/// is appended for base units — <c>s</c> → <c>_seconds</c> — and counters end in <c>_total</c>). Labels are
/// <c>shard</c> and, for messages, <c>type</c>: never a validator or key, so the number of series is bounded by shards
/// × message types whatever the committee size.
/// </summary>
public static class HarmonySimMeter
{
    public const string Name = "HarmonySim";
    public const string ConsensusSource = "HarmonySim.Consensus";

    /// <summary>Block times and rounds: Harmony targets 2 s blocks; view changes take tens of seconds.</summary>
    private static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];

    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource Consensus = new(ConsensusSource);

    public static readonly Counter<long> BlocksCommitted = Meter.CreateCounter<long>("harmonysim.blocks.committed", "{block}", "Canonical blocks committed (first honest commit per height).");
    public static readonly Histogram<double> BlockInterval = Meter.CreateHistogram<double>("harmonysim.block.interval", "s", "Virtual time between consecutive canonical commits of a shard.", advice: Advice);
    public static readonly Histogram<double> Finality = Meter.CreateHistogram<double>("harmonysim.finality", "s", "Virtual time from a block's announce to its first honest commit (FBFT's finality).", advice: Advice);
    public static readonly Counter<long> ViewChanges = Meter.CreateCounter<long>("harmonysim.view_changes", "{view_change}", "View changes completed (an honest node entered the new view).");
    public static readonly Counter<long> ConsensusMessages = Meter.CreateCounter<long>("harmonysim.consensus.messages", "{message}", "Consensus messages delivered, by type.");
    public static readonly Counter<long> SignaturesVerified = Meter.CreateCounter<long>("harmonysim.signatures.verified", "{signature}", "Signature verifications the shard's validators made.");
    public static readonly Gauge<double> SigningPower = Meter.CreateGauge<double>("harmonysim.signing_power.ratio", "1", "Share of the shard's keys that signed its last canonical block (0–1).");
    public static readonly Gauge<double> MissingPower = Meter.CreateGauge<double>("harmonysim.missing_power.ratio", "1", "Share of the shard's keys missing from its last canonical block's commit (0–1).");
    public static readonly Gauge<long> Height = Meter.CreateGauge<long>("harmonysim.height", "{block}", "Canonical height of the shard.");
    public static readonly Gauge<long> Epoch = Meter.CreateGauge<long>("harmonysim.epoch", "{epoch}", "Epochs completed (a staking run).");
    public static readonly Counter<long> Slashes = Meter.CreateCounter<long>("harmonysim.slashes", "{slash}", "Validators slashed for double signing.");
    public static readonly Counter<long> Jails = Meter.CreateCounter<long>("harmonysim.jails", "{jail}", "Validators jailed.");
    public static readonly Counter<long> Faults = Meter.CreateCounter<long>("harmonysim.faults", "{fault}", "Faults applied (scripted or injected), by kind.");
    public static readonly Counter<long> TransactionsCommitted = Meter.CreateCounter<long>("harmonysim.transactions.committed", "{transaction}", "Load transactions in canonical blocks (a load run).");
    public static readonly Histogram<double> TransactionLatency = Meter.CreateHistogram<double>("harmonysim.transaction.latency", "s", "Virtual time from a load transaction's intended send to its block's first honest commit.", advice: Advice);
    public static readonly Gauge<long> MempoolDepth = Meter.CreateGauge<long>("harmonysim.mempool.depth", "{transaction}", "Transactions waiting in the shard's pool when its last block was built (a load run).");
    public static readonly Gauge<double> SimulatedTime = Meter.CreateGauge<double>("harmonysim.simulated_time", "s", "Virtual time the run has reached: the clock every other HarmonySim value belongs to.");
    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("harmonysim.steps", "{step}", "Progress steps (5 s of virtual time each) the run has taken.");

    private static InstrumentAdvice<double> Advice => new() { HistogramBucketBoundaries = SecondsBuckets };
}
