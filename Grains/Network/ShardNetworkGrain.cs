using HarmonySim.Grains.Runs;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Grains.Network;

/// <summary>
/// Hosts one shard's <see cref="ShardNetwork"/>: the shard's validators are stepped inside it, in process, so one
/// grain call per window replaces a call per validator per instant. The run's state lives here (and in nothing
/// shared), so a shard is the unit that is placed on a silo and, later, persisted.
/// </summary>
[Placement.ShardPlacement]
public sealed class ShardNetworkGrain(RunContexts runs) : Grain, IShardNetworkGrain
{
    private LocalShard? _shard;

    private LocalShard Shard => _shard
        // A network that was never started here (its activation was lost and recreated) would silently run empty.
        ?? throw new RunNotLiveException($"shard network {this.GetPrimaryKeyString()} was not started on this activation");

    public Task Start(RunPlan plan, int shard)
    {
        var network = new ShardNetwork(runs.For(plan), shard);
        network.Start();
        // A durable run that is rebuilt starts its shards again on the activations that survived: the old network goes.
        _shard?.Network.Dispose();
        _shard = new LocalShard(network);
        return Task.CompletedTask;
    }

    public Task<ShardProgress> AdvanceTo(TimeSpan until) => Task.FromResult(Shard.Advance(until));

    public Task Deliver(IReadOnlyList<CrossShardMessage> messages) => Shard.Deliver(messages);

    public Task<ShardRecords> TakeRecords() => Task.FromResult(Shard.Network.TakeRecords());

    public Task<ShardResult> Result() => Task.FromResult(Shard.Network.Result());

    public Task<NodeStatus?> Status(int node) => Task.FromResult(Shard.Network.StatusOf(node));

    public Task Control(FaultKind kind, IReadOnlyList<int> nodes)
    {
        if (kind is not (FaultKind.Crash or FaultKind.Restart or FaultKind.IsolateLeader or FaultKind.Partition or FaultKind.Heal))
            throw new ArgumentException($"a shard can be controlled with crash, restart, isolate-leader, partition or heal, not {FaultKinds.Name(kind)}", nameof(kind));
        Shard.Network.ApplyNow(kind, nodes);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string?>> Submit(IReadOnlyList<byte[]> transactions) => Task.FromResult(Outside.Submit(Shard.Network.Now, transactions));

    public Task<AccountState> Account(HarmonySim.Protocol.Chain.Address address) => Task.FromResult(Outside.Account(address));

    public Task<ChainBlock?> Block(ulong? number) => Task.FromResult(number is { } n ? Outside.Chain.Block(n) : Outside.Chain.Head);

    public Task<ChainBlock?> BlockByHash(string hash) => Task.FromResult(Outside.Chain.Block(hash));

    public Task<ChainTransaction?> Transaction(string hash) => Task.FromResult(Outside.Chain.Transaction(hash));

    public Task<CreditedReceipt?> CreditedReceipt(string txHash) => Task.FromResult(Outside.Chain.Credited(txHash));

    public Task<StakingSnapshot?> Staking() =>
        Task.FromResult(Shard.Network.StakingReads is { } reads && Shard.Network.BeaconState is { } state
            ? reads.Snapshot(state, Outside.Chain.Head?.Number ?? 0) : null);

    private OutsideInput Outside => Shard.Network.Outside
        ?? throw new InvalidOperationException($"shard network {this.GetPrimaryKeyString()} is not a testnet's: it takes no outside input");
}
