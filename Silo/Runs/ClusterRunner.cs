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
/// writing the same outputs as each step's records arrive. When a step fails because a silo, an activation or a
/// connection was lost, the run is rebuilt in the cluster at the last step this client holds the records of (it
/// re-executes exactly) and carries on, so the output and the digest are those of a run that lost nothing.
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

    /// <summary>
    /// The shortest a step, finish or resume call may wait for its answer before the client counts it lost and resumes.
    /// The wait allowed grows with the run (a step or finish ten times the longest step so far, a resume, which re-executes
    /// the run, twice the run's wall time so far), so a long call is never cut short; a
    /// floor is needed because an Orleans client is not told when the gateway that carried a call dies with the call's
    /// silo: without it, that call would wait for the 30-minute response timeout.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times the run was resumed from a checkpoint.</summary>
    public int Resumes { get; private set; }

    public async Task<RunOutcome> RunAsync(RunPlan plan, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var meter = new RunMeter();
        var run = client.GetGrain<IDurableRunGrain>(plan.RunId);
        var output = Output ?? RunOutput.InMemory();
        var recorder = new RunRecorder(plan, output);
        var steps = 0;
        var failing = new FailureBudget(GiveUpAfter);
        var current = (await Attempt(() => run.Submit(plan, Step), run, 0, failing, cancellation)).Progress;
        meter.Started();
        var interrupted = false;
        RunFinish? finish = null;
        var longest = TimeSpan.Zero;
        while (finish is null)
        {
            interrupted |= cancellation.IsCancellationRequested;
            try
            {
                if (interrupted || current.Done || Runner.ReachedHeight(plan, current))
                {
                    finish = await Bounded(run.Finish(interrupted), longest * 10);
                    recorder.Add(finish.Records, finish.Result.SimulatedTime);
                    break;
                }
                var started = meter.Elapsed;
                var step = await Bounded(run.Step(), longest * 10);
                if (meter.Elapsed - started > longest) longest = meter.Elapsed - started;
                failing.Succeeded();
                if (step.Index != steps + 1) throw new InvalidOperationException($"run {plan.RunId}: step {step.Index} arrived after step {steps}");
                steps = step.Index;
                recorder.Add(step.Records, step.Progress.Now);
                current = step.Progress;
                progress?.Invoke(current);
                if (Speed is { } speed && current.Now / speed > meter.Elapsed)
                    await Task.Delay(current.Now / speed - meter.Elapsed, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (Resumable(e))
            {
                Log?.WriteLine($"run {plan.RunId}: {Describe(e)}; rebuilding it at step {steps} in the cluster...");
                var elapsed = meter.Elapsed;
                var resumed = await Attempt(() => Bounded(run.Resume(steps), elapsed * 2), run, steps, failing, cancellation, e);
                Resumes++;
                current = resumed.Progress;
                Log?.WriteLine($"run {plan.RunId}: resumed at step {resumed.Steps} ({current.Now.TotalSeconds:0.#} s simulated)");
            }
        }
        var ran = finish.Result;
        var digest = recorder.Finish(ran);
        // CPU and allocations are this client's: the silos' own are theirs to report.
        return meter.Outcome(plan, ran, recorder, output, digest, interrupted);
    }

    /// <summary>
    /// Calls <paramref name="call"/> (submit or resume) until it answers, a second apart, within the failure budget;
    /// a retry resumes at <paramref name="steps"/>, the steps whose records this client holds.
    /// </summary>
    private async Task<RunCheckpointInfo> Attempt(Func<Task<RunCheckpointInfo>> call, IDurableRunGrain run, int steps, FailureBudget failing,
        CancellationToken cancellation, Exception? first = null)
    {
        var last = first;
        while (true)
        {
            try
            {
                var info = await call();
                failing.Succeeded();
                if (info.Steps != steps) throw new InvalidOperationException($"run {run.GetPrimaryKeyString()} resumed at step {info.Steps}, not {steps}");
                return info;
            }
            catch (Exception e) when (Resumable(e))
            {
                last = e;
                // A submission whose answer was lost is resumed, not submitted again.
                call = () => Bounded(run.Resume(steps), TimeSpan.Zero);
            }
            if (failing.Exhausted(out var waited))
                throw new ClusterUnavailableException($"the run could not be resumed within {waited.TotalSeconds:0} s: {Describe(last!)}", last!);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }
    }

    /// <summary>The call's answer, or a <see cref="TimeoutException"/> (which resumes the run) after the call timeout.</summary>
    private Task<T> Bounded<T>(Task<T> call, TimeSpan wanted)
    {
        var limit = wanted > CallTimeout ? wanted : CallTimeout;
        return call.WaitAsync(limit);
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
