namespace HarmonySim.Silo.Runs;

/// <summary>
/// Compares a run's estimate with the machine's limits. Each refusal names the scenario field responsible, the
/// estimate and the limit, so the user knows what to shorten or shrink (or that <c>--force</c> runs it anyway).
/// </summary>
public static class RunLimitCheck
{
    /// <summary>Appended to each refusal when the run is refused.</summary>
    public const string ForceHint = "; --force runs it anyway";

    /// <summary>One reason per limit the run exceeds, each starting with the field to blame; empty when it fits.</summary>
    public static IReadOnlyList<string> Refusals(RunEstimate e, MachineLimits limits)
    {
        var refusals = new List<string>();
        var what = $"{EstimateText.Count(e.BlocksPerShard)} blocks {(e.Shards == 1 ? "on 1 shard" : $"on each of {e.Shards} shards")}, " +
                   $"{EstimateText.Count(e.Keys)} keys on {EstimateText.Count(e.Nodes)} nodes, {EstimateText.Count(e.Deliveries)} message deliveries";
        if (e.MemoryBytes > limits.MemoryBytes)
        {
            // The network's size is to blame when it alone does not fit; otherwise the run's length is.
            var field = e.SizeMemoryBytes > limits.MemoryBytes ? e.SizeField : e.DurationField;
            refusals.Add($"{field}: the run needs an estimated {EstimateText.Bytes(e.MemoryBytes)} of memory ({what}); " +
                         $"this machine has {EstimateText.Bytes(limits.MemoryBytes)} available");
        }
        if (limits.FreeDiskBytes is { } free && e.OutputBytes > free)
            refusals.Add($"{e.DurationField}: the run folder needs an estimated {EstimateText.Bytes(e.OutputBytes)} " +
                         $"({EstimateText.Count(e.Blocks)} blocks logged); the output drive has {EstimateText.Bytes(free)} free");
        if (e.WallSeconds > limits.WallCeiling.TotalSeconds)
        {
            // Likewise: if even one hour of virtual time of this network takes longer than the ceiling, its size is to blame.
            var field = e.WallSecondsPerHour > limits.WallCeiling.TotalSeconds ? e.SizeField : e.DurationField;
            refusals.Add($"{field}: the run would take an estimated {EstimateText.Seconds(e.WallSeconds)} on this machine ({what}); " +
                         $"the limit is {EstimateText.Seconds(limits.WallCeiling.TotalSeconds)}");
        }
        return refusals;
    }

    /// <summary>
    /// Writes each refusal on <paramref name="error"/>; true when the command must stop with bad input (there are
    /// refusals and no --force). With --force they are printed as warnings and the command goes on.
    /// </summary>
    public static bool Stops(TextWriter error, string path, IReadOnlyList<string> refusals, bool force)
    {
        foreach (var r in refusals) error.WriteLine(force ? $"{path}: warning: {r}; running anyway (--force)" : $"{path}: {r}{ForceHint}");
        return refusals.Count > 0 && !force;
    }
}
