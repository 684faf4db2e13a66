namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// Gossipsub's lazy gossip as the fast model carries it: at each heartbeat a node sends IHAVE for the messages it holds
/// to max(D_lazy, gossip factor × its non-mesh peers) of its connected non-mesh peers, chosen at random; a peer that
/// lacks a message answers IWANT and gets it. A node the mesh does not reach gets the message from its connected
/// holders: a heartbeat's IHAVE reaches it with probability p = 1 − Π(1 − q_u) over the holders u (q_u: the share of
/// u's non-mesh peers its IHAVE goes to), so after an expected half a heartbeat plus 1/p − 1 more, then three link delays
/// (IHAVE, IWANT, the message) from the holder with the shortest trip, and one serialisation. An expectation, not a
/// draw, and optimistic (every connected holder counts from the first one's arrival): docs/DESIGN-NOTES.md.
/// </summary>
public sealed class LazyGossip(GossipMesh mesh, Func<int, IReadOnlyCollection<int>> connected, Plans.GossipPlan plan)
{
    /// <summary>The peers node <paramref name="node"/> holds a connection to (its overlay peers).</summary>
    public IReadOnlyCollection<int> Connected(int node) => connected(node);

    /// <summary>The chance that one heartbeat's IHAVE of <paramref name="holder"/> goes to a given one of its non-mesh peers.</summary>
    public double IhaveProbability(int holder)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var nonMesh = Math.Max(1, connected(holder).Count - mesh.Degree(holder));
        var targets = Math.Max(plan.DLazy, (int)Math.Ceiling(plan.GossipFactor * nonMesh));
        return Math.Min(1.0, targets / (double)nonMesh);
    }

    /// <summary>
    /// Expected milliseconds until an IHAVE names the message to a node that each heartbeat gets one with probability
    /// <paramref name="perHeartbeat"/>: half a heartbeat to the first, then 1/p − 1 more on average.
    /// </summary>
    public double WaitMs(double perHeartbeat) => plan.Heartbeat.TotalMilliseconds * (0.5 + ((1 / Math.Max(perHeartbeat, 1e-9)) - 1));
}
