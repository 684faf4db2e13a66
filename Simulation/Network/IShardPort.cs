using HarmonySim.Protocol.Consensus;
using HarmonySim.Simulation.Observer;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Network;

/// <summary>What a shard's cross-shard traffic (beacon bookkeeping, receipts) may do with the shard's network.</summary>
public interface IShardPort
{
    int Shard { get; }
    TimeSpan Now { get; }
    RunContext Context { get; }
    ShardObserver Observer { get; }

    /// <summary>The nodes the network serves, in id order.</summary>
    IReadOnlyList<int> Members { get; }

    bool IsCrashed(int node);

    /// <summary>When a message sent now reaches another shard: one synchronisation window plus a gossip hop.</summary>
    TimeSpan CrossShardArrival { get; }

    /// <summary>Queues an event for every member at the current instant, in member order.</summary>
    void ToMembers(ShardEvent e);

    /// <summary>Queues an event for one member at the current instant.</summary>
    void ToNode(int node, ShardEvent e);

    /// <summary>Queues a message for this network itself at <paramref name="at"/>.</summary>
    void ToSelf(TimeSpan at, CrossShardPayload payload);

    /// <summary>Sends a message to another shard's network, arriving at <see cref="CrossShardArrival"/>.</summary>
    void ToShard(int shard, CrossShardPayload payload);

    /// <summary>The committee that signed this shard's block at a height.</summary>
    Committee CommitteeAt(ulong number);
}
