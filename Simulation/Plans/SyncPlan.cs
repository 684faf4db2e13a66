namespace HarmonySim.Simulation.Plans;

/// <summary>How a node that fell behind fetches the blocks it missed (scenario field <c>network.sync.mode</c>).</summary>
public enum SyncKind
{
    /// <summary>The kernel's catch-up before issue 14: every missing block 500 ms after the node asked, at no modelled bandwidth (the default; bundled digests rely on it).</summary>
    Fixed,

    /// <summary>Harmony's staged stream sync as it runs (full sync): heads, block hashes, bodies in requests of 10 from several peers, re-execution.</summary>
    Staged,

    /// <summary>The fast sync Harmony planned: headers, a state snapshot at a pivot below the head, then the recent blocks as staged sync fetches them.</summary>
    Fast,
}

/// <summary>
/// The sync model and its parameters. Harmony's figures are defaults where Harmony has one (reference
/// harmony-network-economics.md §3 and <c>api/service/stagedstreamsync/const.go</c>): 10 blocks per request,
/// a last mile of 10 blocks, 30 hashes per query, 100 state nodes per request, a pivot 1,024 blocks below the head,
/// 6 streams on mainnet. The costs (execution per block, header check, snapshot size, trie node size) are assumptions
/// named in docs/DESIGN-NOTES.md ("Fast state sync").
/// </summary>
public sealed record SyncPlan(SyncKind Kind)
{
    public static SyncPlan Fixed { get; } = new(SyncKind.Fixed);

    /// <summary>Streams a sync fetches from in parallel (mainnet: concurrency 6, min streams 6).</summary>
    public int Peers { get; init; } = 6;

    /// <summary>Blocks per body request (<c>BlocksPerRequest</c>).</summary>
    public int BlocksPerRequest { get; init; } = 10;

    /// <summary>Block hashes per query (<c>SyncLoopBatchSize</c>).</summary>
    public int HashesPerRequest { get; init; } = 30;

    /// <summary>Gaps up to this many blocks take the short-range path, without the heads and hashes stages (<c>LastMileBlocksThreshold</c>).</summary>
    public int LastMileBlocks { get; init; } = 10;

    /// <summary>Headers per request in fast sync (taken as the protocol's cap of 50 hashes per request).</summary>
    public int HeadersPerRequest { get; init; } = 50;

    /// <summary>Re-executing one block while syncing (checking its commit signature, applying it, writing the state), besides its transactions.</summary>
    public TimeSpan BlockExecution { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Checking one header's commit signature in fast sync (the cost model's aggregate verification when a scenario sets one).</summary>
    public TimeSpan HeaderVerification { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Fast sync: blocks between the pivot and the head, fetched and executed in full (<c>MinPivotDistanceToHead</c>).</summary>
    public int PivotDistance { get; init; } = 1024;

    /// <summary>Fast sync: bytes of the state snapshot at the pivot (the shard's accounts and storage as trie nodes).</summary>
    public long StateBytes { get; init; } = 100L << 20;

    /// <summary>Trie nodes per state request (<c>StatesPerRequest</c>).</summary>
    public int StateNodesPerRequest { get; init; } = 100;

    /// <summary>Average size of one trie node on the wire (assumed).</summary>
    public int StateNodeBytes { get; init; } = 256;
}
