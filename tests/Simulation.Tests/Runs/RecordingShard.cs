using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Tests.Runs;

/// <summary>A shard in this process that records every window it was advanced to and every message it sent or was handed.</summary>
public sealed class RecordingShard(LocalShard inner) : IShardHandle
{
    public List<(TimeSpan WindowEnd, IReadOnlyList<CrossShardMessage> Sent)> Windows { get; } = [];

    /// <summary>Messages handed to this shard, with the shard's own time when they were.</summary>
    public List<(TimeSpan ShardNow, CrossShardMessage Message)> Received { get; } = [];

    public LocalShard Inner => inner;

    public Task<ShardProgress> AdvanceTo(TimeSpan until)
    {
        var progress = inner.Advance(until);
        Windows.Add((until, progress.Outbox));
        return Task.FromResult(progress);
    }

    public Task Deliver(IReadOnlyList<CrossShardMessage> messages)
    {
        foreach (var m in messages) Received.Add((inner.Network.Now, m));
        return inner.Deliver(messages);
    }
}
