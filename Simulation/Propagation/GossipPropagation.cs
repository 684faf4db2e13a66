using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// A shard's gossip layer for its network: the Kademlia overlay of its members, the gossipsub mesh on the shard topic,
/// heartbeats as virtual time passes, and routes (<see cref="MeshArrivals"/>) cached per (publisher, size) while the
/// mesh stays the same and no fault shapes a message's path (an eclipse's fixed refusals to relay are part of a cached
/// route). Members are numbered as in the shard network
/// (0 … members − 1). Its draws come from its own generator (<see cref="RunSeeds.Overlay"/>), in the shard's event order.
/// </summary>
public sealed class GossipPropagation
{
    /// <summary>Heartbeats run before the run starts, so the mesh has formed at time zero (a live network's mesh has).</summary>
    private const int InitialHeartbeats = 3;

    /// <summary>At most this many missed heartbeats are run when time jumps (more change nothing once the mesh settled).</summary>
    private const int MaxCatchUpHeartbeats = 3;

    private readonly GossipPlan _plan;
    private readonly Random _random;
    private readonly PropagationStats _stats;
    private readonly Dictionary<(int Source, int Bytes), MeshRoute> _routes = [];
    private readonly Dictionary<(int Source, int Bytes), IdaRoute> _idaRoutes = [];
    private readonly IdaPlan _ida;
    private long _routesVersion;
    private readonly Dictionary<int, HashSet<int>> _eclipsedBy = [];
    private readonly List<Eclipsed> _eclipses = [];

    private sealed class Eclipsed(int victim, TimeSpan at, double share, int attackers, int honest)
    {
        public int Victim { get; } = victim;
        public TimeSpan At { get; } = at;
        public double Share { get; } = share;
        public int AttackersInTable { get; } = attackers;
        public int HonestInTable { get; } = honest;
        public long MessagesAfter { get; set; }
    }
    private long _heartbeats;
    private readonly LazyGossip _lazy;

    // Whether a copy gets past the eclipses in force (an attacker relays nothing to or from its victim).
    private readonly Func<int, int, bool> _relays;

    public GossipPropagation(RunPlan plan, int shard, IReadOnlyList<int> members, PropagationStats stats)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(members);
        _plan = plan.Propagation.Gossip;
        _ida = plan.Propagation.Ida;
        _stats = stats;
        _random = new Random(RunSeeds.Overlay(plan.Seed, shard));
        Overlay = new KademliaOverlay([.. members.Select(m => RunSeeds.OverlayId(plan.Seed, m))], _plan, _random);
        Mesh = new GossipMesh(members.Count, Overlay.Peers, _plan);
        _lazy = new LazyGossip(Mesh, Overlay.Peers, _plan);
        _relays = (from, to) => !Drops(from, to);
        for (var h = 0; h < InitialHeartbeats; h++) Mesh.Heartbeat(_random);
        _routesVersion = Mesh.Version;
    }

    public KademliaOverlay Overlay { get; }
    public GossipMesh Mesh { get; }

    /// <summary>Runs the heartbeats due by <paramref name="now"/> (heartbeat k at k × interval).</summary>
    public void HeartbeatsUntil(TimeSpan now)
    {
        var due = now.Ticks / _plan.Heartbeat.Ticks;
        if (due <= _heartbeats) return;
        var run = Math.Min(due - _heartbeats, MaxCatchUpHeartbeats);
        for (var h = 0; h < run; h++) Mesh.Heartbeat(_random);
        _heartbeats = due;
    }

    /// <summary>
    /// The route of a message of <paramref name="bytes"/> published by member <paramref name="source"/>. With
    /// <paramref name="passes"/> (faults or loss in force) it is computed for this message alone; otherwise it is
    /// reused for every message of that size from that member until the mesh changes.
    /// </summary>
    /// <param name="counted">False for the gossip fallback of a block sent by IDA: its symbols are what was sent, and
    /// counting the whole gossip flood as well would report every block message twice.</param>
    public MeshRoute Route(int source, int bytes, Func<int, int, double> linkMs, double serialisationMs, Func<int, int, bool>? passes, bool counted = true)
    {
        if (Mesh.Version != _routesVersion) Flush();
        if (passes is not null)
        {
            var once = MeshArrivals.Route(Mesh, source, linkMs, serialisationMs, passes, _lazy);
            _stats.Route(once, bytes, 1);
            return once;
        }
        if (!_routes.TryGetValue((source, bytes), out var route))
        {
            route = MeshArrivals.Route(Mesh, source, linkMs, serialisationMs, HasEclipse ? _relays : null, _lazy);
            _routes[(source, bytes)] = route;
        }
        if (counted) route.Uses++;
        return route;
    }

    /// <summary>
    /// The IDA route of a message of <paramref name="bytes"/> from member <paramref name="source"/> over the overlay's
    /// connections of online members, reused until the mesh (and so who is online) changes.
    /// </summary>
    public IdaRoute Ida(int source, int bytes, Func<int, int, double> linkMs, double symbolMs)
    {
        if (Mesh.Version != _routesVersion) Flush();
        if (!_idaRoutes.TryGetValue((source, bytes), out var route))
        {
            route = IdaDissemination.Route(Mesh.Count, source, Overlay.Peers, Mesh.IsOnline, linkMs, symbolMs, bytes, _ida);
            _idaRoutes[(source, bytes)] = route;
        }
        route.Uses++;
        return route;
    }

    /// <summary>Adds the cached routes' copies to the tallies and forgets them (the mesh changed, or the run ends).</summary>
    public void Flush()
    {
        foreach (var route in _idaRoutes.Values)
        {
            _stats.Symbols(route, _ida.SymbolBytes + _ida.SymbolHeaderBytes, route.Uses);
            route.Uses = 0;
        }
        _idaRoutes.Clear();
        foreach (var ((_, bytes), route) in _routes)
        {
            _stats.Route(route, bytes, route.Uses);
            route.Uses = 0;
        }
        _routes.Clear();
        _routesVersion = Mesh.Version;
    }

    /// <summary>
    /// Splits the overlay into groups (<paramref name="groupOf"/>: a member's group): routing tables forget their entries
    /// across the cut, mesh links across it are dropped, and members left short graft within their side at once.
    /// Links still work; only who knows whom changes, so messages stop crossing because no peer relays them across.
    /// </summary>
    public void PartitionOverlay(Func<int, int> groupOf)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        Overlay.Cut(groupOf);
        Mesh.DropLinks((a, b) => groupOf(a) != groupOf(b));
        Mesh.Heartbeat(_random);
        Flush();
    }

    /// <summary>
    /// The overlay partition ends: the tables get their entries back. The mesh is not rebuilt (each side's nodes already
    /// hold D_lo peers); messages cross again by lazy gossip to connected non-mesh peers, and by grafts as churn comes.
    /// </summary>
    public void HealOverlay()
    {
        if (Overlay.Mend()) Flush();
    }

    /// <summary>Whether an eclipse is in force (routes then skip the links attackers refuse to relay over).</summary>
    public bool HasEclipse => _eclipsedBy.Count > 0;

    /// <summary>
    /// Eclipses member <paramref name="victim"/> at <paramref name="now"/>: the attackers take <paramref name="share"/>
    /// of its routing table (its size unchanged; with a share of 1 no honest entry is left), honest entries fill the
    /// rest, and its mesh is rebuilt at once from the new table.
    /// </summary>
    public void Eclipse(int victim, IReadOnlyList<int> attackers, double share, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(attackers);
        var attackerSet = attackers.Where(a => a != victim).ToHashSet();
        var honest = Overlay.Peers(victim).Where(p => !attackerSet.Contains(p)).ToList();
        var size = Math.Max(Overlay.Peers(victim).Count, 1);
        var attackerSlots = Math.Min(attackerSet.Count, (int)Math.Ceiling(share * size));
        var honestSlots = share >= 1 ? 0 : Math.Min(honest.Count, size - attackerSlots);
        for (var i = honest.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (honest[i], honest[j]) = (honest[j], honest[i]);
        }
        var table = attackerSet.Order().Take(attackerSlots).Concat(honest.Take(honestSlots)).ToList();
        Overlay.ReplaceTable(victim, table);
        Mesh.Reset(victim);
        Mesh.Heartbeat(_random);
        _eclipsedBy[victim] = attackerSet;
        _eclipses.Add(new Eclipsed(victim, now, share, attackerSlots, honestSlots));
    }

    /// <summary>Whether an attacker drops a copy over this link: attackers relay nothing to or from their victim.</summary>
    public bool Drops(int from, int to) =>
        (_eclipsedBy.TryGetValue(to, out var a) && a.Contains(from)) || (_eclipsedBy.TryGetValue(from, out var b) && b.Contains(to));

    /// <summary>Counts a consensus message delivered to <paramref name="member"/> (for an eclipsed victim's tally).</summary>
    public void Delivered(int member)
    {
        if (!_eclipsedBy.ContainsKey(member)) return;
        foreach (var e in _eclipses)
            if (e.Victim == member) e.MessagesAfter++;
    }

    /// <summary>The eclipses so far, with member numbers turned into node ids by <paramref name="nodeOf"/>.</summary>
    public IReadOnlyList<EclipseResult> EclipseResults(Func<int, int> nodeOf) =>
        [.. _eclipses.Select(e => new EclipseResult(nodeOf(e.Victim), e.At.TotalSeconds, e.Share, e.AttackersInTable, e.HonestInTable,
            Mesh.MeshOf(e.Victim).Count(p => !_eclipsedBy[e.Victim].Contains(p)), e.MessagesAfter))];

    /// <summary>The mesh's degree over online members.</summary>
    public MeshDegree Degree()
    {
        var degrees = Enumerable.Range(0, Mesh.Count).Where(Mesh.IsOnline).Select(Mesh.Degree).DefaultIfEmpty().ToList();
        return new MeshDegree(degrees.Min(), Math.Round(degrees.Average(), 3), degrees.Max());
    }
}
