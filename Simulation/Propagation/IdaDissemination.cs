namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// The IDA model: one message erasure-coded and spread as symbols, as Harmony's 2018 prototype did. The sender gives
/// its symbols round-robin to its connected peers, block after block, each through its uplink in turn; every peer that
/// got a symbol from the sender relays it once to each of its own connected peers (through its uplink, in arrival order);
/// a node has the message once every source block has k + overhead of its symbols (<see cref="RaptorSymbols"/>). The
/// sender sends each block's symbols until the share of its first-hop nodes it waits for hold k + overhead of it (the
/// prototype stops on its peers' acknowledgements; counting what they will hold gives the same stopping point without
/// modelling the acknowledgements' delay, so it stops a little early by their round trip). Symbols travel over the overlay's connections,
/// not the gossip mesh. Deterministic: no draws (loss is not modelled for symbols; docs/DESIGN-NOTES.md).
/// </summary>
public static class IdaDissemination
{
    /// <summary>
    /// Routes one message of <paramref name="messageBytes"/> from <paramref name="source"/>: <paramref name="peers"/> are
    /// each node's connections; with <see cref="IdaPlan.SenderReachesCommittee"/> the sender gives symbols to every
    /// online node (the prototype's setting, where every node was a neighbour), otherwise only to its connections.
    /// </summary>
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
        var first = (plan.SenderReachesCommittee ? Enumerable.Range(0, nodes).Where(v => v != source) : peers(source)).Where(online).ToList();
        if (first.Count == 0) return new IdaRoute(decode, 0, sent, received, 0, []);

        // The sender's schedule: per block, symbols round-robin over its first hop (continuing the rotation) until the
        // share of them it waits for holds k + overhead of this block and of every block before (so could decode the
        // message), counting what each first-hop node relays.
        var k = RaptorSymbols.SourceSymbols(messageBytes, plan);
        var relayTo = first.Select(p => peers(p).Where(q => q != source && online(q)).ToList()).ToList();
        // First-hop nodes that held enough of every block so far: the ones that can still decode the whole message.
        var isFirst = new bool[nodes];
        foreach (var p in first) isFirst[p] = true;
        var waitFor = Math.Clamp((int)Math.Ceiling(plan.DecodedShare * first.Count), 1, first.Count);
        var perBlock = new int[k.Count];
        var given = first.Select(_ => new List<(double At, int Block)>()).ToList();
        var count = new int[nodes];
        long s = 0;
        for (var b = 0; b < k.Count; b++)
        {
            var need = k[b] + plan.Overhead;
            Array.Clear(count);
            var ready = 0;
            // A block no first-hop node can complete (too few distinct relayers reach it) is capped at one symbol per need per relayer.
            for (var j = 0; ready < waitFor && j < need * first.Count; j++, s++)
            {
                var slot = (int)(s % first.Count);
                var p = first[slot];
                given[slot].Add((((s + 1) * symbolMs) + linkMs(source, p), b));
                perBlock[b]++;
                if (++count[p] == need && isFirst[p]) ready++;
                foreach (var q in relayTo[slot])
                    if (++count[q] == need && isFirst[q]) ready++;
            }
            for (var v = 0; v < nodes; v++) isFirst[v] &= count[v] >= k[b] + plan.Overhead;
        }
        var arrivals = new List<double>?[nodes][];
        for (var v = 0; v < nodes; v++) arrivals[v] = new List<double>?[k.Count];
        sent[source] = s;
        for (var i = 0; i < first.Count; i++)
        {
            var p = first[i];
            var busy = 0.0;
            foreach (var (at, block) in given[i])
            {
                Add(arrivals, p, block, at);
                received[p]++;
                foreach (var q in relayTo[i])
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
        return new IdaRoute(decode, s * symbolMs, sent, received, surplus, perBlock);
    }

    private static void Add(List<double>?[][] arrivals, int node, int block, double at) => (arrivals[node][block] ??= []).Add(at);
}

/// <summary>
/// Where one IDA message went: each node's decode time after the send (∞ if it never held enough symbols), when the
/// sender sent its last symbol, symbol copies each node sent and received, and the symbols beyond what decoding needed.
/// </summary>
public sealed class IdaRoute(double[] decodeMs, double senderDoneMs, long[] sent, long[] received, long surplus, int[] symbolsPerBlock)
{
    public IReadOnlyList<double> DecodeMs => decodeMs;

    /// <summary>Symbols the sender sent of each source block.</summary>
    public IReadOnlyList<int> SymbolsPerBlock => symbolsPerBlock;
    public double SenderDoneMs { get; } = senderDoneMs;
    public IReadOnlyList<long> Sent => sent;
    public IReadOnlyList<long> Received => received;
    public long Copies { get; } = sent.Sum();
    public long Surplus { get; } = surplus;
    public int Decoded { get; } = decodeMs.Count(double.IsFinite);
    public long Uses { get; set; }
}
