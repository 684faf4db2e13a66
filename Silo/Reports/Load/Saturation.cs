namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// The saturation search over a run's load steps: a step holds when its achieved rate (load transactions finalised
/// during it, per second) is within <see cref="Tolerance"/> of its offered rate (intended during it) and the p99
/// finality of the transactions intended during it is within the bound. The saturation point is the highest
/// offered step that holds, for the network and for each shard.
/// </summary>
public static class Saturation
{
    public const double Tolerance = 0.01;

    public static SaturationReport Of(IReadOnlyList<LoadTally> shards, TimeSpan bound, double gasCeilingPerShard)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var network = Rows(shards.Count == 0 ? [] : shards[0].Steps.Select((_, i) => shards.Select(s => s.Steps[i]).ToList()).ToList(), bound);
        var perShard = shards.Select(s => new ShardSaturation(s.Shard, Point(Rows([.. s.Steps.Select(step => (IReadOnlyList<StepTally>)[step])], bound)))).ToList();
        var point = Point(network);
        return new SaturationReport(bound.TotalSeconds, Math.Round(gasCeilingPerShard, 3), Math.Round(gasCeilingPerShard * shards.Count, 3), point,
            point is null || gasCeilingPerShard <= 0 ? null : Math.Round(point.AchievedTps / (gasCeilingPerShard * shards.Count), 4),
            perShard, network);
    }

    private static List<SaturationStep> Rows(IReadOnlyList<IReadOnlyList<StepTally>> steps, TimeSpan bound) =>
        [.. steps.Select(parts =>
        {
            var step = parts[0].Step;
            var seconds = (step.To - step.From).TotalSeconds;
            var offered = parts.Sum(p => p.Offered) / seconds;
            var achieved = parts.Sum(p => p.Finalised) / seconds;
            var finality = LatencyHistogram.Merged(parts.Select(p => p.Finality));
            var holds = offered > 0 && achieved >= offered * (1 - Tolerance) && finality.Count > 0 && finality.Seconds(99) <= bound.TotalSeconds;
            return new SaturationStep(step.Index, step.From.TotalSeconds, step.To.TotalSeconds, Math.Round(offered, 3), Math.Round(achieved, 3),
                finality.Seconds(50), finality.Seconds(99), holds);
        })];

    /// <summary>The step with the highest offered rate among those that hold; null when none does.</summary>
    private static SaturationStep? Point(IReadOnlyList<SaturationStep> rows) =>
        rows.Where(r => r.Holds).OrderByDescending(r => r.OfferedTps).ThenBy(r => r.Index).FirstOrDefault();
}

/// <summary>report.json <c>transactions.saturation</c>: the bound, the gas ceiling, the network's point and its share of the ceiling, each shard's point, and every step.</summary>
public sealed record SaturationReport(
    double P99FinalityBoundS,
    double GasCeilingTpsPerShard,
    double GasCeilingTps,
    SaturationStep? Network,
    double? ShareOfGasCeiling,
    IReadOnlyList<ShardSaturation> Shards,
    IReadOnlyList<SaturationStep> Steps);

public sealed record ShardSaturation(int Shard, SaturationStep? Point);

public sealed record SaturationStep(int Index, double FromS, double ToS, double OfferedTps, double AchievedTps, double FinalityP50S, double FinalityP99S, bool Holds);
