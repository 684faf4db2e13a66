using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// What a shard's overlay costs in memory per node (bench/RESULTS.md, "Propagation"): the bytes allocated while
/// building the Kademlia tables, the connected-peer sets and the mesh, divided by the nodes. Allocation is exact and
/// independent of the machine; the figure is written to the test output and held to a loose bound.
/// </summary>
[TestClass]
public sealed class OverlayMemoryTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(250)]
    [DataRow(2500)]
    public void A_nodes_routing_table_peers_and_mesh_stay_within_a_few_kib(int nodes)
    {
        var plan = new GossipPlan();
        var random = new Random(nodes);
        var ids = Enumerable.Range(0, nodes).Select(_ => (ulong)random.NextInt64()).ToList();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var overlay = new KademliaOverlay(ids, plan, random);
        var tables = GC.GetAllocatedBytesForCurrentThread();
        var mesh = new GossipMesh(nodes, overlay.Peers, plan);
        for (var h = 0; h < 3; h++) mesh.Heartbeat(random);
        var after = GC.GetAllocatedBytesForCurrentThread();
        var entries = Enumerable.Range(0, nodes).Average(v => overlay.Table(v).Count);
        var peers = Enumerable.Range(0, nodes).Average(v => overlay.Peers(v).Count);
        TestContext.WriteLine($"{nodes} nodes: {entries:F1} table entries and {peers:F1} connected peers per node; allocated while joining {(tables - before) / (double)nodes / 1024:F1} KiB per node " +
            $"(lookups included), peers and mesh {(after - tables) / (double)nodes / 1024:F1} KiB per node; ids-only table size {overlay.TableBytes / (double)nodes:F0} B per node");
        Assert.IsTrue(overlay.TableBytes / nodes < 4096, "the tables' own entries stay under 4 KiB a node");
    }
}
