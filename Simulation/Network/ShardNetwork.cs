using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Observer;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Staking;
using HarmonySim.Simulation.Transfers;
using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Network;

/// <summary>
/// One shard's discrete-event network, sans I/O: it advances the shard's virtual clock to the next instant with
/// work, hands each of its validators everything due for it at that instant (stepping their state machines here,
/// in node order), then carries out their outputs in node order: messages are delayed by the latency model, dropped
/// by loss, partitions, crashes or isolation, and queued; timers are queued. The queue orders by (time, insertion),
/// and every random draw comes from the shard's own generator in that fixed order, so a run depends on nothing but
/// its plan. The host calls <see cref="AdvanceTo"/> one synchronisation window at a time, carries the
/// <see cref="TakeOutbox">outbox</see> to other shards and <see cref="Deliver"/>s theirs.
/// </summary>
public sealed partial class ShardNetwork : IShardPort, IDisposable
{
    /// <summary>Time for a message to cross between shards' networks, on top of the smallest link latency.</summary>
    public static readonly TimeSpan CrossShardHop = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan SyncDelay = TimeSpan.FromMilliseconds(500);

    private readonly RunPlan _plan;
    private readonly EventQueue _queue = new();
    private readonly NetworkFaults _faults = new();
    private readonly TimerMirror _timers = new();
    private readonly Dictionary<int, TimeSpan> _busyUntil = [];
    private readonly ValidatorHost[] _hosts;
    private readonly int[] _memberIndex;
    private readonly int[] _members;
    private readonly SplitBrainRouting _routing;
    private readonly LatencyModel _latency;
    private readonly Random _random;
    private readonly Queue<FaultPlan> _scheduled;
    private readonly List<CrossShardMessage> _outbox = [];
    private readonly BeaconTraffic? _beacon;
    private readonly TransferTraffic? _transfers;
    private readonly Load.LoadTraffic? _load;
    private readonly Adversaries.ShardCensorship? _censorship;
    private readonly Propagation.PropagationStats _stats;
    private readonly Propagation.GossipPropagation? _gossip;
    private long _outSeq;
    private int _leader = -1;

    public ShardNetwork(RunContext context, int shard)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _plan = context.Plan;
        Shard = shard;
        Observer = new ShardObserver(shard);
        _latency = new LatencyModel(_plan.Latency);
        _random = new Random(RunSeeds.Network(_plan.Seed, shard));
        _members = [.. RunContext.MembersOf(_plan, shard)];
        _memberIndex = new int[_plan.Nodes.Count];
        Array.Fill(_memberIndex, -1);
        for (var i = 0; i < _members.Length; i++) _memberIndex[_members[i]] = i;
        if (context.Transfers is { } transferWorld && _plan.Load is { } load)
            _load = new Load.LoadTraffic(new Load.LoadGenerator(_plan, transferWorld.Load, shard, transferWorld.ChainId), new Load.ShardMempool(load.Mempool, load.BlockGasLimit, shard));
        _stats = new Propagation.PropagationStats(_plan.Propagation.Kind.ToString().ToLowerInvariant(), _members.Length);
        if (_plan.Propagation.Kind is PropagationKind.Gossip or PropagationKind.Ida)
        {
            _gossip = new Propagation.GossipPropagation(_plan, shard, _members, _stats);
            _linkMs = (u, v) => _latency.OneWayMs(_plan.Nodes[_members[u]].Region, _plan.Nodes[_members[v]].Region) + _faults.ExtraDelay(_members[u], _members[v]).TotalMilliseconds;
            _passes = (u, v) => !_faults.Blocks(_members[u], _members[v], Now) && !_gossip.Drops(u, v) && !_latency.Lost(_random);
            _eclipses = new Queue<EclipsePlan>(_plan.Propagation.Eclipses.OrderBy(e => e.At));
        }
        // A testnet beacon also takes outside staking transactions, into a pool its nodes' builders read.
        var stakingPool = shard == 0 && _plan.Testnet is not null && context.Transfers is not null && context.Staking is { } poolWorld
            ? new Testnet.OutsideStakingPool(poolWorld, () => _beacon!.State) : null;
        if (context.Transfers is { } outsideWorld && _plan.Testnet is { } testnet)
            Outside = new Testnet.OutsideInput(shard, _load?.Mempool ?? new Load.ShardMempool(testnet.Mempool, outsideWorld.BlockGasLimit, shard), ownsPool: _load is null,
                () => _transfers!.HeadLedger, Observer) { Staking = stakingPool };
        // Censorship needs transactions to censor: only a run with transfers or load keeps its account.
        if (context.Transfers is not null && _members.Any(m => _plan.Nodes[m].Behaviour == NodeBehaviour.Censor)) _censorship = new Adversaries.ShardCensorship();
        _hosts = [.. _members.Select(id => new ValidatorHost(context, _plan.Nodes[id], shard, _load?.Mempool ?? Outside?.Mempool) { Censorship = _censorship, OutsideStaking = stakingPool })];
        _inbox = [.. _members.Select(_ => new List<ShardEvent>[2])];
        _scheduled = new Queue<FaultPlan>(_plan.Faults.Where(f => f.Shard is null || f.Shard == shard).OrderBy(f => f.At));
        _routing = new SplitBrainRouting(_plan);
        if (context.Staking is { } world) _beacon = new BeaconTraffic(this, world);
        if (Outside is not null && shard == 0 && context.Staking is { } beaconWorld) StakingReads = new Testnet.StakingReads(beaconWorld);
        if (context.Transfers is { } transfers) _transfers = new TransferTraffic(this, transfers, _load, Outside) { Censorship = _censorship };
        Outside?.Genesis(context.Genesis[shard]);
    }

    public int Shard { get; }
    public TimeSpan Now { get; private set; }
    public RunContext Context { get; }
    public ShardObserver Observer { get; }
    public IReadOnlyList<int> Members => _members;

    /// <summary>A testnet's outside input and chain index for this shard, else null.</summary>
    public Testnet.OutsideInput? Outside { get; }

    /// <summary>A testnet beacon's staking reads over its canonical state, else null.</summary>
    public Testnet.StakingReads? StakingReads { get; }

    /// <summary>The beacon state after the beacon's latest canonical block (genesis before the first), else null.</summary>
    public Protocol.Staking.Beacon.BeaconState? BeaconState => _beacon?.State;

    /// <summary>
    /// How far shards may run apart: a message between shards never arrives sooner than this after it was sent. Only
    /// a staking run (crosslinks, evidence, shard states) or a transfer or load run (receipts) sends messages between shards;
    /// in any other run shards are independent and may run apart without bound.
    /// </summary>
    public static TimeSpan Lookahead(RunPlan plan) =>
        plan.Staking is null && plan.Transfers is null && plan.Load is null ? TimeSpan.MaxValue : new LatencyModel(plan.Latency).MinimumLatency + CrossShardHop;

    public TimeSpan CrossShardArrival => Now + _latency.MinimumLatency + CrossShardHop;

    /// <summary>The earliest time anything is due: a queued event or a scheduled fault.</summary>
    public TimeSpan NextEventAt
    {
        get
        {
            var nextFault = _scheduled.TryPeek(out var f) ? f.At : TimeSpan.MaxValue;
            var next = _queue.NextTime < nextFault ? _queue.NextTime : nextFault;
            return _load is not null && _load.NextArrivalAt < next ? _load.NextArrivalAt : next;
        }
    }

    public ulong EpochsCompleted => (ulong)(_beacon?.EpochsCompleted ?? 0);

    /// <summary>Timer firings that were their node's live timer (handed to the node), and stale ones (dropped unless elision is off).</summary>
    internal long LiveTimerFirings { get; private set; }

    internal long StaleTimerFirings { get; private set; }

    /// <summary>Whether stale timer firings are dropped (the default); off only in tests, to show dropping them changes nothing.</summary>
    internal bool ElideStaleTimers { get; set; } = true;

    public bool IsCrashed(int node) => _faults.IsCrashed(node);

    /// <summary>Starts every validator at time zero.</summary>
    public void Start()
    {
        _beacon?.Start();
        foreach (var host in _hosts)
            foreach (var output in host.Start(TimeSpan.Zero, restart: false)) Apply(output);
    }

    /// <summary>Processes every event up to and including <paramref name="until"/>.</summary>
    public void AdvanceTo(TimeSpan until)
    {
        while (true)
        {
            var nextFault = _scheduled.TryPeek(out var f) ? f.At : TimeSpan.MaxValue;
            var nextEvent = _queue.NextTime;
            var nextArrival = _load?.NextArrivalAt ?? TimeSpan.MaxValue;
            var next = nextFault < nextEvent ? nextFault : nextEvent;
            // Transactions intended at an instant reach the pool before anything else happens at it.
            if (nextArrival <= next && nextArrival <= until)
            {
                Now = nextArrival;
                _load!.SubmitDue(Now, _transfers!.HeadLedger);
                continue;
            }
            if (next > until) break;
            Now = next;
            if (nextFault <= nextEvent) ApplyFault(_scheduled.Dequeue());
            else StepInstant();
        }
        if (until > Now) Now = until;
    }

    /// <summary>Queues messages from other shards (each arrives at its own time, after this shard's current time).</summary>
    public void Deliver(IEnumerable<CrossShardMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var m in messages) ToSelf(m.At, m.Payload);
    }

    /// <summary>Messages for other shards sent since the last call.</summary>
    public IReadOnlyList<CrossShardMessage> TakeOutbox()
    {
        if (_outbox.Count == 0) return [];
        var sent = _outbox.ToArray();
        _outbox.Clear();
        return sent;
    }

    /// <summary>
    /// Applies a fault now (a control from outside the scenario, such as an operator crashing a node). A partition from
    /// outside cuts the named members off from the rest of the shard (two groups); a leader isolation lasts the
    /// kernel's default 60 s, as a scenario's does without a duration.
    /// </summary>
    public void ApplyNow(FaultKind kind, IReadOnlyList<int> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        IReadOnlyList<IReadOnlyList<int>> groups = kind == FaultKind.Partition
            ? [[.. _members.Where(nodes.Contains)], [.. _members.Where(m => !nodes.Contains(m))]]
            : [];
        ApplyFault(new FaultPlan(Now, kind, nodes, Shard, null, groups));
    }

    /// <summary>Where a member stands: crashed, leader, committed height (of its honest replica).</summary>
    public NodeStatus? StatusOf(int node)
    {
        if (node < 0 || node >= _memberIndex.Length || _memberIndex[node] < 0) return null;
        var host = _hosts[_memberIndex[node]];
        var replica = host.Replicas > 0 ? host.Replica(0) : null;
        return new NodeStatus(node, Shard, host.Plan.Behaviour, _faults.IsCrashed(node), replica?.IsLeader ?? false, replica?.Height ?? 0, replica?.ViewId ?? 0);
    }

    /// <summary>The block a member's honest replica last committed (its disk), or null for a node not in this shard.</summary>
    internal CommittedBlock? HeadOf(int node) =>
        node >= 0 && node < _memberIndex.Length && _memberIndex[node] >= 0 ? _hosts[_memberIndex[node]].Head : null;

    /// <summary>The commits, view changes and log lines recorded since the last take (see <see cref="ShardRecords"/>).</summary>
    public ShardRecords TakeRecords() => Observer.TakeRecords() with { Transactions = _load?.TakeRecords(Now) };

    /// <summary>The shard's totals for the run: metrics and the checks' evidence (its records are taken separately).</summary>
    public ShardResult Result() => Observer.Result(_members.Length, _members.Sum(m => _plan.Nodes[m].Keys), Now) with
    {
        Propagation = PropagationResult(),
        Sync = _syncs.Result(SyncKindNames[(int)_plan.Sync.Kind]),
        Staking = _beacon?.Result(),
        Transfers = _transfers?.Result(),
        LoadPending = _load?.Pending ?? 0,
        Rejected = Rejections(),
        Censorship = _censorship?.Result(),
    };

    private static readonly string[] SyncKindNames = ReportNames.Of<SyncKind>();

    private static readonly string[] VerdictNames = ReportNames.Of<Protocol.Consensus.Verdict>();

    /// <summary>Messages honest nodes refused so far, by verdict (lower-case names, only verdicts seen).</summary>
    private SortedDictionary<string, long> Rejections()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var host in _hosts)
        {
            if (host.Plan.Behaviour != NodeBehaviour.Honest) continue;
            var rejected = host.Rejected;
            for (var v = 0; v < rejected.Length; v++)
            {
                if (rejected[v] == 0) continue;
                var name = VerdictNames[v];
                counts[name] = counts.GetValueOrDefault(name) + rejected[v];
            }
        }
        return counts;
    }

    public void Dispose() => Observer.Dispose();

    public Committee CommitteeAt(ulong number) => _beacon?.CommitteeAt(number) ?? Context.CommitteeOf(Shard);

    public void ToMembers(ShardEvent e)
    {
        foreach (var member in _members) Enqueue(Now, member, e);
    }

    public void ToNode(int node, ShardEvent e) => Enqueue(Now, node, e);

    public void ToSelf(TimeSpan at, CrossShardPayload payload) => Enqueue(at, EventQueue.ShardLevel, new Incoming(payload));

    public void ToShard(int shard, CrossShardPayload payload) => _outbox.Add(new CrossShardMessage(CrossShardArrival, Shard, shard, ++_outSeq, payload));

    private void Enqueue(TimeSpan at, int node, ShardEvent e, int replica = 0) => _queue.Enqueue(at, new Pending(node, replica, e));
}
