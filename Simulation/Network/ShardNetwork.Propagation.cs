using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Network;

/// <summary>
/// How a message leaves its sender: straight to each receiver (direct, in <see cref="Send"/>) or along the gossip mesh
/// (<see cref="GossipPropagation"/>), where one route gives every member's arrival and a vote for the leader travels
/// the mesh like any other message (Harmony broadcasts votes on the shard topic, reference §1.1). Both models tally
/// delays, bytes and copies in the shard's <see cref="PropagationStats"/>.
/// </summary>
public sealed partial class ShardNetwork
{
    // Gossip only: a hop's link delay and whether a copy gets through (faults and loss), between member indices.
    private readonly Func<int, int, double>? _linkMs;
    private readonly Func<int, int, bool>? _passes;
    private readonly Queue<EclipsePlan>? _eclipses;

    /// <summary>
    /// The message's bytes on the wire (<see cref="WireSizes"/>). A multi-key vote's bitmap is sized by the committee
    /// of the height it votes on.
    /// </summary>
    private int WireSize(FbftMessage message)
    {
        var committee = message is Vote { Senders.Count: > 1 } ? CommitteeAt(message.BlockNumber).Count : 0;
        return WireSizes.Of(message, committee);
    }

    /// <summary>Sends a broadcast (<paramref name="recipient"/> −1) or a message for one node along the gossip mesh.</summary>
    private void Gossip(int from, int fromReplica, FbftMessage message, int bytes, TimeSpan departure, int recipient)
    {
        var source = _memberIndex[from];
        if (source < 0) return;
        _gossip!.HeartbeatsUntil(Now);
        StartDueEclipses();
        // A fault that cuts or slows links makes the route depend on the moment: computed for this message, with loss
        // drawn per copy. Otherwise the cached route serves (an eclipse's refusals to relay are fixed, so cached routes
        // carry them), and loss is drawn per receiver (a lost first copy is replaced by the second).
        var shaped = _faults.ShapesLinks(Now);
        var byIda = recipient < 0 && !shaped && !_gossip.HasEclipse && _plan.Propagation.Kind == PropagationKind.Ida && message is Announce or Prepared;
        var route = _gossip.Route(source, bytes, _linkMs!, _latency.SerialisationMs(bytes), shaped ? _passes : null, counted: !byIda);
        var lossPerReceiver = !shaped && _latency.HasLoss;
        if (recipient >= 0)
        {
            if (_memberIndex[recipient] >= 0) GossipDeliver(from, fromReplica, recipient, message, departure, route, _memberIndex[recipient], lossPerReceiver);
            return;
        }
        var announce = message is Announce;
        if (announce) _stats.BeginAnnounce();
        if (byIda)
        {
            var ida = _plan.Propagation.Ida;
            var symbols = _gossip.Ida(source, bytes, _linkMs!, _latency.SerialisationMs(ida.SymbolBytes + ida.SymbolHeaderBytes));
            foreach (var to in _members)
                if (to != from) IdaDeliver(from, fromReplica, to, message, departure, symbols, route, _memberIndex[to]);
        }
        else
        {
            foreach (var to in _members)
                if (to != from) GossipDeliver(from, fromReplica, to, message, departure, route, _memberIndex[to], lossPerReceiver);
        }
        if (announce) _stats.EndAnnounce(_members.Length - 1);
    }

    /// <summary>
    /// A block message under IDA: delivered when the member decoded it; a member that never gets enough symbols (the
    /// sender stopped once 80 % of the shard could decode) gets it by gossip, published when the sender stopped.
    /// </summary>
    private void IdaDeliver(int from, int fromReplica, int to, FbftMessage message, TimeSpan departure, IdaRoute symbols, MeshRoute fallback, int member)
    {
        var ms = symbols.DecodeMs[member];
        if (!double.IsFinite(ms)) ms = symbols.SenderDoneMs + fallback.ArrivalMs[member];
        DeliverAfter(from, fromReplica, to, message, departure, ms, member);
    }

    /// <summary>Queues a delivery <paramref name="ms"/> (plus jitter) after departure, if it arrives at all and the sides allow it.</summary>
    private void DeliverAfter(int from, int fromReplica, int to, FbftMessage message, TimeSpan departure, double ms, int member)
    {
        if (!double.IsFinite(ms)) return;
        if (!_routing.Route(from, fromReplica, to, out var toReplica)) return;
        var delay = LatencyModel.Quantize(TimeSpan.FromMilliseconds(ms + _latency.JitterMs(_random)));
        Tally(message, delay);
        _gossip!.Delivered(member);
        Enqueue(departure + delay, to, new Delivery(from, message), toReplica);
    }

    /// <summary>Starts the eclipses due by now on this shard's members (at the first message sent at or after their time), logging each.</summary>
    private void StartDueEclipses()
    {
        while (_eclipses!.TryPeek(out var e) && e.At <= Now)
        {
            _eclipses.Dequeue();
            var attackers = e.Attackers.Select(a => _memberIndex[a]).Where(m => m >= 0).ToList();
            foreach (var victim in e.Victims.Where(v => _memberIndex[v] >= 0))
            {
                _gossip!.Eclipse(_memberIndex[victim], attackers, e.TableShare, Now);
                Observer.Log(Now, "eclipse", ("victim", victim.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("attackers", attackers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("table_share", e.TableShare.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>An overlay partition splits the shard's overlay into its groups (members in none form one more); its end or a heal mends it.</summary>
    private void OverlayFault(FaultPlan fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.OverlayPartition:
                var group = new int[_members.Length];
                Array.Fill(group, -1);
                for (var g = 0; g < fault.Groups.Count; g++)
                    foreach (var node in fault.Groups[g])
                        if (node >= 0 && node < _memberIndex.Length && _memberIndex[node] >= 0) group[_memberIndex[node]] = g;
                _gossip!.PartitionOverlay(m => group[m]);
                break;
            case FaultKind.EndOverlayPartition or FaultKind.Heal:
                _gossip!.HealOverlay();
                break;
        }
    }

    private void GossipDeliver(int from, int fromReplica, int to, FbftMessage message, TimeSpan departure, MeshRoute route, int member, bool lossPerReceiver)
    {
        var ms = route.ArrivalMs[member];
        if (!double.IsFinite(ms)) return;
        if (lossPerReceiver && _latency.Lost(_random)) ms = route.SecondArrivalMs[member];
        DeliverAfter(from, fromReplica, to, message, departure, ms, member);
    }

    /// <summary>One receipt's delay, by type, and for an ANNOUNCE toward its two-thirds figure.</summary>
    private void Tally(FbftMessage message, TimeSpan delay)
    {
        var ms = delay.TotalMilliseconds;
        _stats.Delivered(message.Type, ms);
        if (message.Type == MessageType.Announce) _stats.AnnounceAt(ms);
    }

    private Results.PropagationResult PropagationResult()
    {
        _gossip?.Flush();
        var result = _stats.Result(Now);
        return _gossip is null ? result : result with
        {
            Mesh = _gossip.Degree(),
            Eclipses = _gossip.EclipseResults(m => _members[m]),
            RoutingTableBytesPerNode = Math.Round(_gossip.Overlay.TableBytes / (double)Math.Max(1, _members.Length), 1),
        };
    }
}
