using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// The reference the fast gossip model is held against: gossipsub's relaying simulated one copy at a time. Every
/// copy is an event; a node forwards a message on its first copy to its mesh peers (ascending) but the sender and
/// the publisher, pushing the copies through its uplink one after the other; later copies are duplicates. With
/// <c>sharedUplink</c> a node's uplink is one queue for all messages (what the fast model leaves out); otherwise each
/// message finds the uplink idle.
/// </summary>
internal sealed class PerHopSimulation(GossipMesh mesh, Func<int, int, double> linkMs, double serialisationMs, bool sharedUplink)
{
    public sealed record Outcome(double[] ArrivalMs, int[] Sent, int[] Received, int[] Hops);

    /// <summary>Publishes each message (source, time) and runs to the end; one outcome per message, arrival offsets from its publish time.</summary>
    public IReadOnlyList<Outcome> Run(IReadOnlyList<(int Source, double AtMs)> messages)
    {
        var n = mesh.Count;
        var outcomes = messages.Select(_ => new Outcome(Filled(n, double.PositiveInfinity), new int[n], new int[n], new int[n])).ToList();
        var busy = new double[n];
        var queue = new PriorityQueue<(int Message, int Node, int From), (double, long)>();
        long seq = 0;
        var perMessageBusy = messages.Select(_ => new double[n]).ToList();
        for (var m = 0; m < messages.Count; m++) queue.Enqueue((m, messages[m].Source, -1), (messages[m].AtMs, seq++));
        while (queue.TryDequeue(out var e, out var key))
        {
            var (m, node, from) = e;
            var outcome = outcomes[m];
            var source = messages[m].Source;
            if (from >= 0) outcome.Received[node]++;
            if (double.IsFinite(outcome.ArrivalMs[node])) continue;
            outcome.ArrivalMs[node] = key.Item1 - messages[m].AtMs;
            outcome.Hops[node] = from < 0 ? 0 : outcome.Hops[from] + 1;
            var uplink = sharedUplink ? busy : perMessageBusy[m];
            foreach (var v in mesh.MeshOf(node))
            {
                if (v == from || v == source) continue;
                var depart = Math.Max(key.Item1, uplink[node]) + serialisationMs;
                uplink[node] = depart;
                outcome.Sent[node]++;
                queue.Enqueue((m, v, node), (depart + linkMs(node, v), seq++));
            }
        }
        return outcomes;
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
