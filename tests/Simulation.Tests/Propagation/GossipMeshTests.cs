using CsCheck;
using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>The mesh keeps gossipsub's degree bounds while nodes leave and join (docs/DESIGN-NOTES.md, "Gossip").</summary>
[TestClass]
public sealed class GossipMeshTests
{
    [TestMethod]
    public void Under_churn_no_degree_exceeds_d_hi_and_after_a_heartbeat_every_online_node_has_at_least_d_lo() =>
        Gen.Select(Gen.Int[12, 80], Gen.Int, Gen.Int[0, 3].Array[1, 12]).Sample((nodes, seed, churn) =>
        {
            var plan = new GossipPlan();
            var (_, mesh, random) = MeshFixture.Build(nodes, seed, plan);
            AssertBounds(mesh, plan, "after the first heartbeats");
            var offline = new List<int>();
            foreach (var step in churn)
            {
                // step: 0 a heartbeat only; 1 a node leaves; 2 an offline node joins again; 3 both.
                if ((step & 1) != 0 && offline.Count < nodes / 3)
                {
                    var leaving = Enumerable.Range(0, nodes).Where(mesh.IsOnline).ElementAt(random.Next(nodes - offline.Count));
                    mesh.Leave(leaving);
                    offline.Add(leaving);
                    for (var v = 0; v < nodes; v++) Assert.IsTrue(mesh.Degree(v) <= plan.DHi, $"degree of {v} above D_hi");
                    Assert.AreEqual(0, mesh.Degree(leaving));
                }
                if ((step & 2) != 0 && offline.Count > 0)
                {
                    mesh.Join(offline[0]);
                    offline.RemoveAt(0);
                }
                mesh.Heartbeat(random);
                AssertBounds(mesh, plan, $"after step {step}");
            }
        });

    [TestMethod]
    public void Links_are_symmetric_and_only_between_connected_online_peers() =>
        Gen.Select(Gen.Int[2, 60], Gen.Int).Sample((nodes, seed) =>
        {
            var (overlay, mesh, _) = MeshFixture.Build(nodes, seed);
            for (var u = 0; u < nodes; u++)
                foreach (var v in mesh.MeshOf(u))
                {
                    Assert.IsTrue(mesh.MeshOf(v).Contains(u), $"{u}–{v} one-sided");
                    Assert.IsTrue(overlay.Peers(u).Contains(v), $"{u}–{v} not connected in the overlay");
                }
        });

    private static void AssertBounds(GossipMesh mesh, GossipPlan plan, string when)
    {
        var online = Enumerable.Range(0, mesh.Count).Count(mesh.IsOnline);
        for (var v = 0; v < mesh.Count; v++)
        {
            Assert.IsTrue(mesh.Degree(v) <= plan.DHi, $"{when}: degree of {v} is {mesh.Degree(v)} > D_hi");
            // A node can only reach D_lo when that many other nodes are online.
            if (mesh.IsOnline(v) && online > plan.DLo)
                Assert.IsTrue(mesh.Degree(v) >= plan.DLo, $"{when}: degree of {v} is {mesh.Degree(v)} < D_lo ({online} online)");
        }
    }
}
