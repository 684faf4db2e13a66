namespace HarmonySim.Simulation.Runs;

/// <summary>A shard's network as the run driver sees it: in this process (<see cref="LocalShard"/>) or behind a grain.</summary>
public interface IShardHandle
{
    /// <summary>Processes every event up to and including <paramref name="until"/>; returns where the shard stands and what it sent.</summary>
    Task<ShardProgress> AdvanceTo(TimeSpan until);

    /// <summary>Queues messages from other shards, in the order given.</summary>
    Task Deliver(IReadOnlyList<CrossShardMessage> messages);
}
