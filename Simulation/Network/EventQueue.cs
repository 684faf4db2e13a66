namespace HarmonySim.Simulation.Network;

/// <summary>One queued input: for a node's replica, or (node <see cref="EventQueue.ShardLevel"/>) for the network itself.</summary>
public readonly record struct Pending(int Node, int Replica, ShardEvent Event);

/// <summary>
/// The shard's event queue, bucketed by instant: events at one virtual time are kept in insertion order, which is
/// the (time, sequence) order of a priority queue of tuples without a comparison per event. The instant being taken
/// stays open, so what the network queues for that same instant while reading it joins it (pools handed to the
/// validators the moment a cross-shard message arrives); once closed, a new bucket for the same time is a later pass.
/// </summary>
public sealed class EventQueue
{
    public const int ShardLevel = -1;

    private readonly PriorityQueue<long, long> _times = new();
    private readonly Dictionary<long, List<Pending>> _buckets = [];
    private readonly Stack<List<Pending>> _spare = new();
    private List<Pending>? _open;
    private long _openTime;

    public int Count { get; private set; }

    /// <summary>The earliest instant with something queued, or <see cref="TimeSpan.MaxValue"/>.</summary>
    public TimeSpan NextTime => _times.TryPeek(out var t, out _) ? TimeSpan.FromTicks(t) : TimeSpan.MaxValue;

    public void Enqueue(TimeSpan at, Pending pending)
    {
        Count++;
        var t = at.Ticks;
        if (_open is not null && t == _openTime)
        {
            _open.Add(pending);
            return;
        }
        if (!_buckets.TryGetValue(t, out var bucket))
        {
            bucket = _spare.Count > 0 ? _spare.Pop() : [];
            _buckets[t] = bucket;
            _times.Enqueue(t, t);
        }
        bucket.Add(pending);
    }

    /// <summary>Takes every event of the earliest instant, in order; the list grows while the instant is open.</summary>
    public List<Pending> Open(out TimeSpan at)
    {
        if (_open is not null) throw new InvalidOperationException("an instant is already open");
        var t = _times.Dequeue();
        _open = _buckets[t];
        _buckets.Remove(t);
        _openTime = t;
        at = TimeSpan.FromTicks(t);
        return _open;
    }

    /// <summary>Closes the open instant; its list is recycled.</summary>
    public void Close()
    {
        if (_open is null) return;
        Count -= _open.Count;
        _open.Clear();
        _spare.Push(_open);
        _open = null;
    }
}
