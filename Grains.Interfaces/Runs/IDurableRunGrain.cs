using HarmonySim.Simulation.Runs;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A run submitted to a cluster, driven one progress step at a time by its client and checkpointed to grain storage
/// so that it survives the loss of any silo (docs/DESIGN-NOTES.md, "Durable runs"). It drives the run's
/// <see cref="ISimulationGrain"/>; after a failure <see cref="Resume"/> rebuilds the run from its last checkpoint by
/// deterministic re-execution. Key: the run id.
/// </summary>
public interface IDurableRunGrain : IGrainWithStringKey
{
    /// <summary>Stores the plan and starts the run; refused (<see cref="ArgumentException"/>) when the run id is taken by another plan.</summary>
    Task<RunCheckpointInfo> Submit(RunPlan runPlan, TimeSpan step);

    /// <summary>Advances one progress step and takes the shards' records; checkpoints when the cadence says so.</summary>
    Task<RunStep> Step();

    /// <summary>
    /// Rebuilds the run after <paramref name="steps"/> progress steps — the steps whose records the caller holds — after a
    /// lost silo, a lost activation or a failed call, and says where it stands. Re-execution reproduces any step exactly,
    /// so the caller's own count, not the stored checkpoint, decides: no record is lost or repeated even when a
    /// checkpoint write's outcome was unknown.
    /// </summary>
    Task<RunCheckpointInfo> Resume(int steps);

    /// <summary>The run's result and last records; marks it finished (or interrupted) in storage and in the cluster's list of runs.</summary>
    Task<RunFinish> Finish(bool interrupted);
}

/// <summary>One step's outcome: where the run stands after step <paramref name="Index"/> (1-based), the records it produced, and whether a checkpoint now covers it.</summary>
[GenerateSerializer, Immutable]
public sealed record RunStep(
    [property: Id(0)] int Index,
    [property: Id(1)] RunProgress Progress,
    [property: Id(2)] IReadOnlyList<ShardRecords> Records,
    [property: Id(3)] bool Checkpointed);

/// <summary>Where a run stands after submit or resume: the steps it has taken and the progress after them.</summary>
[GenerateSerializer, Immutable]
public sealed record RunCheckpointInfo(
    [property: Id(0)] int Steps,
    [property: Id(1)] RunProgress Progress);

/// <summary>The end of a run: the kernel's result and the records taken with it.</summary>
[GenerateSerializer, Immutable]
public sealed record RunFinish(
    [property: Id(0)] RunResult Result,
    [property: Id(1)] IReadOnlyList<ShardRecords> Records);
