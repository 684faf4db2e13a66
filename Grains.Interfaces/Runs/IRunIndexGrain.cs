namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// The cluster's list of submitted runs and where each stands, for <c>harmonysim runs</c>. One per cluster (key
/// <see cref="Key"/>); written by each run's <see cref="IDurableRunGrain"/> when it checkpoints, so at most about once
/// a second per running run.
/// </summary>
public interface IRunIndexGrain : IGrainWithStringKey
{
    public const string Key = "runs";

    Task Update(RunSummary run);

    /// <summary>Every run, newest submission first.</summary>
    Task<IReadOnlyList<RunSummary>> List();
}

[GenerateSerializer]
public enum RunState
{
    Running,
    Finished,
    Interrupted,
}

/// <summary>
/// One run as <c>harmonysim runs</c> shows it. <paramref name="UpdatedUtc"/> is the wall time of the last checkpoint:
/// a run whose client went away stays Running with an old time.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunSummary(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] ulong Seed,
    [property: Id(3)] RunState State,
    [property: Id(4)] TimeSpan Simulated,
    [property: Id(5)] TimeSpan Duration,
    [property: Id(6)] int StepsCheckpointed,
    [property: Id(7)] DateTime SubmittedUtc,
    [property: Id(8)] DateTime UpdatedUtc,
    [property: Id(9)] int Resumes);
