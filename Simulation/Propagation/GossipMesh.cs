namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// One shard topic's gossipsub mesh: each online node's mesh peers, kept symmetric (a GRAFT accepted adds the link at
/// both ends, a PRUNE removes it at both). Each heartbeat, in node order, a node below D_lo grafts random connected
/// peers up to D, and one above D_hi prunes random peers down to D. A peer refuses a GRAFT when its own mesh already
/// holds D_hi peers (go-libp2p-pubsub's handleGraft for inbound grafts), so no degree ever exceeds D_hi. Not modelled:
/// peer scoring (off in Harmony), D_out and D_score (they matter only with scoring), the prune backoff, opportunistic
/// grafting. <see cref="Version"/> changes with every link added or removed, for the routes that cache on it.
/// </summary>
public sealed class GossipMesh
{
    private readonly List<int>[] _mesh;
    private readonly bool[] _online;
    private readonly Func<int, IReadOnlyCollection<int>> _peers;
    private readonly GossipPlan _plan;

    /// <summary>A mesh over <paramref name="count"/> nodes, all online, no links yet; <paramref name="peers"/> gives each node's connected peers.</summary>
    public GossipMesh(int count, Func<int, IReadOnlyCollection<int>> peers, GossipPlan plan)
    {
        _mesh = [.. Enumerable.Range(0, count).Select(_ => new List<int>())];
        _online = [.. Enumerable.Repeat(true, count)];
        _peers = peers ?? throw new ArgumentNullException(nameof(peers));
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
    }

    public int Count => _mesh.Length;

    /// <summary>Changes with every graft, prune, join or leave.</summary>
    public long Version { get; private set; }

    /// <summary>Node <paramref name="node"/>'s mesh peers, in ascending order (the order it forwards in).</summary>
    public IReadOnlyList<int> MeshOf(int node) => _mesh[node];

    public int Degree(int node) => _mesh[node].Count;

    public bool IsOnline(int node) => _online[node];

    /// <summary>One heartbeat of every online node, in node order, with the overlay's generator for the random choices.</summary>
    public void Heartbeat(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var node = 0; node < _mesh.Length; node++)
        {
            if (!_online[node]) continue;
            var mesh = _mesh[node];
            if (mesh.Count < _plan.DLo)
            {
                var candidates = _peers(node).Where(p => _online[p] && !mesh.Contains(p) && _mesh[p].Count < _plan.DHi).ToList();
                Shuffle(candidates, random);
                foreach (var p in candidates)
                {
                    if (mesh.Count >= _plan.D) break;
                    Link(node, p);
                }
            }
            else if (mesh.Count > _plan.DHi)
            {
                var excess = mesh.ToList();
                Shuffle(excess, random);
                foreach (var p in excess.Take(mesh.Count - _plan.D).ToList()) Unlink(node, p);
            }
        }
    }

    /// <summary>The node leaves (goes offline): its peers drop it from their meshes at once (the connection closes).</summary>
    public void Leave(int node)
    {
        if (!_online[node]) return;
        _online[node] = false;
        foreach (var p in _mesh[node].ToList()) Unlink(node, p);
        Version++;
    }

    /// <summary>The node comes back online; it grafts at its next heartbeat, and peers short of D_lo may graft it.</summary>
    public void Join(int node)
    {
        if (_online[node]) return;
        _online[node] = true;
        Version++;
    }

    /// <summary>Drops every link of <paramref name="node"/> (its connections were replaced, as in an eclipse); it grafts again at the next heartbeat.</summary>
    public void Reset(int node)
    {
        foreach (var p in _mesh[node].ToList()) Unlink(node, p);
    }

    /// <summary>Drops every mesh link <paramref name="cut"/> says crosses a cut (an overlay partition); nodes left short graft again at the next heartbeat.</summary>
    public void DropLinks(Func<int, int, bool> cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        for (var a = 0; a < _mesh.Length; a++)
            foreach (var b in _mesh[a].Where(b => b > a && cut(a, b)).ToList()) Unlink(a, b);
    }

    private void Link(int a, int b)
    {
        Insert(_mesh[a], b);
        Insert(_mesh[b], a);
        Version++;
    }

    private void Unlink(int a, int b)
    {
        _mesh[a].Remove(b);
        _mesh[b].Remove(a);
        Version++;
    }

    private static void Insert(List<int> sorted, int value)
    {
        var at = sorted.BinarySearch(value);
        if (at < 0) sorted.Insert(~at, value);
    }

    private static void Shuffle(List<int> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
