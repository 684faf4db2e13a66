using Stopwatch = System.Diagnostics.Stopwatch;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// What a run costs this process — wall time (split into start-up and the run), CPU and allocation — and the
/// outcome a runner returns once the run is over (one home for the local and the cluster runner).
/// </summary>
internal sealed class RunMeter
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _startup;

    /// <summary>Wall time since the meter started.</summary>
    public TimeSpan Elapsed => _wall.Elapsed;

    /// <summary>Marks the end of start-up: the run itself begins.</summary>
    public void Started() => _startup = _wall.Elapsed;

    /// <summary>The run's record, checks and report; stops the clock.</summary>
    public RunOutcome Outcome(RunPlan plan, RunResult ran, RunRecorder recorder, RunOutput output, string digest, bool interrupted)
    {
        var result = new RunRecord(plan, ran.SimulatedTime, ran.Shards, recorder.Tallies) { LoadTallies = recorder.LoadTallies };
        _wall.Stop();
        var timing = new RunTiming(_startup.TotalSeconds, (_wall.Elapsed - _startup).TotalSeconds, (Environment.CpuUsage.TotalTime - _cpu).TotalSeconds,
            GC.GetTotalAllocatedBytes() - _allocated, GC.CollectionCount(0), GC.CollectionCount(2));
        var checks = RunChecks.Evaluate(result);
        return new RunOutcome(result, output, digest, checks, RunReport.Build(result, digest, checks, _wall.Elapsed, timing, interrupted));
    }
}
