using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Bench.Consensus;

/// <summary>Delivers every message at once in FIFO order and fires timers in time order: consensus cost alone.</summary>
internal sealed class InstantNetwork
{
    private readonly FbftNode[] _nodes;
    private readonly Dictionary<PublicKey, int> _byKey = [];
    private readonly Queue<(int To, FbftMessage Message)> _queue = new();
    private readonly PriorityQueue<(int Node, TimerKind Kind, long Token), TimeSpan> _timers = new();
    private TimeSpan _now;

    public InstantNetwork(BenchCommittee committee)
    {
        _nodes = [.. Enumerable.Range(0, committee.Count).Select(i => committee.Node(i, committee.Genesis))];
        for (var i = 0; i < _nodes.Length; i++) _byKey[committee.Keys[i].Public] = i;
    }

    public long Delivered { get; private set; }

    /// <summary>Runs until node 1 has committed <paramref name="blocks"/> blocks; returns the messages delivered.</summary>
    public long RunBlocks(ulong blocks)
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            _nodes[i].Start(_now);
            Drain(i);
        }
        while (_nodes[1].Height <= blocks)
        {
            while (_queue.TryDequeue(out var item))
            {
                Delivered++;
                _nodes[item.To].Receive(item.Message, _now);
                Drain(item.To);
            }
            if (!_timers.TryDequeue(out var timer, out var at)) break;
            _now = at;
            _nodes[timer.Node].Tick(timer.Kind, timer.Token, _now);
            Drain(timer.Node);
        }
        return Delivered;
    }

    private void Drain(int from)
    {
        var node = _nodes[from];
        foreach (var effect in node.PendingEffects)
        {
            switch (effect)
            {
                case Broadcast b:
                    for (var j = 0; j < _nodes.Length; j++)
                        if (j != from) _queue.Enqueue((j, b.Message));
                    break;
                case SendTo s:
                    _queue.Enqueue((_byKey[s.Recipient], s.Message));
                    break;
                case SetTimer t when t.Kind is TimerKind.Propose or TimerKind.CommitGrace:
                    _timers.Enqueue((from, t.Kind, t.Token), t.At);
                    break;
            }
        }
        node.ClearEffects();
    }
}
