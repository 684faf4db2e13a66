namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// The fast gossip model: a message's arrival time at every node of the mesh in one shortest-path pass instead of one
/// event per relay. A node forwards on its first copy, through its uplink one copy after the other, to its mesh peers
/// in ascending order but the one it came from and the publisher; the i-th copy (from 0) leaves after (i + 1)
/// serialisation times and arrives one link latency later. Because a node forwards only its first copy, the first
/// arrival times are exactly Dijkstra's labels with these per-hop costs, and the copies each node sends and receives
/// follow from the parents. What it leaves out, against a per-hop event simulation (tests/Simulation.Tests/
/// Propagation), is documented in docs/DESIGN-NOTES.md: the uplink is taken as idle when the message starts (no
/// queueing behind other messages), jitter is drawn once per receiver, not per hop, IHAVE/IWANT recovery reaches a node the mesh
/// does not reach after an expected wait (<see cref="LazyGossip"/>), not a drawn one, and random loss may be drawn per receiver on a cached
/// route: a node whose first copy is lost takes its second copy (<see cref="MeshRoute.SecondArrivalMs"/>), while the
/// nodes below it in the tree keep their times.
/// </summary>
public static class MeshArrivals
{
    /// <summary>
    /// Routes a message from <paramref name="source"/>: <paramref name="linkMs"/> is a link's one-way delay,
    /// <paramref name="serialisationMs"/> the time to push one copy through a sender's uplink, and
    /// <paramref name="passes"/> (optional) says whether a copy over a link gets through (a cut link or a loss draw,
    /// asked once per copy, in the order the copies are sent; a copy that does not pass still took its uplink slot).
    /// </summary>
    /// <param name="lazy">When given, online nodes the mesh does not reach get the message by lazy gossip from a
    /// connected peer that has it (<see cref="LazyGossip"/>), and forward it along their own mesh.</param>
    public static MeshRoute Route(GossipMesh mesh, int source, Func<int, int, double> linkMs, double serialisationMs, Func<int, int, bool>? passes = null,
        LazyGossip? lazy = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(linkMs);
        var n = mesh.Count;
        var arrival = new double[n];
        Array.Fill(arrival, double.PositiveInfinity);
        var parent = new int[n];
        Array.Fill(parent, -1);
        var second = new double[n];
        Array.Fill(second, double.PositiveInfinity);
        var sent = new int[n];
        var received = new int[n];
        var settled = new bool[n];
        var queue = new PriorityQueue<int, (double, int)>();
        arrival[source] = 0;
        queue.Enqueue(source, (0, source));
        Settle();
        // Lazy gossip only for nodes the mesh left out: where the mesh reaches everyone, nothing changes.
        if (lazy is null) return new MeshRoute(source, arrival, second, parent, sent, received);
        // Each round reaches the nodes connected to one already reached; they forward along their own mesh.
        while (LazyRound(lazy)) Settle();
        return new MeshRoute(source, arrival, second, parent, sent, received);

        bool LazyRound(LazyGossip lazy)
        {
            var any = false;
            for (var v = 0; v < n; v++)
            {
                if (settled[v] || !mesh.IsOnline(v)) continue;
                // Every connected holder may name the message in its IHAVE at a heartbeat; the first that does, with
                // the shortest IHAVE, IWANT and message trip, delivers it.
                var missed = 1.0;
                var trip = double.PositiveInfinity;
                foreach (var u in lazy.Connected(v))
                {
                    if (!settled[u] || !mesh.IsOnline(u) || (passes is not null && !passes(u, v))) continue;
                    missed *= 1 - lazy.IhaveProbability(u);
                    var at = arrival[u] + (3 * linkMs(u, v)) + serialisationMs;
                    if (at < trip)
                    {
                        trip = at;
                        parent[v] = u;
                    }
                }
                if (parent[v] < 0) continue;
                arrival[v] = trip + lazy.WaitMs(1 - missed);
                sent[parent[v]]++;
                received[v]++;
                queue.Enqueue(v, (arrival[v], v));
                any = true;
            }
            return any;
        }

        void Settle()
        {
            while (queue.TryDequeue(out var u, out var key))
            {
                if (settled[u] || key.Item1 > arrival[u]) continue;
                settled[u] = true;
                var slot = 0;
                foreach (var v in mesh.MeshOf(u))
                {
                    if (v == parent[u] || v == source) continue;
                    slot++;
                    if (passes is not null && !passes(u, v)) continue;
                    sent[u]++;
                    received[v]++;
                    var at = arrival[u] + (slot * serialisationMs) + linkMs(u, v);
                    if (!settled[v] && at < arrival[v])
                    {
                        second[v] = arrival[v];
                        arrival[v] = at;
                        parent[v] = u;
                        queue.Enqueue(v, (at, v));
                    }
                    else if (at < second[v])
                    {
                        second[v] = at;
                    }
                }
            }
        }
    }
}
