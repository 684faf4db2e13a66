namespace HarmonySim.Simulation.Plans;

/// <summary>How a consensus message travels from its sender to the shard (scenario field <c>network.propagation</c>).</summary>
public enum PropagationKind
{
    /// <summary>One link from the sender straight to each receiver (the model before issue 14, and the default).</summary>
    Direct,

    /// <summary>Hop by hop along a gossipsub mesh over Kademlia-discovered peers (Harmony's libp2p pubsub).</summary>
    Gossip,
}

/// <summary>The propagation model and, for gossip, its parameters.</summary>
public sealed record PropagationPlan(PropagationKind Kind)
{
    public static PropagationPlan Direct { get; } = new(PropagationKind.Direct);

    public GossipPlan Gossip { get; init; } = new();
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
