using System.Text.Json;
using HarmonySim.Simulation.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// A run submitted to a cluster (see <see cref="IDurableRunGrain"/>). It stores the plan once and, at the checkpoint
/// cadence, how many progress steps the client holds records for. The kernel is deterministic, so that is the whole
/// checkpoint: a run is rebuilt by starting its simulation grain afresh (its shard networks re-activate on the silos
/// alive now) and re-executing the checkpointed steps with their records dropped, which reproduces every shard's
/// state bit for bit. A lost silo therefore costs re-execution time, never a different digest.
/// </summary>
public sealed class DurableRunGrain(
    [PersistentState("plan", RunStorage.Provider)] IPersistentState<StoredPlan> plan,
    [PersistentState("checkpoint", RunStorage.Provider)] IPersistentState<StoredCheckpoint> checkpoint,
    IOptions<CheckpointOptions> options,
    ILogger<DurableRunGrain> logger,
    IServiceProvider services) : Grain, IDurableRunGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly CheckpointWriter _writer = new(checkpoint, services.GetService(typeof(Orleans.Storage.IGrainStorageSerializer)) as Orleans.Storage.IGrainStorageSerializer, logger);
    private RunPlan? _plan;
    private StepSchedule? _schedule;
    private RunProgress? _progress;
    // The steps the simulation grain has taken on this activation, and whether it is known to hold exactly them.
    private int _steps;
    private bool _live;
    private long _lastCheckpoint;

    private string RunId => this.GetPrimaryKeyString();

    private ISimulationGrain Simulation => GrainFactory.GetGrain<ISimulationGrain>(RunId);

    public async Task<RunCheckpointInfo> Submit(RunPlan runPlan, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(runPlan);
        if (runPlan.RunId != RunId) throw new ArgumentException($"the plan is for run {runPlan.RunId}, not {RunId}", nameof(runPlan));
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), "a progress step is positive");
        var json = JsonSerializer.Serialize(runPlan, Json);
        if (plan.RecordExists)
        {
            // A client that lost the answer to its submission submits again: the same plan resumes, another is refused.
            if (plan.State.PlanJson == json && plan.State.StepTicks == step.Ticks) return await Resume(0);
            throw new ArgumentException($"run {RunId} already exists in this cluster with another plan");
        }
        plan.State = new StoredPlan { PlanJson = json, StepTicks = step.Ticks, SubmittedUtc = DateTime.UtcNow };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await plan.WriteStateAsync();
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("run {Run}: plan stored ({Bytes} bytes of JSON) in {Ms:0.0} ms", RunId, json.Length, clock.Elapsed.TotalMilliseconds);
        await Rebuild(0);
        await _writer.TryWrite(Checkpoint(RunState.Running));
        _lastCheckpoint = Environment.TickCount64;
        await Publish();
        return new RunCheckpointInfo(0, _progress!);
    }

    public async Task<RunStep> Step()
    {
        if (!_live) throw new RunNotLiveException($"run {RunId} is not live on this activation; resume it at the steps the client holds");
        var index = _steps + 1;
        IReadOnlyList<ShardRecords> records;
        try
        {
            _progress = await Simulation.AdvanceTo(_schedule!.Until(index));
            records = await Simulation.TakeRecords();
        }
        catch
        {
            // Some shards may have moved and others not: only a rebuild gives a consistent run again.
            _live = false;
            throw;
        }
        _steps = index;
        var due = _progress.Done || Environment.TickCount64 - _lastCheckpoint >= (long)options.Value.Interval.TotalMilliseconds;
        var written = due && await WriteCheckpoint(RunState.Running);
        return new RunStep(index, _progress, records, written);
    }

    public async Task<RunCheckpointInfo> Resume(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (!plan.RecordExists) throw new ArgumentException($"there is no run {RunId} in this cluster");
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("run {Run}: rebuilding at step {Steps} (last checkpoint: step {Checkpoint})", RunId, steps, checkpoint.State.Steps);
        _live = false;
        await Rebuild(steps);
        checkpoint.State = checkpoint.State with { Resumes = checkpoint.State.Resumes + 1 };
        return new RunCheckpointInfo(steps, _progress!);
    }

    public async Task<RunFinish> Finish(bool interrupted)
    {
        if (!_live) throw new RunNotLiveException($"run {RunId} is not live on this activation; resume it at the steps the client holds");
        RunResult result;
        IReadOnlyList<ShardRecords> records;
        try
        {
            result = await Simulation.Result();
            records = await Simulation.TakeRecords();
        }
        catch
        {
            _live = false;
            throw;
        }
        await WriteCheckpoint(interrupted ? RunState.Interrupted : RunState.Finished);
        return new RunFinish(result, records);
    }

    /// <summary>Starts the simulation afresh and re-executes <paramref name="steps"/> steps, dropping their records (the client has them).</summary>
    private async Task Rebuild(int steps)
    {
        _plan ??= JsonSerializer.Deserialize<RunPlan>(plan.State.PlanJson, Json) ?? throw new InvalidOperationException($"run {RunId}: stored plan is empty");
        _schedule ??= new StepSchedule(TimeSpan.FromTicks(plan.State.StepTicks), _plan.Duration);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Simulation.Start(_plan);
        _progress = new RunProgress(TimeSpan.Zero, _plan.Duration, [], _plan.Length.StopAtEpoch);
        for (var i = 1; i <= steps; i++)
        {
            _progress = await Simulation.AdvanceTo(_schedule.Until(i));
            _ = await Simulation.TakeRecords();
        }
        _steps = steps;
        _live = true;
        if (steps > 0 && logger.IsEnabled(LogLevel.Information)) logger.LogInformation("run {Run}: re-executed {Steps} steps in {Seconds:0.0} s", RunId, steps, clock.Elapsed.TotalSeconds);
    }

    private async Task<bool> WriteCheckpoint(RunState state)
    {
        var written = await _writer.TryWrite(Checkpoint(state));
        if (!written) return false;
        _lastCheckpoint = Environment.TickCount64;
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("run {Run}: checkpoint at step {Steps} written in {Ms:0.00} ms, {Bytes} bytes", RunId, _steps, _writer.LastWrite.TotalMilliseconds, _writer.Bytes(checkpoint.State));
        await Publish();
        return true;
    }

    private StoredCheckpoint Checkpoint(RunState state) => checkpoint.State with
    {
        Steps = _steps, State = state, SimulatedTicks = _progress?.Now.Ticks ?? 0, UpdatedUtc = DateTime.UtcNow,
    };

    /// <summary>Tells the cluster's list of runs where this one stands; the list is informative, so a failure only logs.</summary>
    private async Task Publish()
    {
        var c = checkpoint.State;
        try
        {
            await GrainFactory.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).Update(new RunSummary(RunId, _plan!.Scenario, _plan.Seed, c.State,
                TimeSpan.FromTicks(c.SimulatedTicks), _plan.Duration, c.Steps, plan.State.SubmittedUtc, c.UpdatedUtc, c.Resumes));
        }
#pragma warning disable CA1031 // the list of runs must never fail the run it lists
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (logger.IsEnabled(LogLevel.Warning)) logger.LogWarning("run {Run}: the list of runs was not updated ({Error})", RunId, e.GetBaseException().Message);
        }
    }
}
