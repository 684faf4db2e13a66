using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Runs;

/// <summary>A shard network in this process, driven directly (tests, benchmarks, and the grain that hosts it).</summary>
public sealed class LocalShard(ShardNetwork network) : IShardHandle
{
    public ShardNetwork Network => network;

    public Task<ShardProgress> AdvanceTo(TimeSpan until) => Task.FromResult(Advance(until));

    public Task Deliver(IReadOnlyList<CrossShardMessage> messages)
    {
        network.Deliver(messages);
        return Task.CompletedTask;
    }

    public ShardProgress Advance(TimeSpan until)
    {
        network.AdvanceTo(until);
        return Progress();
    }

    public ShardProgress Progress() => new(network.Shard, network.Now, network.Observer.Height, network.Observer.ViewChanges,
        network.Observer.Deliveries, network.NextEventAt, network.TakeOutbox(), network.EpochsCompleted)
    {
        ViewChangesStarted = network.Observer.ViewChangesStarted,
        TimeViewChanging = network.Observer.TimeViewChanging(network.Now),
    };
}
