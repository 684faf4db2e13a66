using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;

namespace HarmonySim.Silo.Runs;

/// <summary>What a finished run produced: its result, its streamed logs, digest, checks and report.</summary>
public sealed record RunOutcome(RunRecord Result, RunOutput Output, string Digest, IReadOnlyList<CheckResult> Checks, RunReport Report)
{
    /// <summary>The event log's lines (read back from the output: for tests and tools, not for long runs).</summary>
    public IReadOnlyList<string> Events => Output.EventLines();

    /// <summary>A shard's canonical commits, read back from blocks.csv (for tests and tools, not for long runs).</summary>
    public IReadOnlyList<CommitRecord> Commits(int shard) => [.. Output.BlockRows().Select(BlockLog.Parse).Where(r => r.Shard == shard).Select(r => r.Commit)];
}

/// <summary>
/// Runs a plan on embedded silos, reporting progress after every <see cref="Step"/> of virtual time and taking the
/// shards' records after each step into <see cref="Output"/> (kept in memory unless a folder is given), so memory
/// does not grow with the run's length. Cancelling stops the run at the next step and returns what it produced so
/// far, marked interrupted.
/// </summary>
public sealed class Runner(int silos = 1)
{
    /// <summary>A run measured in blocks ends once every shard has committed that many.</summary>
    internal static bool ReachedHeight(RunPlan plan, RunProgress progress) =>
        (plan.Length.StopAtHeight is { } height && progress.Shards.All(s => s.Height >= height))
        || (plan.Length.StopAtEpoch is { } epochs && progress.Shards.Count > 0 && progress.Shards[0].EpochsCompleted >= epochs);

    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, virtual time is held to this multiple of wall time (1 = real time); null runs flat out.</summary>
    public double? Speed { get; init; }

    /// <summary>Where the event log and blocks.csv are streamed; in memory when not set.</summary>
    public RunOutput? Output { get; init; }

    /// <summary>An operator's pause, speed and faults (the dashboard), carried out between steps; its speed replaces <see cref="Speed"/>.</summary>
    public RunControl? Control { get; init; }

    /// <summary>Followers of the run (telemetry, the dashboard), handed each step's records.</summary>
    public IReadOnlyList<IRunWatcher> Watchers { get; init; } = [];

    /// <summary>What the silo host serves beside the run (the dashboard's web endpoint), set up on the first silo.</summary>
    public SiloExtras? Extras { get; init; }

    /// <summary>Called once the silos are up (the dashboard's address is known then).</summary>
    public Action<EmbeddedSilo>? Started { get; init; }

    public async Task<RunOutcome> RunAsync(RunPlan plan, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var meter = new RunMeter();
        await using var silo = await EmbeddedSilo.StartAsync(silos, cancellation: cancellation, extras: Extras);
        var sim = silo.Grains.GetGrain<ISimulationGrain>(plan.RunId);
        var warm = silo.WebAddress is { } web ? WebWarmUp.Run(web, cancellation) : Task.CompletedTask;
        await sim.Start(plan);
        await warm;
        Started?.Invoke(silo);
        var pacer = new Pacer(Control is null ? Speed : Control.Speed);
        pacer.Reset(pacer.Speed, TimeSpan.Zero);
        var output = Output ?? RunOutput.InMemory();
        var recorder = new RunRecorder(plan, output);
        meter.Started();
        var stop = TimeSpan.Zero;
        RunProgress current;
        IReadOnlyList<ShardProgress> reached = [];
        var interrupted = false;
        do
        {
            // Cancellation is honoured only between steps: a grain call is never abandoned half-way, so what the
            // grains hold is a consistent state at the last step's virtual time, and the report is written from it.
            if (cancellation.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }
            stop += Step;
            current = await sim.AdvanceTo(stop < plan.Duration ? stop : plan.Duration);
            reached = current.Shards;
            var records = await sim.TakeRecords();
            recorder.Add(records, current.Now);
            progress?.Invoke(current);
            Watch(current, records);
            try
            {
                if (Control is not null) await Control.BetweenSteps(silo.Grains, current.Now, pacer, cancellation);
                await pacer.Wait(current.Now, cancellation);
            }
            catch (OperationCanceledException)
            {
                interrupted = true;
                break;
            }
        }
        while (!current.Done && !ReachedHeight(plan, current));
        var ran = await sim.Result();
        var last = await sim.TakeRecords();
        recorder.Add(last, ran.SimulatedTime);
        Watch(new RunProgress(ran.SimulatedTime, plan.Duration, reached, plan.Length.StopAtEpoch), last);
        var digest = recorder.Finish(ran);
        foreach (var watcher in Watchers) watcher.Finished(ran.SimulatedTime, digest, interrupted);
        return meter.Outcome(plan, ran, recorder, output, digest, interrupted);
    }

    /// <summary>Hands a step's records to the watchers.</summary>
    private void Watch(RunProgress progress, IReadOnlyList<Simulation.Results.ShardRecords> records)
    {
        foreach (var watcher in Watchers) watcher.Stepped(progress, records);
    }
}
