using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// Issue 14's question: does an ANNOUNCE carrying a 2 MB block reach two thirds of a 250-validator committee sooner
/// by IDA than by gossip, at the same bandwidth? Both over the same Kademlia overlay (IDA uses its connections, gossip
/// its mesh), the same link latencies and the same per-node uplink. The figures are in docs/DESIGN-NOTES.md ("IDA").
/// </summary>
[TestClass]
public sealed class IdaVersusGossipTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(50.0)]
    [DataRow(1000.0)]
    public void A_2_mb_announce_reaches_two_thirds_of_250_validators_sooner_by_ida_than_by_gossip(double mbps)
    {
        const int nodes = 250;
        const int block = 2_000_000;
        var plan = new IdaPlan();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var (overlay, mesh, _) = MeshFixture.Build(nodes, seed);
            var links = Regions(nodes, seed);
            // ANNOUNCE's envelope, pubsub and transport around the block (WireSizes): about 600 bytes.
            var gossipMs = (block + 600) * 8.0 / (mbps * 1000);
            var symbolMs = (plan.SymbolBytes + plan.SymbolHeaderBytes) * 8.0 / (mbps * 1000);
            // The leader is an ordinary node, not one of the bootstrap nodes (0–2) every newcomer connects to.
            const int leader = 100;
            var gossip = MeshArrivals.Route(mesh, leader, links, gossipMs);
            var ida = IdaDissemination.Route(nodes, leader, overlay.Peers, mesh.IsOnline, links, symbolMs, block, plan);
            var g = TwoThirds(gossip.ArrivalMs, leader);
            var i = TwoThirds(ida.DecodeMs, leader);
            TestContext.WriteLine($"{mbps} Mbit/s, seed {seed}: gossip {g:F0} ms, ida {i:F0} ms ({g / i:F2}× sooner); ida decoded {ida.Decoded - 1}/{nodes - 1}, sender done at {ida.SenderDoneMs:F0} ms, " +
                $"bytes per node: gossip {gossip.Transmissions * (block + 600.0) / nodes / 1e6:F1} MB, ida {ida.Copies * (plan.SymbolBytes + plan.SymbolHeaderBytes) / (double)nodes / 1e6:F1} MB; " +
                $"leader peers {overlay.Peers(leader).Count}, mean peers {Enumerable.Range(0, nodes).Average(v => overlay.Peers(v).Count):F0}, leader mesh degree {mesh.Degree(leader)}");
            Assert.IsTrue(i < g, $"{mbps} Mbit/s, seed {seed}: ida {i:F0} ms, gossip {g:F0} ms");

            // Symbols given only to the leader's overlay connections: one relay hop reaches too few to decode.
            var sparse = IdaDissemination.Route(nodes, leader, overlay.Peers, mesh.IsOnline, links, symbolMs, block, plan with { SenderReachesCommittee = false });
            TestContext.WriteLine($"  over the leader's {overlay.Peers(leader).Count} connections only: {sparse.Decoded - 1}/{nodes - 1} decode, to two thirds {TwoThirds(sparse.DecodeMs, leader)} ms");
            Assert.IsTrue(sparse.Decoded - 1 < (nodes - 1) * 2 / 3, "over the overlay alone IDA does not reach two thirds");
        }
    }

    /// <summary>The delay by which two thirds of the receivers (all but the sender at 0) had the message.</summary>
    private static double TwoThirds(IReadOnlyList<double> arrivals, int sender)
    {
        var receivers = arrivals.Where((_, v) => v != sender).Order().ToList();
        return receivers[(int)Math.Ceiling(receivers.Count * 2 / 3.0) - 1];
    }

    /// <summary>Nodes spread over the five default regions with one-way delays from the default matrix's range (1 ms within a region, 30–120 ms between).</summary>
    private static Func<int, int, double> Regions(int nodes, int seed)
    {
        double[,] matrix = { { 1, 35, 40, 110, 80 }, { 35, 1, 70, 85, 55 }, { 40, 70, 1, 90, 110 }, { 110, 85, 90, 1, 35 }, { 80, 55, 110, 35, 1 } };
        var random = new Random(seed);
        var region = Enumerable.Range(0, nodes).Select(_ => random.Next(5)).ToArray();
        return (a, b) => matrix[region[a], region[b]];
    }
}
