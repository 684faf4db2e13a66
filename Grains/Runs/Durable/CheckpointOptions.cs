namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// The checkpoint cadence of durable runs (configuration section <c>Cluster:Checkpoints</c>): a checkpoint is written
/// at the end of the first progress step that ends at least <see cref="Interval"/> of wall time after the last one,
/// and at the end of the run. Wall time, not virtual time, because the cost to bound is storage writes per second and
/// records held by the client; when checkpoints happen never changes what the run does (a rebuilt run re-executes).
/// Zero checkpoints every step.
/// </summary>
public sealed class CheckpointOptions
{
    public const string Section = "Cluster:Checkpoints";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
}
