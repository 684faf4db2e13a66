using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
namespace HarmonySim.Simulation.Tests.Builders;

/// <summary>
/// Test-data builder for small run plans: one shard of four honest single-key nodes in two regions, short FBFT
/// timeouts so faults resolve within tens of seconds, the simulated signature scheme, 40 s. Each <c>With…</c>
/// changes one thing; <see cref="Build"/> returns the plan.
/// </summary>
public sealed class PlanBuilder
{
    private LoadPlan? _load;
    private ulong _seed = 1;
    private int _shards = 1;
    private int _nodesPerShard = 4;
    private int _harmonyPerShard = -1;
    private TimeSpan _duration = TimeSpan.FromSeconds(40);
    private LatencyPlan _latency = new(["a", "b"], [[5, 40], [40, 5]], TimeSpan.FromMilliseconds(10), 0, null);
    private TimingPlan _timing = new(
        BlockTime: TimeSpan.FromSeconds(2),
        PhaseTimeout: TimeSpan.FromSeconds(8),
        ViewChangeTimeout: TimeSpan.FromSeconds(8),
        ViewChangeSlot: TimeSpan.FromSeconds(15),
        BootstrapTimeout: TimeSpan.FromSeconds(8),
        BlocksPerEpoch: 1_000_000,
        AllValidatorsLeadViewChanges: false,
        RotateAfterBlocks: null,
        MainnetRotation: false);
    private readonly Dictionary<int, (NodeBehaviour Behaviour, TimeSpan? From)> _behaviours = [];
    private readonly List<FaultPlan> _faults = [];
    private readonly Dictionary<int, (CensorPlan Plan, TimeSpan? Until)> _censors = [];
    private CostPlan? _cost;
    private StakingPlan? _staking;
    private TransfersPlan? _transfers;
    private SyncPlan _sync = SyncPlan.Fixed;

    public PlanBuilder WithSeed(ulong seed)
    {
        _seed = seed;
        return this;
    }

    public PlanBuilder WithShards(int shards)
    {
        _shards = shards;
        return this;
    }

    /// <summary>Nodes per shard; node ids run shard by shard (shard 0 holds 0 … n−1).</summary>
    public PlanBuilder WithNodes(int perShard)
    {
        _nodesPerShard = perShard;
        return this;
    }

    public PlanBuilder WithDuration(TimeSpan duration)
    {
        _duration = duration;
        return this;
    }

    public PlanBuilder WithDuration(int seconds) => WithDuration(TimeSpan.FromSeconds(seconds));

    /// <summary>Two regions: one-way latency within a region and across, uniform jitter and loss.</summary>
    public PlanBuilder WithLatency(double sameRegionMs, double crossRegionMs, double jitterMs = 0, double loss = 0)
    {
        _latency = new LatencyPlan(["a", "b"], [[sameRegionMs, crossRegionMs], [crossRegionMs, sameRegionMs]], TimeSpan.FromMilliseconds(jitterMs), loss, null);
        return this;
    }

    public PlanBuilder WithTiming(Func<TimingPlan, TimingPlan> change)
    {
        _timing = change(_timing);
        return this;
    }

    public PlanBuilder WithBehaviour(int node, NodeBehaviour behaviour, TimeSpan? from = null)
    {
        _behaviours[node] = (behaviour, from);
        return this;
    }

    /// <summary>Node <paramref name="node"/> censors, as leader, the senders <paramref name="plan"/> names (until <paramref name="until"/>, if given).</summary>
    public PlanBuilder WithCensor(int node, CensorPlan plan, TimeSpan? until = null)
    {
        _behaviours[node] = (NodeBehaviour.Censor, null);
        _censors[node] = (plan, until);
        return this;
    }

    /// <summary>A fault on the given nodes (crash, restart, heal, end-partition, end-slow-link) at a time in seconds.</summary>
    public PlanBuilder WithFault(double atSeconds, FaultKind kind, params int[] nodes)
    {
        _faults.Add(new FaultPlan(TimeSpan.FromSeconds(atSeconds), kind, nodes, null, null, []));
        return this;
    }

    /// <summary>A partition into groups of node ids that can still talk among themselves.</summary>
    public PlanBuilder WithPartition(double atSeconds, params int[][] groups)
    {
        _faults.Add(new FaultPlan(TimeSpan.FromSeconds(atSeconds), FaultKind.Partition, [], null, null, [.. groups.Select(g => (IReadOnlyList<int>)g)]));
        return this;
    }

    /// <summary>Extra delay on every link of the given nodes.</summary>
    public PlanBuilder WithSlowLink(double atSeconds, TimeSpan extraDelay, params int[] nodes)
    {
        _faults.Add(new FaultPlan(TimeSpan.FromSeconds(atSeconds), FaultKind.SlowLink, nodes, null, null, [], extraDelay));
        return this;
    }

    /// <summary>Cuts the current leader of <paramref name="shard"/> off for <paramref name="duration"/>.</summary>
    public PlanBuilder WithIsolateLeader(double atSeconds, TimeSpan duration, int shard = 0)
    {
        _faults.Add(new FaultPlan(TimeSpan.FromSeconds(atSeconds), FaultKind.IsolateLeader, [], shard, duration, []));
        return this;
    }

    /// <summary>Cuts off the current leader of <paramref name="shard"/> and the next ones as they take the lead, <paramref name="count"/> in all, until <paramref name="duration"/> has passed.</summary>
    public PlanBuilder WithIsolateNextLeaders(double atSeconds, int count, TimeSpan duration, int shard = 0)
    {
        _faults.Add(new FaultPlan(TimeSpan.FromSeconds(atSeconds), FaultKind.IsolateNextLeaders, [], shard, duration, []) { Count = count });
        return this;
    }

    public PlanBuilder WithCost(CostPlan cost)
    {
        _cost = cost;
        return this;
    }

    /// <summary>
    /// A staking run (beacon chain on shard 0, crosslinks and shard states between shards): the first
    /// <paramref name="harmonyPerShard"/> nodes of each shard are Harmony-operated, the rest stake 20,000 ONE per key.
    /// </summary>
    public PlanBuilder WithStaking(int harmonyPerShard = 1, ulong blocksPerEpoch = 8)
    {
        _harmonyPerShard = harmonyPerShard;
        _timing = _timing with { BlocksPerEpoch = blocksPerEpoch };
        _staking = new StakingPlan(
            RandomnessResharding: false,
            SlotsPerShard: _nodesPerShard,
            HarmonySlotsPerShard: harmonyPerShard,
            EffectiveStakeBound: 0.35m,
            SlotsLimit: null,
            BlockReward: 7m,
            SlashRule2020: false,
            CommissionRate: 0.1m,
            Delegators: [],
            Actions: [],
            VdfDifficulty: 10_000);
        return this;
    }

    /// <summary>
    /// Scripted transfers (a staking run carries them) between two funded accounts: alice on shard 0 and bob on
    /// shard 1, 1,000 ONE each; a transfer between them is cross-shard.
    /// </summary>
    public PlanBuilder WithTransfers(params (double AtSeconds, string From, string To, decimal Amount)[] scripted)
    {
        _transfers = new TransfersPlan(
            [new TransferAccountPlan("alice", 0, 1_000m), new TransferAccountPlan("bob", 1, 1_000m)],
            [.. scripted.Select(t => new ScriptedTransferPlan(TimeSpan.FromSeconds(t.AtSeconds), t.From, t.To, t.Amount))]);
        return this;
    }

    /// <summary>Open-loop load (a transfer ledger per shard with the sources' accounts funded; no staking needed).</summary>
    public PlanBuilder WithLoad(LoadPlan load)
    {
        _load = load;
        return this;
    }

    /// <summary>How a node that fell behind catches up (the fixed 500 ms catch-up by default).</summary>
    public PlanBuilder WithSync(SyncPlan sync)
    {
        _sync = sync;
        return this;
    }

    public RunPlan Build()
    {
        var harmony = _staking is null ? _nodesPerShard : _harmonyPerShard;
        var nodes = Enumerable.Range(0, _shards * _nodesPerShard).Select(id =>
        {
            var (behaviour, from) = _behaviours.TryGetValue(id, out var b) ? b : (NodeBehaviour.Honest, null);
            var external = id % _nodesPerShard >= harmony;
            var node = new NodePlan(id, id / _nodesPerShard, external ? "stakers" : "harmony", 1, external ? 20_000m : null, id % 2, behaviour, from);
            return _censors.TryGetValue(id, out var c) ? node with { Censor = c.Plan, BehaviourUntil = c.Until } : node;
        }).ToList();
        var staking = _staking is null ? null : _staking with { SlotsPerShard = _nodesPerShard };
        var consensus = new ConsensusPlan(_shards, SignatureSchemeKind.Simulated,
            staking is not null ? QuorumMode.ByVotingPower : QuorumMode.ByCount, staking is not null ? 0.3m : 1m, _timing);
        return new RunPlan($"test-{_seed}", "kernel-test", _seed, consensus, nodes, _latency, new RunLength(_duration))
        {
            Faults = [.. _faults],
            Cost = _cost,
            Staking = staking,
            Transfers = _transfers,
            Load = _load,
            Sync = _sync,
        };
    }
}
