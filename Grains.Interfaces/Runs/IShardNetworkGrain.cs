using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Testnet;
using Orleans.Concurrency;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// One shard's network and the validators it steps (the kernel's <see cref="ShardNetwork"/>): the virtual clock and
/// event queue, the latency, loss, partition and crash model, and the record of what the shard committed.
/// Key: "{runId}/{shardId}".
/// </summary>
public interface IShardNetworkGrain : IGrainWithStringKey
{
    Task Start(RunPlan plan, int shard);

    /// <summary>Processes every event up to and including <paramref name="until"/> (one synchronisation window).</summary>
    Task<ShardProgress> AdvanceTo(TimeSpan until);

    /// <summary>Queues messages from other shards (each arrives at its own time, after the shard's current time).</summary>
    Task Deliver(IReadOnlyList<CrossShardMessage> messages);

    /// <summary>The commits, view changes and log lines the shard recorded since the last take.</summary>
    Task<ShardRecords> TakeRecords();

    /// <summary>The shard's totals for the run: metrics and the checks' evidence.</summary>
    Task<ShardResult> Result();

    /// <summary>Where one of the shard's validators stands, or null when it is not a member.</summary>
    Task<NodeStatus?> Status(int node);

    /// <summary>
    /// Applies an operator's fault now (at the shard's current virtual time), logged like a scripted fault so it enters
    /// the digest: crash or restart members, isolate the leader, partition the named members from the rest, heal.
    /// </summary>
    Task Control(FaultKind kind, IReadOnlyList<int> nodes);

    /// <summary>
    /// A testnet's outside input: offers encoded transactions to the shard's mempool at its current virtual time; for
    /// each, null when the pool took it, else why not.
    /// </summary>
    Task<IReadOnlyList<string?>> Submit(IReadOnlyList<byte[]> transactions);

    /// <summary>An account on the shard's committed ledger (a testnet's read).</summary>
    [ReadOnly]
    Task<AccountState> Account(HarmonySim.Protocol.Chain.Address address);

    /// <summary>The canonical block at <paramref name="number"/>, the head when null; null when there is none yet.</summary>
    [ReadOnly]
    Task<ChainBlock?> Block(ulong? number);

    /// <summary>The canonical block with this hash (0x hex), or null.</summary>
    [ReadOnly]
    Task<ChainBlock?> BlockByHash(string hash);

    /// <summary>A canonical transaction by its hash or its other wallet form's hash (0x hex), or null.</summary>
    [ReadOnly]
    Task<ChainTransaction?> Transaction(string hash);

    /// <summary>The beacon's staking state as readers see it (shard 0 of a testnet with staking), else null.</summary>
    [ReadOnly]
    Task<StakingSnapshot?> Staking();

    /// <summary>The cross-shard receipt this shard credited for a source transaction hash (0x hex), or null.</summary>
    [ReadOnly]
    Task<CreditedReceipt?> CreditedReceipt(string txHash);
}
