using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>Small overlays and meshes from a seed: random 64-bit ids, a Kademlia overlay, heartbeats until the mesh settles.</summary>
internal static class MeshFixture
{
    public static (KademliaOverlay Overlay, GossipMesh Mesh, Random Random) Build(int nodes, int seed, GossipPlan? plan = null)
    {
        plan ??= new GossipPlan();
        var random = new Random(seed);
        var ids = Enumerable.Range(0, nodes).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToList();
        var overlay = new KademliaOverlay(ids, plan, random);
        var mesh = new GossipMesh(nodes, overlay.Peers, plan);
        for (var h = 0; h < 3; h++) mesh.Heartbeat(random);
        return (overlay, mesh, random);
    }

    /// <summary>Random one-way link delays (1–100 ms, not symmetric), fixed per ordered pair.</summary>
    public static Func<int, int, double> Links(int nodes, int seed)
    {
        var random = new Random(seed);
        var ms = new double[nodes, nodes];
        for (var a = 0; a < nodes; a++)
            for (var b = 0; b < nodes; b++) ms[a, b] = 1 + (random.NextDouble() * 99);
        return (a, b) => ms[a, b];
    }

    /// <summary>The nodes reachable from <paramref name="source"/> over mesh links.</summary>
    public static HashSet<int> Component(GossipMesh mesh, int source)
    {
        var seen = new HashSet<int> { source };
        var stack = new Stack<int>([source]);
        while (stack.TryPop(out var u))
            foreach (var v in mesh.MeshOf(u))
                if (seen.Add(v)) stack.Push(v);
        return seen;
    }
}
