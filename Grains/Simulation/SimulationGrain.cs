using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Grains.Simulation;

/// <summary>
/// Drives a run: starts its shard networks and advances them with the kernel's window protocol
/// (<see cref="RunDriver"/>), each shard a grain that may live on any silo; only shard-level traffic crosses silos.
/// </summary>
public sealed class SimulationGrain : Grain, ISimulationGrain
{
    private RunPlan? _plan;
    private RunDriver? _driver;
    private IShardNetworkGrain[] _shards = [];

    private RunPlan Plan => _plan ?? throw new RunNotLiveException($"run {this.GetPrimaryKeyString()} was not started on this activation");

    // A durable run resumes when its simulation was lost with a silo (RunNotLiveException), instead of failing on a null driver.
    private RunDriver Driver => _driver ?? throw new RunNotLiveException($"run {this.GetPrimaryKeyString()} was not started on this activation");

    public async Task Start(RunPlan plan)
    {
        _plan = plan;
        _shards = [.. Enumerable.Range(0, plan.Shards).Select(s => GrainFactory.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{s}"))];
        await Task.WhenAll(_shards.Select((g, s) => g.Start(plan, s)));
        _driver = new RunDriver([.. _shards.Select(g => new GrainShard(g))], ShardNetwork.Lookahead(plan), plan.Duration);
    }

    public async Task<RunProgress> AdvanceTo(TimeSpan until)
    {
        var progress = await Driver.AdvanceTo(until);
        return new RunProgress(Driver.Now, Plan.Duration, progress, Plan.Length.StopAtEpoch);
    }

    public async Task<IReadOnlyList<ShardRecords>> TakeRecords() => await Task.WhenAll(_shards.Select(s => s.TakeRecords()));

    public async Task<RunResult> Result() => new(Driver.Now, await Task.WhenAll(_shards.Select(s => s.Result())));

    public Task<IReadOnlyList<int>> ShardsOf(int node) =>
        Task.FromResult<IReadOnlyList<int>>([.. Enumerable.Range(0, Plan.Shards).Where(s => RunContext.MembersOf(Plan, s).Contains(node))]);

    /// <summary>A shard network grain as the driver sees it.</summary>
    private sealed class GrainShard(IShardNetworkGrain grain) : IShardHandle
    {
        public Task<ShardProgress> AdvanceTo(TimeSpan until) => grain.AdvanceTo(until);
        public Task Deliver(IReadOnlyList<CrossShardMessage> messages) => grain.Deliver(messages);
    }
}
