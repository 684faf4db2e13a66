using Stopwatch = System.Diagnostics.Stopwatch;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Cluster;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// Runs a plan on a cluster as a durable run (<see cref="IDurableRunGrain"/>), step by step like <see cref="Runner"/>,
/// writing the same outputs. When a step fails because a silo, an activation or a connection was lost, the run is
/// resumed from its last checkpoint (re-executed in the cluster) and carries on; records reach the output only once a
/// checkpoint covers them (<see cref="PendingSteps"/>), so the output and the digest are those of a run that lost nothing.
/// </summary>
public sealed class ClusterRunner(IClusterClient client)
{
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, virtual time is held to this multiple of wall time; null runs flat out.</summary>
    public double? Speed { get; init; }

    public RunOutput? Output { get; init; }

    /// <summary>Where lines about resumes go (the command's stderr).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>How long the run may go without a successful step or resume before the cluster counts as unavailable.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How many times the run was resumed from a checkpoint.</summary>
    public int Resumes { get; private set; }

    public async Task<RunOutcome> RunAsync(RunPlan plan, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var wall = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var run = client.GetGrain<IDurableRunGrain>(plan.RunId);
        var output = Output ?? RunOutput.InMemory();
        var recorder = new RunRecorder(plan, output);
        var pending = new PendingSteps(recorder);
        var failing = new FailureBudget(GiveUpAfter);
        var current = (await Attempt(() => run.Submit(plan, Step), run, pending, failing, cancellation)).Progress;
        var startup = wall.Elapsed;
        var interrupted = false;
        RunFinish? finish = null;
        while (finish is null)
        {
            interrupted |= cancellation.IsCancellationRequested;
            try
            {
                if (interrupted || current.Done || Runner.ReachedHeight(plan, current))
                {
                    finish = await run.Finish(interrupted);
                    pending.WriteAll();
                    recorder.Add(finish.Records, finish.Result.SimulatedTime);
                    break;
                }
                var step = await run.Step();
                failing.Succeeded();
                pending.Add(step);
                if (step.Checkpointed) pending.WriteThrough(step.Index);
                current = step.Progress;
                progress?.Invoke(current);
                if (Speed is { } speed && current.Now / speed > wall.Elapsed)
                    await Task.Delay(current.Now / speed - wall.Elapsed, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (Resumable(e))
            {
                Log?.WriteLine($"run {plan.RunId}: {Describe(e)}; resuming from its last checkpoint...");
                var resumed = await Attempt(run.Resume, run, pending, failing, cancellation, e);
                Resumes++;
                current = resumed.Progress;
                Log?.WriteLine($"run {plan.RunId}: resumed at step {resumed.StepsCheckpointed} ({current.Now.TotalSeconds:0.#} s simulated)");
            }
        }
        var ran = finish.Result;
        var digest = recorder.Finish(ran);
        var result = new RunRecord(plan, ran.SimulatedTime, ran.Shards, recorder.Tallies) { LoadTallies = recorder.LoadTallies };
        wall.Stop();
        // CPU and allocations are this client's: the silos' own are theirs to report.
        var timing = new RunTiming(startup.TotalSeconds, (wall.Elapsed - startup).TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds,
            GC.GetTotalAllocatedBytes() - allocated, GC.CollectionCount(0), GC.CollectionCount(2));
        var checks = RunChecks.Evaluate(result);
        return new RunOutcome(result, output, digest, checks, RunReport.Build(result, digest, checks, wall.Elapsed, timing, interrupted));
    }

    /// <summary>
    /// Calls <paramref name="call"/> (submit or resume) until it answers, a second apart, within the failure budget;
    /// each answer says which steps its checkpoint covers, and the pending records are settled against it.
    /// </summary>
    private async Task<RunCheckpointInfo> Attempt(Func<Task<RunCheckpointInfo>> call, IDurableRunGrain run, PendingSteps pending, FailureBudget failing,
        CancellationToken cancellation, Exception? first = null)
    {
        var last = first;
        while (true)
        {
            try
            {
                var info = await call();
                failing.Succeeded();
                pending.ResumedAt(info.StepsCheckpointed);
                return info;
            }
            catch (Exception e) when (Resumable(e))
            {
                last = e;
                // A submission whose answer was lost is resumed, not submitted again.
                call = run.Resume;
            }
            if (failing.Exhausted(out var waited))
                throw new ClusterUnavailableException($"the run could not be resumed within {waited.TotalSeconds:0} s: {Describe(last!)}", last!);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }
    }

    /// <summary>
    /// Failures a resume can cure: a silo, activation or connection lost, a call timed out, storage briefly away.
    /// Anything else (a bug, bad input) is not retried.
    /// </summary>
    private static bool Resumable(Exception e) => e is RunNotLiveException or TimeoutException or Orleans.Runtime.OrleansException
        || e.GetBaseException() is Azure.RequestFailedException or System.Net.Sockets.SocketException or System.Net.Http.HttpRequestException;

    /// <summary>One short line: Orleans' messages can embed a remote stack trace, which is cut off.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var trace = message.IndexOf("   at ", StringComparison.Ordinal);
        if (trace > 0) message = message[..trace].TrimEnd();
        if (message.Length > 240) message = message[..237] + "...";
        return $"{e.GetType().Name}: {message}";
    }

    /// <summary>Wall time since the first failure in a row; reset by any success.</summary>
    private sealed class FailureBudget(TimeSpan limit)
    {
        private Stopwatch? _since;

        public void Succeeded() => _since = null;

        public bool Exhausted(out TimeSpan waited)
        {
            _since ??= Stopwatch.StartNew();
            waited = _since.Elapsed;
            return waited > limit;
        }
    }
}
