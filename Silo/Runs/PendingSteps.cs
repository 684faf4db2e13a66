using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Reports.Streaming;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// The records of a durable run's steps that no checkpoint covers yet, held by the client: they reach the run folder
/// only once a checkpoint covers them, so a run resumed from its checkpoint re-executes them and hands them over
/// again, never twice and never lost.
/// </summary>
internal sealed class PendingSteps(RunRecorder recorder)
{
    private readonly List<RunStep> _steps = [];

    public void Add(RunStep step) => _steps.Add(step);

    /// <summary>Writes the steps up to and including <paramref name="index"/> (covered by a checkpoint) and forgets them.</summary>
    public void WriteThrough(int index)
    {
        foreach (var step in _steps.Where(s => s.Index <= index)) recorder.Add(step.Records, step.Progress.Now);
        _steps.RemoveAll(s => s.Index <= index);
    }

    /// <summary>After a resume at <paramref name="checkpointed"/> steps: those it covers are written, the rest will be re-executed.</summary>
    public void ResumedAt(int checkpointed)
    {
        WriteThrough(checkpointed);
        _steps.Clear();
    }

    /// <summary>The run finished on a live simulation: every step taken is part of it.</summary>
    public void WriteAll() => WriteThrough(int.MaxValue);
}
