using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Simulation.Sync;

/// <summary>
/// How long a node needs to fetch and apply the blocks it missed, from peers at the given round-trip times, through
/// the link the network model gives (<paramref name="msPerByte"/>: 0 without a bandwidth). Pure arithmetic, so a sync costs the kernel one pass over the missing blocks, not an event per request.
/// </summary>
/// <remarks>
/// The stages run one after the other, as a staged-sync cycle does. A stage of requests hands them round-robin to the
/// peers; each peer answers its requests one after the other (a round trip plus the response's serialisation each),
/// and all responses share the syncing node's own link, so the stage lasts the longer of the slowest peer and the
/// whole download through that link. Re-execution costs <see cref="SyncPlan.BlockExecution"/> per block plus the cost
/// model's transaction execution per transaction. docs/DESIGN-NOTES.md, "Fast state sync", gives the model and its limits.
/// </remarks>
public sealed class SyncEstimator(SyncPlan plan, double msPerByte, TimeSpan transactionExecution, TimeSpan headerVerification)
{
    private static readonly int HashBytes = WireSizes.Bytes(Protocol.Crypto.Hash32.Size);

    public SyncEstimate Estimate(IReadOnlyList<FetchedBlock> blocks, IReadOnlyList<double> peerRttMs)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(peerRttMs);
        if (peerRttMs.Count == 0) throw new ArgumentException("a sync needs at least one peer", nameof(peerRttMs));
        if (blocks.Count <= plan.LastMileBlocks)
        {
            // One hash query for the whole gap, then the bodies.
            var hashes = Stage.Requests(1, _ => blocks.Count * HashBytes, peerRttMs, msPerByte);
            return Sum(SyncMethod.ShortRange, hashes, Bodies(blocks, 0, blocks.Count, peerRttMs), Execution(blocks, 0, blocks.Count));
        }
        var heads = Stage.Round(peerRttMs);
        if (plan.Kind == SyncKind.Fast && blocks.Count > plan.PivotDistance + plan.LastMileBlocks)
        {
            var pivot = blocks.Count - plan.PivotDistance;
            var headers = Stage.Requests(Batches(pivot, plan.HeadersPerRequest),
                i => Sum(blocks, i * plan.HeadersPerRequest, plan.HeadersPerRequest, pivot, b => b.HeaderBytes), peerRttMs, msPerByte);
            var checks = new Stage(0, pivot * headerVerification.TotalMilliseconds);
            var perRequest = plan.StateNodesPerRequest * plan.StateNodeBytes;
            var stateRequests = (int)Math.Min(int.MaxValue, (plan.StateBytes + perRequest - 1) / perRequest);
            var state = Stage.Requests(stateRequests, i => (int)Math.Min(perRequest, plan.StateBytes - (long)i * perRequest), peerRttMs, msPerByte);
            return Sum(SyncMethod.Fast, heads, headers, checks, state, Hashes(blocks.Count - pivot, peerRttMs),
                Bodies(blocks, pivot, blocks.Count - pivot, peerRttMs), Execution(blocks, pivot, blocks.Count - pivot));
        }
        return Sum(SyncMethod.Staged, heads, Hashes(blocks.Count, peerRttMs), Bodies(blocks, 0, blocks.Count, peerRttMs), Execution(blocks, 0, blocks.Count));
    }

    private Stage Hashes(int count, IReadOnlyList<double> peerRttMs) =>
        Stage.Requests(Batches(count, plan.HashesPerRequest), i => Math.Min(plan.HashesPerRequest, count - i * plan.HashesPerRequest) * HashBytes, peerRttMs, msPerByte);

    private Stage Bodies(IReadOnlyList<FetchedBlock> blocks, int from, int count, IReadOnlyList<double> peerRttMs) =>
        Stage.Requests(Batches(count, plan.BlocksPerRequest),
            i => Sum(blocks, from + i * plan.BlocksPerRequest, plan.BlocksPerRequest, from + count, b => b.Bytes), peerRttMs, msPerByte);

    private Stage Execution(IReadOnlyList<FetchedBlock> blocks, int from, int count)
    {
        double ms = 0;
        for (var i = from; i < from + count; i++)
            ms += plan.BlockExecution.TotalMilliseconds + blocks[i].Transactions * transactionExecution.TotalMilliseconds;
        return new Stage(0, ms);
    }

    private static int Batches(int count, int size) => (count + size - 1) / size;

    private static int Sum(IReadOnlyList<FetchedBlock> blocks, int from, int size, int end, Func<FetchedBlock, int> bytes)
    {
        var total = 0;
        for (var i = from; i < Math.Min(from + size, end); i++) total += bytes(blocks[i]);
        return total;
    }

    private static SyncEstimate Sum(SyncMethod method, params ReadOnlySpan<Stage> stages)
    {
        long bytes = 0;
        double ms = 0;
        foreach (var s in stages)
        {
            bytes += s.Bytes;
            ms += s.Ms;
        }
        return new SyncEstimate(method, bytes, ms);
    }

    /// <summary>One stage of a sync: the bytes it downloaded and the milliseconds it took.</summary>
    private readonly record struct Stage(long Bytes, double Ms)
    {
        /// <summary>One query to every peer at once (the heads stage): the slowest round trip.</summary>
        public static Stage Round(IReadOnlyList<double> peerRttMs) => new(0, peerRttMs.Max());

        /// <summary>
        /// <paramref name="count"/> requests handed round-robin to the peers, each answered after a round trip plus its
        /// response's serialisation; the stage ends when the slowest peer is done or the whole download has crossed the
        /// syncing node's link, whichever is later.
        /// </summary>
        public static Stage Requests(int count, Func<int, int> responseBytes, IReadOnlyList<double> peerRttMs, double msPerByte)
        {
            Span<double> busy = stackalloc double[peerRttMs.Count];
            long total = 0;
            for (var i = 0; i < count; i++)
            {
                var bytes = WireSizes.Transport(responseBytes(i));
                total += bytes;
                busy[i % busy.Length] += peerRttMs[i % busy.Length] + bytes * msPerByte;
            }
            var slowest = 0.0;
            foreach (var b in busy) slowest = Math.Max(slowest, b);
            var link = total * msPerByte;
            return new Stage(total, Math.Max(slowest, link));
        }
    }
}
