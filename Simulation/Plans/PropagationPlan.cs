namespace HarmonySim.Simulation.Plans;

/// <summary>How a consensus message travels from its sender to the shard (scenario field <c>network.propagation</c>).</summary>
public enum PropagationKind
{
    /// <summary>One link from the sender straight to each receiver (the model before issue 14, and the default).</summary>
    Direct,

    /// <summary>Hop by hop along a gossipsub mesh over Kademlia-discovered peers (Harmony's libp2p pubsub).</summary>
    Gossip,

    /// <summary>Blocks (ANNOUNCE, PREPARED) erasure-coded and spread as symbols (the whitepaper's adaptive IDA); the rest as gossip.</summary>
    Ida,
}

/// <summary>The propagation model and, for gossip, its parameters.</summary>
public sealed record PropagationPlan(PropagationKind Kind)
{
    public static PropagationPlan Direct { get; } = new(PropagationKind.Direct);

    public GossipPlan Gossip { get; init; } = new();

    public IdaPlan Ida { get; init; } = new();

    /// <summary>Eclipse attacks on the overlay (gossip and IDA only).</summary>
    public IReadOnlyList<EclipsePlan> Eclipses { get; init; } = [];
}

/// <summary>
/// From <see cref="At"/>, the attacker nodes hold <see cref="TableShare"/> of each victim's routing table (the victim's
/// other connections are dropped to make room), the victim's mesh is rebuilt from that table, and the attackers relay
/// nothing to or from the victim (the game-of-stakes catalogue's eclipse; docs/DESIGN-NOTES.md).
/// </summary>
public sealed record EclipsePlan(TimeSpan At, IReadOnlyList<int> Victims, IReadOnlyList<int> Attackers, double TableShare);

/// <summary>
/// Harmony's 2018 IDA prototype (reference harmony-network-economics.md §2): RaptorQ with 1,024-byte symbols, source
/// blocks of at most 88 KiB, each symbol relayed once by the peer the sender gave it to, the sender stopping once 80 %
/// of its peers decoded. Decoding needs k + <see cref="Overhead"/> symbols of each block (docs/DESIGN-NOTES.md).
/// </summary>
public sealed record IdaPlan
{
    public int SymbolBytes { get; init; } = 1024;
    public int SourceBlockBytes { get; init; } = 88 * 1024;
    public int Overhead { get; init; } = 2;

    /// <summary>Bytes around each symbol on the wire: IPv4 and UDP headers (28) and the prototype's symbol header (source block, symbol id, sizes; taken as 20).</summary>
    public int SymbolHeaderBytes { get; init; } = 48;

    /// <summary>The sender stops when this share of its peers decoded.</summary>
    public double DecodedShare { get; init; } = 0.8;

    /// <summary>
    /// Whether the sender gives its symbols to every member of the shard (the prototype: every node a neighbour) rather
    /// than only to its overlay connections. Over Kademlia connections alone (about 100 of 250) one relay hop does not
    /// reach two thirds of the committee (docs/DESIGN-NOTES.md, "IDA"), so the prototype's setting is the default.
    /// </summary>
    public bool SenderReachesCommittee { get; init; } = true;
}

/// <summary>
/// Gossipsub and Kademlia settings, Harmony's as defaults (reference harmony-network-economics.md §1): D 5, D_lo 4,
/// D_hi 8, D_lazy 4, gossip factor 0.15, heartbeat 1 s, fanout TTL 10 s, 2 MiB message cap; k 20, α 10, and three
/// bootstrap nodes per shard overlay (Harmony's bootstrap is a DNS name serving a few nodes).
/// </summary>
public sealed record GossipPlan
{
    public int D { get; init; } = 5;
    public int DLo { get; init; } = 4;
    public int DHi { get; init; } = 8;
    public int DLazy { get; init; } = 4;
    public double GossipFactor { get; init; } = 0.15;
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan FanoutTtl { get; init; } = TimeSpan.FromSeconds(10);
    public int MaxMessageBytes { get; init; } = 1 << 21;
    public int BucketSize { get; init; } = 20;
    public int Alpha { get; init; } = 10;
    public int BootstrapNodes { get; init; } = 3;

    /// <summary>Lookups for random ids each node makes after joining (Kademlia's bucket refresh), besides its self-lookup.</summary>
    public int RefreshLookups { get; init; } = 3;
}
