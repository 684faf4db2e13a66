namespace HarmonySim.Simulation.Results;

/// <summary>
/// How consensus messages travelled in one shard (issue 14's report): delay from send to first receipt per message
/// type, bytes on the wire per node, copies and duplicates, the gossip mesh's degree, how long an ANNOUNCE took to
/// reach two thirds of the shard, and the fraction of receivers an ANNOUNCE had reached over time.
/// </summary>
public sealed record PropagationResult(
    string Model,
    IReadOnlyList<MessageDelay> Delays,
    double BytesSentPerNodePerSecondMean,
    double BytesSentPerNodePerSecondMax,
    double BytesReceivedPerNodePerSecondMean,
    double BytesReceivedPerNodePerSecondMax,
    long Copies,
    long Duplicates,
    double AnnounceTwoThirdsP50Ms,
    double AnnounceTwoThirdsP99Ms,
    IReadOnlyList<ReachPoint> AnnounceReach)
{
    /// <summary>Duplicates over all copies sent (0 under the direct model).</summary>
    public double DuplicateRatio => Copies == 0 ? 0 : Math.Round((double)Duplicates / Copies, 6);

    /// <summary>The mesh's degree at the end (gossip only).</summary>
    public MeshDegree? Mesh { get; init; }

    /// <summary>Memory the shard's Kademlia routing tables hold, per node (gossip only).</summary>
    public double RoutingTableBytesPerNode { get; init; }

    /// <summary>Eclipse attacks on this shard's victims, and whether each victim was cut off.</summary>
    public IReadOnlyList<EclipseResult> Eclipses { get; init; } = [];
}

/// <summary>
/// One eclipsed node: when, how much of its routing table the attackers held, the honest nodes left in its table and
/// its mesh at the end, the consensus messages it still received after the eclipse, and whether it was isolated
/// (received none).
/// </summary>
public sealed record EclipseResult(int Victim, double AtS, double TableShare, int AttackersInTable, int HonestInTable, int HonestMeshPeers, long MessagesAfter)
{
    public bool Isolated => MessagesAfter == 0;
}

/// <summary>Delay from send to first receipt of one message type, over every receipt in the shard.</summary>
public sealed record MessageDelay(string Type, long Deliveries, double P50Ms, double P99Ms);

/// <summary>By <see cref="AtMs"/> after it was sent, an ANNOUNCE had reached <see cref="Fraction"/> of its receivers (over all ANNOUNCEs).</summary>
public sealed record ReachPoint(double AtMs, double Fraction);

public sealed record MeshDegree(int Min, double Mean, int Max);
