using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Network;

/// <summary>One instant of the shard: take what is due, step the validators it concerns, carry out their outputs.</summary>
public sealed partial class ShardNetwork
{
    // Per member, per replica: the events due for it at the instant being stepped (reused from instant to instant).
    private readonly List<ShardEvent>[][] _inbox;
    private readonly List<(int Member, int Replica)> _touched = [];
    private readonly List<StepOutput> _outputs = [];
    private readonly List<Pending> _deferred = [];

    /// <summary>
    /// Delivers everything due at the current instant: each validator's events in queue order in one step, validators
    /// in node order, and only then their outputs, in node order (so no validator sees another's output of this instant).
    /// </summary>
    private void StepInstant()
    {
        var due = _queue.Open(out _);
        for (var i = 0; i < due.Count; i++)
        {
            var pending = due[i];
            if (pending.Node == EventQueue.ShardLevel)
            {
                Receive(((Incoming)pending.Event).Payload);
                continue;
            }
            if (_faults.IsCrashed(pending.Node)) continue;
            // A node still busy computing (CPU cost model) takes its inputs when it is free, in the same order.
            if (_busyUntil.TryGetValue(pending.Node, out var busy) && busy > Now)
            {
                _deferred.Add(pending);
                continue;
            }
            var e = pending.Event;
            switch (e)
            {
                case Delivery d:
                    Observer.Delivered(Now, d.From, pending.Node, d.Message);
                    break;
                case TimerFired t when !_timers.Fire(pending.Node, pending.Replica, t.Kind, t.Token):
                    StaleTimerFirings++;
                    if (ElideStaleTimers) continue;
                    break;
                case TimerFired:
                    LiveTimerFirings++;
                    break;
                case SyncRequest s:
                    e = FixedSync(pending.Node, s.FromHeight);
                    break;
                case SyncBlocks s:
                    e = SyncArrived(pending.Node, pending.Replica, s);
                    break;
            }
            var member = _memberIndex[pending.Node];
            var list = _inbox[member][pending.Replica] ??= [];
            if (list.Count == 0) _touched.Add((member, pending.Replica));
            list.Add(e);
        }
        _queue.Close();
        foreach (var pending in _deferred) _queue.Enqueue(_busyUntil[pending.Node], pending);
        _deferred.Clear();
        if (_touched.Count == 0) return;
        _touched.Sort();
        foreach (var (member, replica) in _touched)
        {
            var events = _inbox[member][replica];
            _outputs.Add(_hosts[member].Step(replica, Now, events));
            events.Clear();
        }
        _touched.Clear();
        foreach (var output in _outputs) Apply(output);
        _outputs.Clear();
    }

    private void Apply(StepOutput output)
    {
        var from = output.Node;
        Observer.Computed(output.Operations.SignatureChecks);
        if (output.IsLeader) _leader = from;
        // A denial of service on the next leaders strikes a new leader before anything it sends now leaves.
        if (output.IsLeader && _faults.TargetLeader(from, Now))
            Observer.Log(Now, "fault", ("fault", "isolate-next-leader"), ("nodes", from.ToString()));
        // Under the CPU cost model the node's messages leave when its computation is done.
        var cost = _plan.Cost?.Of(output.Operations) ?? TimeSpan.Zero;
        var departure = Now + cost;
        if (cost > TimeSpan.Zero) _busyUntil[from] = departure;
        var honest = _plan.Nodes[from].Behaviour == NodeBehaviour.Honest;
        var voteDeparture = _plan.Nodes[from] is { Behaviour: NodeBehaviour.DelayVotes } late && late.Misbehaves(Now)
            ? departure + NodePlan.VoteDelay(_plan.Timing) : departure;
        if (_plan.CommitCuts is { } cuts && Now < cuts.Until && honest) CutFirstCommitter(from, output, cuts);
        foreach (var effect in output.Effects)
        {
            switch (effect)
            {
                case Broadcast b:
                    Observer.Broadcast(b.Message, Now);
                    if (_syncs.AwaitsVotes && b.Message is Vote) _syncs.Voted(from, departure);
                    var bytes = WireSize(b.Message);
                    if (_gossip is not null)
                    {
                        Gossip(from, output.Replica, b.Message, bytes, departure, recipient: -1);
                        break;
                    }
                    var announce = b.Message is Announce;
                    if (announce) _stats.BeginAnnounce();
                    foreach (var to in _members)
                        if (to != from) Send(from, output.Replica, to, b.Message, bytes, departure);
                    if (announce) _stats.EndAnnounce(_members.Length - 1);
                    break;
                case SendTo s:
                    if (_syncs.AwaitsVotes && s.Message is Vote) _syncs.Voted(from, departure);
                    var size = WireSize(s.Message);
                    var leaves = s.Message is Vote ? voteDeparture : departure;
                    // A testnet player's key has no simulated node: what is sent to it is lost, as to a node that is down.
                    if (!Context.NodeOfKey.TryGetValue(s.Recipient, out var recipient)) break;
                    if (_gossip is not null) Gossip(from, output.Replica, s.Message, size, leaves, recipient);
                    else Send(from, output.Replica, recipient, s.Message, size, leaves);
                    break;
                case SetTimer t:
                    _timers.Set(from, output.Replica, t.Kind, t.Token);
                    Enqueue(t.At, from, new TimerFired(t.Kind, t.Token), output.Replica);
                    break;
                case CancelTimer c:
                    _timers.Cancel(from, output.Replica, c.Kind);
                    break;
                case BlockCommitted c when honest:
                    Committed(from, c.Committed);
                    break;
                case SyncRequested r:
                    SyncRequested(from, output.Replica, r.FromHeight);
                    break;
                case ViewChangeStarted v when honest:
                    Observer.ViewChangeStarted(Now, output.Height, v);
                    break;
                case NewViewEntered v when honest:
                    Observer.NewView(Now, output.Height, v, NodeOf(v.Leader));
                    break;
                case EvidenceObserved ev when honest:
                    if (ev.Evidence is DoubleSignEvidence doubleSign) _beacon?.Evidence(doubleSign, from);
                    Observer.Log(Now, ev.Evidence is DoubleSignEvidence ? "double_sign" : "leader_equivocation", ("height", ev.Evidence.BlockNumber.ToString()),
                        ("view", ev.Evidence.ViewId.ToString()), ("observer", from.ToString()));
                    break;
            }
        }
    }

    /// <summary>
    /// The commit cut (<see cref="CommitCutPlan"/>): before the node's messages leave, a node committing a height first
    /// is cut off from its shard when the seed's draw for that height says so and no cut is in force.
    /// </summary>
    private void CutFirstCommitter(int from, StepOutput output, CommitCutPlan cuts)
    {
        if (_faults.Cutting(Now)) return;
        foreach (var effect in output.Effects)
            if (effect is BlockCommitted c && c.Committed.Number > Observer.Height && RunSeeds.Cuts(_plan.Seed, c.Committed.Number, cuts.Share))
            {
                _faults.Cut(from, cuts.Until);
                Observer.Log(Now, "fault", ("fault", "commit-cut"), ("node", from.ToString()), ("height", c.Committed.Number.ToString()));
                return;
            }
    }

    private void Committed(int node, CommittedBlock committed)
    {
        if (!Observer.Committed(Now, node, committed, CommitteeAt(committed.Number), key => Context.NodeOfKey.TryGetValue(key, out var n) ? n : -1)) return;
        _beacon?.Committed(committed);
        _transfers?.Committed(committed);
        if (committed.Number % ForgetEvery != 0) return;
        // What no replica can need any more: the observer's canonical blocks and the silo's transfer states of this shard.
        var lowest = LowestReplicaHeight();
        var below = lowest - Math.Min(lowest, ForgetMargin);
        Observer.Forget(below);
        Context.Transfers?.Forget(Shard, below);
    }

    /// <summary>
    /// How often (in canonical blocks) the shard drops what no replica can need any more. Often enough that blocks
    /// full of transactions (hundreds of kilobytes each under load) do not pile up; the walk over the replicas is cheap.
    /// </summary>
    private const ulong ForgetEvery = 8;

    /// <summary>Canonical blocks kept below the lowest replica's height: the staking and transfer traffic read a block's parent.</summary>
    private const ulong ForgetMargin = 16;

    /// <summary>The lowest height any replica of any member stands at, crashed ones included (they sync from it when restarted).</summary>
    private ulong LowestReplicaHeight()
    {
        var lowest = ulong.MaxValue;
        foreach (var host in _hosts)
            for (var r = 0; r < host.Replicas; r++)
                lowest = Math.Min(lowest, host.Replica(r).Height);
        return lowest == ulong.MaxValue ? 0 : lowest;
    }

    /// <summary>Routes a message through split-brain sides, faults, loss and latency, and queues its delivery.</summary>
    private void Send(int from, int fromReplica, int to, FbftMessage message, int bytes, TimeSpan departure)
    {
        if (!_routing.Route(from, fromReplica, to, out var toReplica)) return;
        if (_faults.Blocks(from, to, Now)) return;
        var arrived = !(_plan.Omissions is { } omissions && Now < omissions.Until
            && RunSeeds.Omitted(_plan.Seed, message.BlockNumber, message.ViewId, (byte)message.Type, from, to, omissions.LossyRounds)) && !_latency.Lost(_random);
        if (_memberIndex[from] >= 0 && _memberIndex[to] >= 0) _stats.Copy(_memberIndex[from], _memberIndex[to], bytes, arrived);
        if (!arrived) return;
        var delay = _latency.Delay(_plan.Nodes[from].Region, _plan.Nodes[to].Region, bytes, _random) + _faults.ExtraDelay(from, to);
        Tally(message, delay);
        Enqueue(departure + delay, to, new Delivery(from, message), toReplica);
    }

    private void ApplyFault(FaultPlan fault)
    {
        var targets = fault.Nodes.Where(n => n >= 0 && n < _memberIndex.Length && _memberIndex[n] >= 0).ToList();
        var (restarted, named) = _faults.Apply(fault, targets, _leader, Now);
        // A crashed node's connections close, so it leaves the gossip mesh; a restarted one grafts again.
        if (fault.Kind == FaultKind.Crash)
            foreach (var node in targets)
            {
                _gossip?.Mesh.Leave(_memberIndex[node]);
                _syncs.Crashed(node);
            }
        foreach (var node in restarted) _gossip?.Mesh.Join(_memberIndex[node]);
        if (_gossip is not null) OverlayFault(fault);
        foreach (var node in restarted)
        {
            var host = _hosts[_memberIndex[node]];
            _timers.Reset(node, host.Replicas);
            _syncs.Restarted(node, Now);
            foreach (var output in host.Start(Now, restart: true)) Apply(output);
        }
        foreach (var node in restarted)
        {
            _beacon?.Reannounce(node);
            _transfers?.Reannounce(node);
        }
        Observer.Log(Now, "fault", ("fault", FaultKinds.Name(fault.Kind)), ("nodes", string.Join(' ', named)));
    }

    /// <summary>A message from another shard (or the beacon's own evidence or randomness) arriving now.</summary>
    private void Receive(CrossShardPayload payload)
    {
        if (_beacon?.Receive(payload) == true) return;
        if (payload is ReceiptsSent r) _transfers?.Receive(r.Proof, r.IntendedTicks);
    }

    private string NodeOf(PublicKey key) => Context.NodeOfKey.TryGetValue(key, out var n) ? n.ToString() : "?";
}
