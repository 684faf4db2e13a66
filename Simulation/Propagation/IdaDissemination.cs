namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// The IDA model: one message erasure-coded and spread as symbols, as Harmony's 2018 prototype did. The sender gives
/// its symbols round-robin to its connected peers, block after block, each through its uplink in turn; every peer that
/// got a symbol from the sender relays it once to each of its own connected peers (through its uplink, in arrival order);
/// a node has the message once every source block has k + overhead of its symbols (<see cref="RaptorSymbols"/>). The
/// sender stops once the share of its peers it waits for could decode: it sends each block ⌈(k + overhead) / f⌉ symbols,
/// where f is the share of the sender's symbols that reach the peer at that rank (the prototype stops on its peers'
/// acknowledgements; the outcome is the same without modelling them). Symbols travel over the overlay's connections,
/// not the gossip mesh. Deterministic: no draws (loss is not modelled for symbols; docs/DESIGN-NOTES.md).
/// </summary>
public static class IdaDissemination
{
    public static IdaRoute Route(int nodes, int source, Func<int, IReadOnlyCollection<int>> peers, Func<int, bool> online, Func<int, int, double> linkMs,
        double symbolMs, int messageBytes, IdaPlan plan)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(linkMs);
        ArgumentNullException.ThrowIfNull(plan);
        var decode = new double[nodes];
        Array.Fill(decode, double.PositiveInfinity);
        decode[source] = 0;
        var sent = new long[nodes];
        var received = new long[nodes];
        var first = peers(source).Where(online).ToList();
        if (first.Count == 0) return new IdaRoute(decode, 0, sent, received, 0);

        // The share of the sender's symbols each of its peers ends up with (its own and its relayers').
        var reach = new int[nodes];
        foreach (var p in first)
        {
            reach[p]++;
            foreach (var q in peers(p))
                if (q != source && online(q)) reach[q]++;
        }
        var shares = first.Select(p => reach[p]).OrderDescending().ToList();
        var waitedFor = shares[Math.Clamp((int)Math.Ceiling(plan.DecodedShare * first.Count) - 1, 0, first.Count - 1)];
        var share = waitedFor / (double)first.Count;

        var k = RaptorSymbols.SourceSymbols(messageBytes, plan);
        var perBlock = k.Select(x => (int)Math.Ceiling((x + plan.Overhead) / share)).ToArray();
        var arrivals = new List<double>?[nodes][];
        for (var v = 0; v < nodes; v++) arrivals[v] = new List<double>?[k.Count];

        // The sender's schedule, then each first-hop peer's relays in the order its symbols arrived.
        var given = first.Select(_ => new List<(double At, int Block)>()).ToList();
        long s = 0;
        for (var b = 0; b < k.Count; b++)
            for (var j = 0; j < perBlock[b]; j++, s++)
            {
                var slot = (int)(s % first.Count);
                var at = ((s + 1) * symbolMs) + linkMs(source, first[slot]);
                given[slot].Add((at, b));
            }
        sent[source] = s;
        for (var i = 0; i < first.Count; i++)
        {
            var p = first[i];
            var relayTo = peers(p).Where(q => q != source && online(q)).ToList();
            var busy = 0.0;
            foreach (var (at, block) in given[i])
            {
                Add(arrivals, p, block, at);
                received[p]++;
                foreach (var q in relayTo)
                {
                    busy = Math.Max(busy, at) + symbolMs;
                    Add(arrivals, q, block, busy + linkMs(p, q));
                    received[q]++;
                    sent[p]++;
                }
            }
        }

        long surplus = 0;
        for (var v = 0; v < nodes; v++)
        {
            if (v == source) continue;
            var done = 0.0;
            for (var b = 0; b < k.Count && double.IsFinite(done); b++)
            {
                var need = k[b] + plan.Overhead;
                var got = arrivals[v][b];
                if (got is null || got.Count < need)
                {
                    done = double.PositiveInfinity;
                    continue;
                }
                got.Sort();
                done = Math.Max(done, got[need - 1]);
                surplus += got.Count - need;
            }
            decode[v] = done;
        }
        return new IdaRoute(decode, s * symbolMs, sent, received, surplus);
    }

    private static void Add(List<double>?[][] arrivals, int node, int block, double at) => (arrivals[node][block] ??= []).Add(at);
}

/// <summary>
/// Where one IDA message went: each node's decode time after the send (∞ if it never held enough symbols), when the
/// sender sent its last symbol, symbol copies each node sent and received, and the symbols beyond what decoding needed.
/// </summary>
public sealed class IdaRoute(double[] decodeMs, double senderDoneMs, long[] sent, long[] received, long surplus)
{
    public IReadOnlyList<double> DecodeMs => decodeMs;
    public double SenderDoneMs { get; } = senderDoneMs;
    public IReadOnlyList<long> Sent => sent;
    public IReadOnlyList<long> Received => received;
    public long Copies { get; } = sent.Sum();
    public long Surplus { get; } = surplus;
    public int Decoded { get; } = decodeMs.Count(double.IsFinite);
    public long Uses { get; set; }
}
