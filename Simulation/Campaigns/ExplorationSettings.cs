using HarmonySim.Simulation.Plans;

namespace HarmonySim.Simulation.Campaigns;

/// <summary>
/// How a campaign varies a scenario per seed, Twins-style: which nodes are byzantine and how, and which partition holds
/// in each round until the network heals; then how long the healed network has to commit again (the liveness bound).
/// </summary>
public sealed record ExplorationSettings
{
    /// <summary>Byzantine nodes per shard; null for the most the protocol tolerates, ⌊(n − 1)/3⌋.</summary>
    public int? ByzantinePerShard { get; init; }

    /// <summary>The behaviours a byzantine node is drawn from (each node draws one).</summary>
    public IReadOnlyList<NodeBehaviour> Behaviours { get; init; } =
        [NodeBehaviour.Equivocate, NodeBehaviour.StaleCertificateLeader, NodeBehaviour.DoubleSign, NodeBehaviour.SilentLeader, NodeBehaviour.WithholdVotes];

    /// <summary>
    /// Shortest and longest round; each round draws one partition (or none) and a length log-uniformly between these, so
    /// some rounds are as short as a message's flight and cut a phase between a leader's broadcasts (where bugs hide).
    /// </summary>
    public TimeSpan MinRound { get; init; } = TimeSpan.FromMilliseconds(20);
    public TimeSpan MaxRound { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Most groups a round's partition splits a shard into (1: that round is connected).</summary>
    public int MaxGroups { get; init; } = 3;

    /// <summary>Whether messages are also dropped per protocol round until the heal (<see cref="OmissionPlan"/>).</summary>
    public bool OmitPerRound { get; init; } = true;

    /// <summary>
    /// The share of protocol rounds that lose messages when <see cref="OmitPerRound"/> (at most ½); null for
    /// min(½, 2 / n) with n the largest shard's node count. A quorum of a large committee needs dozens of messages, and
    /// a lossy round in every other one leaves few schedules where one side progresses while another holds a
    /// certificate: at 100 nodes ½ found the missing lock once in ~250 seeds, 2 / n once in ~55 (docs/DESIGN-NOTES.md).
    /// </summary>
    public double? LossyRounds { get; init; }

    /// <summary>
    /// The share of view changes whose new leader the exploration picks among the byzantine nodes instead of Harmony's
    /// rotation (Twins chooses every round's leader); 0 keeps the rotation. Rotation makes a byzantine node lead twice at
    /// one height only after every honest node in between has failed, the order the view-change lock exists for.
    /// </summary>
    public double ByzantineLeaders { get; init; } = 0.5;

    /// <summary>
    /// The share of heights whose first committer the network cuts off from its shard until the heal, before its
    /// COMMITTED leaves (<see cref="CommitCutPlan"/>); 0 for none. In a large committee random loss never leaves a
    /// quorum holding a certificate uncommitted, and that is where the view-change rules are tested.
    /// </summary>
    public double CommitCuts { get; init; } = 0.25;

    /// <summary>When the last partition ends (global stabilisation time).</summary>
    public TimeSpan HealAt { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>After healing, every shard must commit a block within this long, or the run is a liveness violation.</summary>
    public TimeSpan LivenessWindow { get; init; } = TimeSpan.FromSeconds(90);
}
