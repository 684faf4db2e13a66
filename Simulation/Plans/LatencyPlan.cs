namespace HarmonySim.Simulation.Plans;

/// <summary>One-way latency between regions in milliseconds, plus jitter, loss and optional bandwidth.</summary>

public sealed record LatencyPlan(
    IReadOnlyList<string> Regions,
    IReadOnlyList<IReadOnlyList<double>> OneWayMs,
    TimeSpan Jitter,
    double Loss,
    double? BandwidthMbps);
