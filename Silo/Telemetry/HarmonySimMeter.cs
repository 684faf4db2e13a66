using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// The names HarmonySim's telemetry is published under: the meter <c>HarmonySim</c> (its instruments belong to each
/// run's <see cref="RunMetrics"/>) and the activity source <c>HarmonySim.Consensus</c>. Instrument names follow
/// OpenTelemetry's conventions and export to Prometheus by its rules (dots become underscores, the unit is appended for
/// base units — <c>s</c> → <c>_seconds</c> — and counters end in <c>_total</c>).
/// </summary>
public static class HarmonySimMeter
{
    public const string Name = "HarmonySim";
    public const string ConsensusSource = "HarmonySim.Consensus";

    public static readonly ActivitySource Consensus = new(ConsensusSource);

    /// <summary>Block times and rounds: Harmony targets 2 s blocks; view changes take tens of seconds.</summary>
    private static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];

    public static InstrumentAdvice<double> SecondsAdvice => new() { HistogramBucketBoundaries = SecondsBuckets };
}
