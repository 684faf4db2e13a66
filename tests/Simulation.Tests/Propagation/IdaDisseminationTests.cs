using CsCheck;
using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// The IDA model against symbols replayed one by one into a <see cref="RaptorSymbols"/> per node: a node's decode time
/// is the arrival of the symbol that completed it, and it never decodes without enough symbols.
/// </summary>
[TestClass]
public sealed class IdaDisseminationTests
{
    [TestMethod]
    public void Each_node_decodes_at_the_arrival_of_the_symbol_that_completes_its_blocks() =>
        Gen.Select(Gen.Int[2, 40], Gen.Int, Gen.Int[1, 300_000], Gen.Double[0.01, 2]).Sample((nodes, seed, bytes, symbolMs) =>
        {
            var plan = new IdaPlan { SenderReachesCommittee = false };
            var (overlay, mesh, _) = MeshFixture.Build(nodes, seed);
            var links = MeshFixture.Links(nodes, seed + 1);
            var source = (int)((uint)seed % (uint)nodes);
            var route = IdaDissemination.Route(nodes, source, overlay.Peers, mesh.IsOnline, links, symbolMs, bytes, plan);
            var replay = Replay(nodes, source, overlay, links, symbolMs, bytes, plan, route.SymbolsPerBlock);
            for (var v = 0; v < nodes; v++)
                if (v != source) Assert.AreEqual(replay[v], route.DecodeMs[v], 1e-9, $"node {v}");
            var first = overlay.Peers(source).ToList();
            var decodedFirst = first.Count(p => double.IsFinite(route.DecodeMs[p]));
            var everyoneReachable = first.All(p => overlay.Peers(p).Count > 0);
            if (first.Count > 0 && everyoneReachable)
                Assert.IsTrue(decodedFirst >= Math.Ceiling(plan.DecodedShare * first.Count), $"{decodedFirst} of {first.Count} first-hop nodes decoded");
        });

    /// <summary>
    /// The sender's and relays' symbols as events in time order, each handed to the receiver's decoder; the decode time
    /// is the event's time when the decoder reports completion. The number of symbols per block is taken from the
    /// model (so this checks the schedule, the relays and the decoding condition; the stopping rule is checked by the
    /// share of first-hop nodes that decode).
    /// </summary>
    private static double[] Replay(int nodes, int source, KademliaOverlay overlay, Func<int, int, double> links, double symbolMs, int bytes, IdaPlan plan, IReadOnlyList<int> symbolsPerBlock)
    {
        var first = overlay.Peers(source).ToList();
        var decoders = Enumerable.Range(0, nodes).Select(_ => new RaptorSymbols(bytes, plan)).ToArray();
        var decoded = new double[nodes];
        Array.Fill(decoded, double.PositiveInfinity);
        if (first.Count == 0) return decoded;
        var k = RaptorSymbols.SourceSymbols(bytes, plan);
        var events = new PriorityQueue<(int Node, int Block, int Id), (double, long)>();
        var busy = new double[nodes];
        long s = 0, seq = 0;
        var perPeer = first.Select(_ => new List<(double, int, int)>()).ToList();
        for (var b = 0; b < k.Count; b++)
            for (var j = 0; j < symbolsPerBlock[b]; j++, s++)
            {
                var slot = (int)(s % first.Count);
                perPeer[slot].Add((((s + 1) * symbolMs) + links(source, first[slot]), b, j));
            }
        for (var i = 0; i < first.Count; i++)
        {
            var p = first[i];
            foreach (var (at, b, j) in perPeer[i])
            {
                events.Enqueue((p, b, j), (at, seq++));
                foreach (var q in overlay.Peers(p).Where(q => q != source))
                {
                    busy[p] = Math.Max(busy[p], at) + symbolMs;
                    events.Enqueue((q, b, j), (busy[p] + links(p, q), seq++));
                }
            }
        }
        while (events.TryDequeue(out var e, out var key))
            if (decoders[e.Node].Receive(e.Block, e.Id)) decoded[e.Node] = key.Item1;
        return decoded;
    }
}
