using HarmonySim.Grains.Network;

namespace HarmonySim.Grains.Simulation;

/// <summary>
/// Drives a run. Shards advance together in windows: while messages can cross shards, a window is no longer than
/// the smallest latency between any two nodes, so no shard is ever further ahead of another than a message between
/// them could travel (the conservative window protocol). No message crosses shards yet (crosslinks and receipts
/// come with the staking and load issues), so today each shard advances straight to the next stop.
/// </summary>
public sealed class SimulationGrain : Grain, ISimulationGrain
{
    private RunPlan _plan = null!;
    private TimeSpan _now;
    private TimeSpan _window;
    private IShardNetworkGrain[] _shards = [];

    /// <summary>Whether any message can go from one shard to another (none can yet).</summary>
    private const bool CrossShardTraffic = false;

    public async Task Start(RunPlan plan)
    {
        _plan = plan;
        _window = CrossShardTraffic ? new LatencyModel(plan.Latency).MinimumLatency : TimeSpan.MaxValue;
        _shards = [.. Enumerable.Range(0, plan.Shards).Select(s => GrainFactory.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{s}"))];
        await Task.WhenAll(_shards.Select((g, s) => g.Start(plan, s)));
    }

    public async Task<RunProgress> AdvanceTo(TimeSpan until)
    {
        if (until > _plan.Duration) until = _plan.Duration;
        var progress = Array.Empty<ShardProgress>();
        do
        {
            var next = _window < until - _now ? _now + _window : until;
            progress = await Task.WhenAll(_shards.Select(s => s.AdvanceTo(next)));
            _now = next;
        }
        while (_now < until);
        if (progress.Length == 0) progress = await Task.WhenAll(_shards.Select(s => s.AdvanceTo(_now)));
        return new RunProgress(_now, _plan.Duration, progress);
    }

    public async Task<RunResult> Result() => new(_plan, _now, await Task.WhenAll(_shards.Select(s => s.Result())));
}
