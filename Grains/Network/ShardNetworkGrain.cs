using System.Buffers.Binary;
using System.Security.Cryptography;
using HarmonySim.Grains.Runs;
using HarmonySim.Grains.Staking;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Grains.Network;

/// <summary>
/// One shard's discrete-event network. It advances the shard's virtual clock to the next instant with work, hands
/// each validator everything due for it at that instant in one call (all validators in parallel), then carries out
/// their outputs in node order: messages are delayed by the latency model, dropped by loss, partitions, crashes or
/// isolation, and queued; timers are queued. The queue orders by (time, sequence), and every random draw comes from
/// the shard's own generator in that fixed order, so the run does not depend on how calls interleave.
/// </summary>
public sealed partial class ShardNetworkGrain(RunContexts runs) : Grain, IShardNetworkGrain
{
    private static readonly TimeSpan SyncDelay = TimeSpan.FromMilliseconds(500);

    private readonly PriorityQueue<Pending, (long Time, long Seq)> _queue = new();
    private readonly Dictionary<ulong, CommittedBlock> _canonical = [];
    private readonly List<CommitRecord> _commits = [];
    private readonly Dictionary<(ulong Height, ulong View), TimeSpan> _proposedAt = [];
    private readonly HashSet<(ulong Height, ulong View)> _newViews = [];
    private readonly List<TimeSpan> _viewChangeTimes = [];
    private readonly List<LoggedEvent> _events = [];
    private readonly List<string> _safetyViolations = [];
    private readonly HashSet<int> _crashed = [];
    private readonly IncrementalHash _trace = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Dictionary<int, int> _partitionGroup = [];
    private Dictionary<int, int> _side = [];
    private (int Node, TimeSpan Until)? _isolated;
    private Dictionary<int, TimeSpan> _slowLinks = [];
    private readonly Dictionary<int, TimeSpan> _busyUntil = [];
    private RunPlan _plan = null!;
    private RunContext _context = null!;
    private LatencyModel _latency = null!;
    private Random _random = null!;
    private int[] _members = [];
    private HashSet<int> _memberSet = [];
    private Queue<FaultPlan> _faults = new();
    private int _shard;
    private long _seq;
    private long _deliveries;
    private long _signatureChecks;
    private int _leader = -1;
    private TimeSpan _now;

    public async Task Start(RunPlan plan, int shard)
    {
        _plan = plan;
        _shard = shard;
        _context = runs.For(plan);
        _latency = new LatencyModel(plan.Latency);
        _random = new Random(SeedFor(plan.Seed, shard));
        _members = [.. RunContext.MembersOf(plan, shard)];
        _memberSet = [.. _members];
        _faults = new Queue<FaultPlan>(plan.Faults.Where(f => f.Shard is null || f.Shard == shard).OrderBy(f => f.At));
        _side = _members.ToDictionary(id => id, id => SideOf(plan.Seed, id));
        if (_context.Staking is { } world)
        {
            _committees = ChainCommittees.Of(world.Cache, world.GenesisCommittees);
            if (shard == 0) ContributeRandomness(world.GenesisBeacon);
        }
        var outputs = await Task.WhenAll(_members.Select(id => Validator(id).Start(plan, id, TimeSpan.Zero, restart: false, shard)));
        foreach (var output in outputs.SelectMany(o => o)) Apply(output);
    }

    public async Task<ShardProgress> AdvanceTo(TimeSpan until)
    {
        // A network that was never started here (its activation was lost and recreated) would silently run empty.
        if (_plan is null) throw new InvalidOperationException($"shard network {this.GetPrimaryKeyString()} was not started on this activation");
        while (true)
        {
            var nextFault = _faults.TryPeek(out var f) ? f.At : TimeSpan.MaxValue;
            var nextEvent = _queue.TryPeek(out _, out var p) ? TimeSpan.FromTicks(p.Time) : TimeSpan.MaxValue;
            var next = nextFault < nextEvent ? nextFault : nextEvent;
            if (next > until) break;
            _now = next;
            if (nextFault <= nextEvent) await ApplyFault(_faults.Dequeue());
            else await StepInstant();
        }
        _now = until;
        return Progress();
    }

    public Task<ShardResult> Result() => Task.FromResult(new ShardResult(_shard, _commits, _newViews.Count, _viewChangeTimes,
        MessagesByType(), _deliveries, _signatureChecks, _safetyViolations, _events,
        Convert.ToHexStringLower(_trace.GetCurrentHash()), _members.Length, _members.Sum(m => _plan.Nodes[m].Keys),
        _shard == 0 && _context.Staking is not null ? _ledger.Result(_context, _now) : null, TransfersResult()));

    private ShardProgress Progress()
    {
        var nextEvent = _queue.TryPeek(out _, out var p) ? TimeSpan.FromTicks(p.Time) : TimeSpan.MaxValue;
        var nextFault = _faults.TryPeek(out var f) ? f.At : TimeSpan.MaxValue;
        return new(_shard, _now, _commits.Count == 0 ? 0 : _commits[^1].Height, _newViews.Count, _deliveries, nextEvent < nextFault ? nextEvent : nextFault,
            TakeOutbox(), (ulong)_ledger.EpochsCompleted);
    }

    /// <summary>Delivers everything due at the current instant: one call per validator, all in parallel, outputs applied in node order.</summary>
    private async Task StepInstant()
    {
        var due = new SortedDictionary<(int Node, int Replica), List<ValidatorEvent>>();
        var deferred = new List<Pending>();
        while (_queue.TryPeek(out _, out var p) && p.Time == _now.Ticks)
        {
            var pending = _queue.Dequeue();
            if (pending.Node == ShardLevel)
            {
                Receive(((Incoming)pending.Event).Payload);
                continue;
            }
            if (_crashed.Contains(pending.Node)) continue;
            // A node still busy computing (CPU cost model) takes its inputs when it is free, in the same order.
            if (_busyUntil.TryGetValue(pending.Node, out var busy) && busy > _now)
            {
                deferred.Add(pending);
                continue;
            }
            var e = pending.Event;
            if (e is Delivery d)
            {
                _deliveries++;
                Trace(d, pending.Node);
                Count(d.Message.Type);
            }
            if (e is SyncRequest s) e = new SyncBlocks(CanonicalFrom(s.FromHeight));
            if (!due.TryGetValue((pending.Node, pending.Replica), out var list)) due[(pending.Node, pending.Replica)] = list = [];
            list.Add(e);
        }
        foreach (var pending in deferred) Enqueue(_busyUntil[pending.Node], pending.Node, pending.Event, pending.Replica);
        if (due.Count == 0) return;
        var calls = due.Select(kv => Validator(kv.Key.Node).Step(new ValidatorInput(_now, kv.Value, kv.Key.Replica, _shard))).ToArray();
        foreach (var output in await Task.WhenAll(calls)) Apply(output);
    }

    private void Apply(ValidatorOutput output)
    {
        var from = output.Node;
        _signatureChecks += output.Operations.SignatureChecks;
        if (output.IsLeader) _leader = from;
        // Under the CPU cost model the node's messages leave when its computation is done.
        var cost = _plan.Cost?.Of(output.Operations) ?? TimeSpan.Zero;
        var departure = _now + cost;
        if (cost > TimeSpan.Zero) _busyUntil[from] = departure;
        var honest = _plan.Nodes[from].Behaviour == NodeBehaviour.Honest;
        foreach (var effect in output.Effects)
        {
            switch (effect)
            {
                case Broadcast b:
                    if (b.Message is Announce a) _proposedAt.TryAdd((a.BlockNumber, a.Block.Header.ViewId), _now);
                    foreach (var to in _members)
                        if (to != from) Send(from, output.Replica, to, b.Message, departure);
                    break;
                case SendTo s:
                    Send(from, output.Replica, _context.NodeOfKey[s.Recipient], s.Message, departure);
                    break;
                case SetTimer t:
                    Enqueue(t.At, from, new TimerFired(t.Kind, t.Token), output.Replica);
                    break;
                case BlockCommitted c when honest:
                    Committed(from, c.Committed);
                    break;
                case SyncRequested r:
                    Enqueue(_now + SyncDelay, from, new SyncRequest(r.FromHeight), output.Replica);
                    break;
                case NewViewEntered v when honest && _newViews.Add((output.Height, v.ViewId)):
                    _viewChangeTimes.Add(_now);
                    Log("new_view", ("height", output.Height.ToString()), ("view", v.ViewId.ToString()), ("leader", NodeOf(v.Leader)), ("carried_prepared_block", v.CarriedPreparedBlock ? "true" : "false"));
                    break;
                case EvidenceObserved ev when honest:
                    if (ev.Evidence is DoubleSignEvidence doubleSign) EvidenceToBeacon(doubleSign, from);
                    Log(ev.Evidence is DoubleSignEvidence ? "double_sign" : "leader_equivocation", ("height", ev.Evidence.BlockNumber.ToString()),
                        ("view", ev.Evidence.ViewId.ToString()), ("observer", from.ToString()));
                    break;
            }
        }
    }

    private void Committed(int node, CommittedBlock committed)
    {
        if (_canonical.TryGetValue(committed.Number, out var first))
        {
            if (first.Hash != committed.Hash)
            {
                var violation = $"shard {_shard} height {committed.Number}: node {node} committed {committed.Hash}, another honest node {first.Hash}";
                _safetyViolations.Add(violation);
                Log("safety_violation", ("height", committed.Number.ToString()), ("node", node.ToString()), ("hash", committed.Hash.ToString()));
            }
            return;
        }
        _canonical[committed.Number] = committed;
        var committee = CommitteeAt(committed.Number);
        var verified = committed.CommitBitmap is { } bitmap && committed.CommitSignature is { } signature && committee.IsQuorum(bitmap)
            && committee.Scheme.VerifyAggregate(committee.KeySet, bitmap, SigningPayloads.Commit(committed.Header), signature);
        var proposed = _proposedAt.TryGetValue((committed.Number, committed.Header.ViewId), out var at) ? at : _now;
        var leaderSlot = committee.IndexOfCoinbase(committed.Header.Coinbase);
        var leader = leaderSlot < 0 ? -1 : _context.NodeOfKey[committee.KeyAt(leaderSlot)];
        _commits.Add(new CommitRecord(committed.Number, committed.Hash.ToString(), committed.CommitViewId, proposed, _now,
            committed.CommitBitmap?.Count ?? 0, verified, leader));
        Log("commit", ("height", committed.Number.ToString()), ("hash", committed.Hash.ToString()), ("view", committed.CommitViewId.ToString()),
            ("signers", (committed.CommitBitmap?.Count ?? 0).ToString()), ("leader", leader.ToString()));
        StakingCommitted(committed);
        TransfersCommitted(committed);
    }

    /// <summary>
    /// Routes a message. A split-brain node's replica r talks only to honest nodes on side r and to replica r of
    /// other split-brain nodes; an honest node's messages reach the replica of its own side.
    /// </summary>
    private void Send(int from, int fromReplica, int to, FbftMessage message, TimeSpan departure)
    {
        var fromSplit = IsSplit(from);
        var side = fromSplit ? fromReplica : _side[from];
        var toReplica = 0;
        if (IsSplit(to)) toReplica = side;
        else if (fromSplit && _side[to] != side) return;
        if (_crashed.Contains(from) || _crashed.Contains(to)) return;
        if (_isolated is { } iso && _now < iso.Until && (from == iso.Node || to == iso.Node)) return;
        if (_partitionGroup.Count > 0 && Group(from) != Group(to)) return;
        if (_latency.Lost(_random)) return;
        var delay = _latency.Delay(_plan.Nodes[from].Region, _plan.Nodes[to].Region, message.WireSize, _random)
            + _slowLinks.GetValueOrDefault(from) + _slowLinks.GetValueOrDefault(to);
        Enqueue(departure + delay, to, new Delivery(from, message), toReplica);
    }

    private int Group(int node) => _partitionGroup.TryGetValue(node, out var g) ? g : -1;

    private async Task ApplyFault(FaultPlan fault)
    {
        var targets = fault.Nodes.Where(_memberSet.Contains).ToList();
        switch (fault.Kind)
        {
            case FaultKind.Crash:
                foreach (var n in targets) _crashed.Add(n);
                break;
            case FaultKind.Restart:
                var restarted = targets.Where(_crashed.Remove).ToList();
                foreach (var output in (await Task.WhenAll(restarted.Select(n => Validator(n).Start(_plan, n, _now, restart: true, _shard)))).SelectMany(o => o)) Apply(output);
                foreach (var n in restarted) Reannounce(n);
                break;
            case FaultKind.Partition:
                _partitionGroup = [];
                for (var g = 0; g < fault.Groups.Count; g++)
                    foreach (var n in fault.Groups[g]) _partitionGroup[n] = g;
                break;
            case FaultKind.Heal:
                _partitionGroup = [];
                _isolated = null;
                _slowLinks = [];
                break;
            case FaultKind.SlowLink:
                foreach (var n in targets) _slowLinks[n] = fault.ExtraDelay ?? TimeSpan.Zero;
                break;
            case FaultKind.EndPartition:
                _partitionGroup = [];
                break;
            case FaultKind.EndSlowLink:
                foreach (var n in targets) _slowLinks.Remove(n);
                break;
            case FaultKind.IsolateLeader:
                if (_leader >= 0) _isolated = (_leader, _now + (fault.Duration ?? TimeSpan.FromSeconds(60)));
                break;
        }
        Log("fault", ("fault", KebabCase(fault.Kind)),
            ("nodes", string.Join(' ', fault.Kind == FaultKind.IsolateLeader ? [_leader] : targets)));
    }

    private static string KebabCase(FaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private List<CommittedBlock> CanonicalFrom(ulong height)
    {
        var blocks = new List<CommittedBlock>();
        for (var h = height; _canonical.TryGetValue(h, out var b); h++) blocks.Add(b);
        return blocks;
    }

    private void Enqueue(TimeSpan at, int node, ValidatorEvent e, int replica = 0) => _queue.Enqueue(new Pending(node, e, replica), (at.Ticks, ++_seq));

    private bool IsSplit(int node) => _plan.Nodes[node].Behaviour == NodeBehaviour.Equivocate;

    /// <summary>The side of the shard an honest node is on, as split-brain nodes see it: SHA-256 of (seed, "side", node).</summary>
    private static int SideOf(ulong seed, int node)
    {
        Span<byte> input = stackalloc byte[8 + 4 + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        "side"u8.CopyTo(input[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(input[12..], node);
        return SHA256.HashData(input)[0] & 1;
    }

    // Counts by message type, indexed by the type's wire value (1–7).
    private readonly long[] _countsByType = new long[8];

    private void Count(MessageType type) => _countsByType[(int)type]++;

    private SortedDictionary<string, long> MessagesByType()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in Enum.GetValues<MessageType>())
            if (_countsByType[(int)type] > 0) counts[type.ToString().ToLowerInvariant()] = _countsByType[(int)type];
        return counts;
    }

    /// <summary>Adds a delivery to the trace: time, sender, receiver and the message's digest (computed once per message).</summary>
    private void Trace(Delivery d, int to)
    {
        Span<byte> entry = stackalloc byte[16 + Protocol.Crypto.Hash32.Size];
        BinaryPrimitives.WriteInt64LittleEndian(entry, _now.Ticks);
        BinaryPrimitives.WriteInt32LittleEndian(entry[8..], d.From);
        BinaryPrimitives.WriteInt32LittleEndian(entry[12..], to);
        d.Message.Digest.WriteTo(entry[16..]);
        _trace.AppendData(entry);
    }

    private void Log(string kind, params (string Key, string Value)[] fields) =>
        _events.Add(new LoggedEvent(_now, _shard, kind, [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]));

    private string NodeOf(Protocol.Crypto.PublicKey key) => _context.NodeOfKey.TryGetValue(key, out var n) ? n.ToString() : "?";

    private IValidatorGrain Validator(int node) => GrainFactory.GetGrain<IValidatorGrain>($"{_plan.RunId}/{node}");

    /// <summary>The shard network's own generator seed: SHA-256 of (run seed, "network", shard), never the clock.</summary>
    private static int SeedFor(ulong seed, int shard)
    {
        Span<byte> input = stackalloc byte[8 + 7 + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        "network"u8.CopyTo(input[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(input[15..], shard);
        return BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(input));
    }

    /// <summary>A queued input for one node; sync requests become blocks when they come due.</summary>
    private sealed record Pending(int Node, ValidatorEvent Event, int Replica);

    private sealed record SyncRequest(ulong FromHeight) : ValidatorEvent;
}
