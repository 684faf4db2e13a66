namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// What a durable run stores once, at submission: the plan as the kernel's JSON (the same encoding its records cross
/// silos in) and the progress step the client drives it by. Replaying the same steps over the same plan gives the
/// same run, bit for bit, so these two and the checkpoint's step count are all a run needs to be rebuilt.
/// </summary>
[GenerateSerializer]
public sealed record StoredPlan
{
    [Id(0)] public string PlanJson { get; init; } = "";
    [Id(1)] public long StepTicks { get; init; }
    [Id(2)] public DateTime SubmittedUtc { get; init; }
}

/// <summary>
/// A durable run's checkpoint, rewritten at the checkpoint cadence: how many progress steps the client has been given
/// records for and may rely on, the run's state, and facts for <c>harmonysim runs</c>. A few hundred bytes whatever
/// the run's size.
/// </summary>
[GenerateSerializer]
public sealed record StoredCheckpoint
{
    [Id(0)] public int Steps { get; init; }
    [Id(1)] public RunState State { get; init; }
    [Id(2)] public long SimulatedTicks { get; init; }
    [Id(3)] public int Resumes { get; init; }
    [Id(4)] public DateTime UpdatedUtc { get; init; }
}
