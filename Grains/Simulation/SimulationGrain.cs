using HarmonySim.Grains.Network;

namespace HarmonySim.Grains.Simulation;

/// <summary>
/// Drives a run. Shards advance together in windows no longer than the smallest latency between any two nodes, so
/// no shard is ever further ahead of another than a message between them could travel (the conservative window
/// protocol). A window starts at the earliest pending event of any shard, so idle stretches cost nothing.
/// </summary>
public sealed class SimulationGrain : Grain, ISimulationGrain
{
    private RunPlan _plan = null!;
    private TimeSpan _now;
    private TimeSpan _window;
    private IShardNetworkGrain[] _shards = [];
    private TimeSpan _nextEvent;

    public async Task Start(RunPlan plan)
    {
        _plan = plan;
        _window = new LatencyModel(plan.Latency).MinimumLatency;
        _shards = [.. Enumerable.Range(0, plan.Shards).Select(s => GrainFactory.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{s}"))];
        await Task.WhenAll(_shards.Select((g, s) => g.Start(plan, s)));
    }

    public async Task<RunProgress> AdvanceTo(TimeSpan until)
    {
        if (until > _plan.Duration) until = _plan.Duration;
        var progress = Array.Empty<ShardProgress>();
        do
        {
            // Nothing can happen anywhere before the earliest pending event, so the window may start there; it ends
            // just before a message sent at its start could reach another shard.
            // With nothing pending anywhere the window runs to the end (no TimeSpan arithmetic near MaxValue).
            var start = _nextEvent > _now ? _nextEvent : _now;
            var next = start >= until || until - start <= _window - TimeSpan.FromTicks(1) ? until : start + _window - TimeSpan.FromTicks(1);
            progress = await Task.WhenAll(_shards.Select(s => s.AdvanceTo(next)));
            _now = next;
            _nextEvent = progress.Min(p => p.NextEventAt);
            // Messages between shards leave with the window that sent them and arrive in a later one; each shard
            // queues them in a fixed order, whatever order the shards finished in.
            var sent = progress.SelectMany(p => p.Outbox ?? []).ToList();
            if (sent.Count > 0)
            {
                await Task.WhenAll(sent.GroupBy(m => m.ToShard).Select(g =>
                    _shards[g.Key].Deliver([.. g.OrderBy(m => m.At).ThenBy(m => m.FromShard).ThenBy(m => m.Seq)])));
                var earliest = sent.Min(m => m.At);
                if (earliest < _nextEvent) _nextEvent = earliest;
            }
        }
        while (_now < until);
        if (progress.Length == 0) progress = await Task.WhenAll(_shards.Select(s => s.AdvanceTo(_now)));
        return new RunProgress(_now, _plan.Duration, progress, _plan.StopAtEpoch);
    }

    public async Task<RunResult> Result() => new(_plan, _now, await Task.WhenAll(_shards.Select(s => s.Result())));
}
