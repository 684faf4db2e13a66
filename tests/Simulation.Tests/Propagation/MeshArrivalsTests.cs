using CsCheck;
using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// The fast gossip model (one shortest-path pass per message) against the per-hop event simulation, and its counts
/// of deliveries and duplicates against the mesh (docs/DESIGN-NOTES.md, "Gossip").
/// </summary>
[TestClass]
public sealed class MeshArrivalsTests
{
    private static readonly Gen<(int Nodes, int Seed, double SerialisationMs)> Networks =
        from nodes in Gen.Int[2, 60]
        from seed in Gen.Int
        from ser in Gen.OneOf(Gen.Const(0.0), Gen.Double[0.01, 20])
        select (nodes, seed, ser);

    [TestMethod]
    public void For_one_message_the_fast_model_gives_the_per_hop_simulations_arrival_times_and_copy_counts() =>
        Networks.Sample(net =>
        {
            var (_, mesh, _) = MeshFixture.Build(net.Nodes, net.Seed);
            var links = MeshFixture.Links(net.Nodes, net.Seed + 1);
            var source = (int)((uint)net.Seed % (uint)net.Nodes);
            var fast = MeshArrivals.Route(mesh, source, links, net.SerialisationMs);
            var reference = new PerHopSimulation(mesh, links, net.SerialisationMs, sharedUplink: false).Run([(source, 0)])[0];
            for (var v = 0; v < net.Nodes; v++)
            {
                Assert.AreEqual(reference.ArrivalMs[v], fast.ArrivalMs[v], 1e-9, $"arrival at {v}");
                Assert.AreEqual(reference.Sent[v], fast.Sent[v], $"copies sent by {v}");
                Assert.AreEqual(reference.Received[v], fast.Received[v], $"copies received by {v}");
            }
        });

    [TestMethod]
    public void A_message_reaches_every_connected_peer_once_and_its_duplicates_are_twice_the_links_less_the_tree() =>
        Gen.Select(Gen.Int[2, 80], Gen.Int, Gen.Int[0, 10]).Sample((nodes, seed, leaving) =>
        {
            var (_, mesh, _) = MeshFixture.Build(nodes, seed);
            var source = (int)((uint)seed % (uint)nodes);
            // Some nodes leave (and stay off the mesh), so the source's component may be smaller than the shard.
            for (var i = 1; i <= leaving && i < nodes; i++) mesh.Leave((source + (i * 7)) % nodes);
            var component = MeshFixture.Component(mesh, source);
            // Uniform links and no serialisation: every mesh neighbour of the source gets its first copy from it.
            var route = MeshArrivals.Route(mesh, source, (_, _) => 1, 0);
            Assert.AreEqual(component.Count, route.Reached, "reached = the source's mesh component");
            for (var v = 0; v < nodes; v++)
                Assert.AreEqual(component.Contains(v), double.IsFinite(route.ArrivalMs[v]), $"node {v}");
            var links = component.Sum(mesh.Degree) / 2;
            // Each of the R - 1 first copies crosses a tree link; every other link carries a copy each way, and tree
            // links none back: transmissions = 2E - (R - 1), duplicates = 2E - 2(R - 1).
            Assert.AreEqual((2L * links) - (route.Reached - 1), route.Transmissions);
            Assert.AreEqual((2L * links) - (2L * (route.Reached - 1)), route.Duplicates);
            Assert.AreEqual(route.Reached - 1 + route.Duplicates, component.Where(v => v != source).Sum(v => (long)route.Received[v]), "deliveries + duplicates = copies received");
        });

    /// <summary>
    /// Messages that overlap on an uplink queue behind each other in the per-hop simulation, which the fast model
    /// ignores: its arrival times are then off by at most hops × ((m − 1) × D_hi + 1) serialisation times for m
    /// messages published together (the documented bound; the +1 is a changed first sender shifting a node's send order).
    /// </summary>
    [TestMethod]
    public void With_messages_overlapping_on_uplinks_the_fast_model_stays_within_the_documented_error() =>
        Gen.Select(Gen.Int[4, 40], Gen.Int, Gen.Int[2, 4], Gen.Double[0.1, 10]).Sample((nodes, seed, m, ser) =>
        {
            var plan = new GossipPlan();
            var (_, mesh, _) = MeshFixture.Build(nodes, seed, plan);
            var links = MeshFixture.Links(nodes, seed + 1);
            var messages = Enumerable.Range(0, m).Select(i => ((seed + i) % nodes + nodes) % nodes).Select(s => (s, 0.0)).ToList();
            var reference = new PerHopSimulation(mesh, links, ser, sharedUplink: true).Run(messages);
            for (var i = 0; i < m; i++)
            {
                var fast = MeshArrivals.Route(mesh, messages[i].Item1, links, ser);
                for (var v = 0; v < nodes; v++)
                {
                    if (!double.IsFinite(fast.ArrivalMs[v])) continue;
                    var bound = reference[i].Hops[v] * (((m - 1) * plan.DHi) + 1) * ser;
                    Assert.IsTrue(Math.Abs(reference[i].ArrivalMs[v] - fast.ArrivalMs[v]) <= bound + 1e-9,
                        $"message {i} at {v}: fast {fast.ArrivalMs[v]:F3} ms, per hop {reference[i].ArrivalMs[v]:F3} ms, bound {bound:F3} ms");
                }
            }
        });
}
