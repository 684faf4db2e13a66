namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// The routing tables of one shard's nodes after they joined a Kademlia DHT one by one: each newcomer learns the
/// bootstrap nodes, looks up its own id (iterative, α queries a round, the k closest kept) and then a few random ids
/// (bucket refresh); every node it queries learns it too. Its connected peers (the candidates for its gossip mesh)
/// are the symmetric closure: the peers in its table and the nodes holding it in theirs. Harmony runs one DHT for
/// the whole network and finds its shard's topic peers through it; here the overlay of each shard is built from the
/// shard's members alone (docs/DESIGN-NOTES.md).
/// </summary>
public sealed class KademliaOverlay
{
    private readonly ulong[] _ids;
    private readonly KademliaTable[] _tables;
    private readonly GossipPlan _plan;
    private readonly Random _random;
    private SortedSet<int>[]? _peers;

    // Each table's entries before an overlay partition, restored when it ends.
    private List<int>[]? _beforeCut;

    /// <summary>Builds the overlay of <paramref name="ids"/>.Length nodes (node i has id ids[i]); nodes join in index order.</summary>
    public KademliaOverlay(IReadOnlyList<ulong> ids, GossipPlan plan, Random random)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _ids = [.. ids];
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _random = random;
        _tables = [.. _ids.Select((id, i) => new KademliaTable(i, id, plan.BucketSize))];
        for (var node = 0; node < _ids.Length; node++) Join(node);
    }

    public int Count => _ids.Length;

    public ulong IdOf(int node) => _ids[node];

    public KademliaTable Table(int node) => _tables[node];

    /// <summary>Node <paramref name="node"/> joins: through the bootstrap nodes (the first few to join), then its lookups.</summary>
    public void Join(int node)
    {
        _peers = null;
        for (var b = 0; b < Math.Min(_plan.BootstrapNodes, _ids.Length); b++)
        {
            if (b == node || (b > node && !Joined(b))) continue;
            Connect(node, b);
        }
        Lookup(node, _ids[node]);
        for (var r = 0; r < _plan.RefreshLookups; r++) Lookup(node, (ulong)_random.NextInt64() ^ ((ulong)_random.Next() << 63));
    }

    /// <summary>
    /// Replaces <paramref name="node"/>'s table with <paramref name="entries"/> and drops it from every other table
    /// (an eclipse: what the node knows is what the adversary fed it, and it is known only to those).
    /// </summary>
    public void ReplaceTable(int node, IEnumerable<int> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _peers = null;
        foreach (var other in _tables) other.Remove(node, _ids[node]);
        var table = _tables[node] = new KademliaTable(node, _ids[node], int.MaxValue);
        foreach (var e in entries)
        {
            table.Observe(e, _ids[e]);
            _tables[e].Observe(node, _ids[node]);
        }
    }

    /// <summary>
    /// An overlay partition: every table forgets its entries in another group (<paramref name="groupOf"/>: a node's
    /// group), as peers across the cut drop their connections. The tables as they were are kept for <see cref="Mend"/>.
    /// </summary>
    public void Cut(Func<int, int> groupOf)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        _peers = null;
        _beforeCut ??= [.. _tables.Select(t => t.Entries.ToList())];
        foreach (var t in _tables)
            foreach (var e in t.Entries.Where(e => groupOf(e) != groupOf(t.Owner)).ToList()) t.Remove(e, _ids[e]);
    }

    /// <summary>The partition ends: each table gets back the entries it lost to the cut (its bucket refreshes find them again).</summary>
    /// <returns>Whether there was a partition to end.</returns>
    public bool Mend()
    {
        if (_beforeCut is null) return false;
        _peers = null;
        for (var node = 0; node < _tables.Length; node++)
            foreach (var e in _beforeCut[node]) _tables[node].Observe(e, _ids[e]);
        _beforeCut = null;
        return true;
    }

    /// <summary>The nodes <paramref name="node"/> is connected to: its table's entries and the nodes whose tables hold it.</summary>
    public IReadOnlyCollection<int> Peers(int node)
    {
        if (_peers is null)
        {
            _peers = [.. _tables.Select(_ => new SortedSet<int>())];
            foreach (var t in _tables)
                foreach (var e in t.Entries)
                {
                    _peers[t.Owner].Add(e);
                    _peers[e].Add(t.Owner);
                }
        }
        return _peers[node];
    }

    /// <summary>Bytes the routing tables hold (4 bytes an entry plus a list header per non-empty bucket), for the memory figure.</summary>
    public long TableBytes => _tables.Sum(t => (4L * t.Count) + (32L * t.NonEmptyBuckets));

    private bool Joined(int node) => _tables[node].Count > 0 || node == 0;

    private void Connect(int a, int b)
    {
        _tables[a].Observe(b, _ids[b]);
        _tables[b].Observe(a, _ids[a]);
    }

    /// <summary>Kademlia's iterative lookup from <paramref name="from"/> toward <paramref name="target"/>.</summary>
    private void Lookup(int from, ulong target)
    {
        var k = _plan.BucketSize;
        var queried = new HashSet<int> { from };
        var shortlist = _tables[from].Closest(target, k, IdOf);
        while (true)
        {
            var round = shortlist.Where(p => !queried.Contains(p)).Take(_plan.Alpha).ToList();
            if (round.Count == 0) break;
            foreach (var p in round)
            {
                queried.Add(p);
                Connect(from, p);
                foreach (var found in _tables[p].Closest(target, k, IdOf))
                    if (found != from && !shortlist.Contains(found)) shortlist.Add(found);
            }
            shortlist.Sort((a, b) => (_ids[a] ^ target).CompareTo(_ids[b] ^ target) is var c && c != 0 ? c : a.CompareTo(b));
            if (shortlist.Count > k) shortlist.RemoveRange(k, shortlist.Count - k);
        }
    }
}
