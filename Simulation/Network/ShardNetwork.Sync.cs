using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Sync;

namespace HarmonySim.Simulation.Network;

/// <summary>
/// How a node that fell behind gets the blocks it missed. Under the fixed model (the default) its request comes due
/// 500 ms later and it receives every canonical block from its height. Under <c>staged</c> or <c>fast</c> the shard
/// picks up to <see cref="SyncPlan.Peers"/> live members it can reach that hold the blocks, and the
/// <see cref="SyncEstimator"/> says how long fetching and applying the missing blocks takes from them; the blocks
/// (canonical when it asked) arrive then. A node runs one sync at a time. Syncs are tallied for the report
/// (<see cref="SyncLedger"/>), never drawn from the generator, so the other models' runs are unchanged.
/// </summary>
public sealed partial class ShardNetwork
{
    private static readonly string[] SyncMethodNames = ReportNames.Of<SyncMethod>();

    private readonly SyncLedger _syncs = new();
    private SyncEstimator? _syncEstimator;

    private SyncEstimator Estimator => _syncEstimator ??= new SyncEstimator(_plan.Sync, _latency.SerialisationMs(1),
        _plan.Cost?.TransactionExecution ?? TimeSpan.Zero,
        _plan.Cost is { AggregateVerify: var verify } && verify > TimeSpan.Zero ? verify : _plan.Sync.HeaderVerification);

    /// <summary>A node asked for the blocks from <paramref name="fromHeight"/> on.</summary>
    private void SyncRequested(int node, int replica, ulong fromHeight)
    {
        if (_plan.Sync.Kind == SyncKind.Fixed)
        {
            Enqueue(Now + SyncDelay, node, new SyncRequest(fromHeight), replica);
            return;
        }
        if (_syncs.IsUnderway(node, replica)) return;
        // A node asks in the middle of a catch-up (a buffered message replayed at a height it is about to pass): it
        // fetches from where it will stand.
        fromHeight = Math.Max(fromHeight, _hosts[_memberIndex[node]].Replica(replica).Height);
        var blocks = Observer.CanonicalFrom(fromHeight);
        if (blocks.Count == 0) return;
        var target = blocks[^1].Number;
        var peers = SyncPeers(node, target);
        // No reachable peer holds the blocks: the node asks again at its next view-change timeout.
        if (peers.Count == 0) return;
        var fetched = new FetchedBlock[blocks.Count];
        for (var i = 0; i < blocks.Count; i++) fetched[i] = Fetched(blocks[i]);
        var estimate = Estimator.Estimate(fetched, peers);
        var duration = LatencyModel.Quantize(TimeSpan.FromMilliseconds(estimate.Ms));
        _syncs.Begin(node, replica, new SyncRecord(node, SyncMethodNames[(int)estimate.Method], fromHeight, target, estimate.Bytes,
            Math.Round(Now.TotalSeconds, 3), Math.Round(duration.TotalSeconds, 3)));
        Enqueue(Now + duration, node, new SyncBlocks(blocks), replica);
    }

    /// <summary>The fixed model's request came due: the node gets every canonical block from its height.</summary>
    private SyncBlocks FixedSync(int node, ulong fromHeight)
    {
        var blocks = Observer.CanonicalFrom(fromHeight);
        if (blocks.Count > 0)
        {
            long bytes = 0;
            // Only the bytes are reported here: no header encoding (Fetched's HeaderBytes) on the default path.
            foreach (var b in blocks) bytes += SyncedBytes(b);
            _syncs.Add(new SyncRecord(node, SyncMethodNames[(int)SyncMethod.Fixed], fromHeight, blocks[^1].Number, bytes,
                Math.Round((Now - SyncDelay).TotalSeconds, 3), SyncDelay.TotalSeconds));
        }
        return new SyncBlocks(blocks);
    }

    /// <summary>A modelled sync's blocks arrived: those the node has not reached by other means since it asked.</summary>
    private SyncBlocks SyncArrived(int node, int replica, SyncBlocks sync)
    {
        _syncs.Arrived(node, replica);
        var height = _hosts[_memberIndex[node]].Replica(replica).Height;
        return sync.Blocks.Count == 0 || sync.Blocks[0].Number >= height ? sync : new SyncBlocks([.. sync.Blocks.Where(b => b.Number >= height)]);
    }

    /// <summary>
    /// Round-trip times to the peers a sync fetches from: live members the node can reach (no crash, partition,
    /// isolation or eclipse between them) whose chain reaches <paramref name="target"/>, in member order starting after
    /// the node, at most <see cref="SyncPlan.Peers"/>.
    /// </summary>
    private List<double> SyncPeers(int node, ulong target)
    {
        var peers = new List<double>(_plan.Sync.Peers);
        var self = _memberIndex[node];
        for (var k = 1; k < _members.Length && peers.Count < _plan.Sync.Peers; k++)
        {
            var m = (self + k) % _members.Length;
            var peer = _members[m];
            if (_faults.Blocks(node, peer, Now) || _faults.Blocks(peer, node, Now) || _gossip?.Drops(m, self) == true) continue;
            var host = _hosts[m];
            if (host.Replicas == 0 || host.Replica(0).Head.Number < target) continue;
            var region = (_plan.Nodes[node].Region, _plan.Nodes[peer].Region);
            peers.Add(_latency.OneWayMs(region.Item1, region.Item2) + _latency.OneWayMs(region.Item2, region.Item1) + 2 * _faults.ExtraDelay(node, peer).TotalMilliseconds);
        }
        return peers;
    }

    /// <summary>A committed block as a sync response carries it (block, commit signature and bitmap).</summary>
    private static FetchedBlock Fetched(CommittedBlock b) =>
        new(SyncedBytes(b), WireSizes.Bytes(b.Header.Encode().Length), b.Block.Transactions.Count);

    private static int SyncedBytes(CommittedBlock b) => WireSizes.SyncedBlock(b.Block, b.CommitBitmap?.ByteLength ?? 0);
}
