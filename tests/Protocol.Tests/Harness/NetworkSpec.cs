using System.Numerics;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Tests.Harness;

/// <summary>How a byzantine node misbehaves. Everything is done by the host around honest state machines, with the node's real keys.</summary>
[Flags]
public enum Byzantine
{
    None = 0,

    /// <summary>
    /// Runs one honest replica per side of the honest network; each replica talks only to its side. Together they
    /// equivocate as leaders and vote for conflicting blocks, all with the node's real keys.
    /// </summary>
    SplitBrain = 1,

    /// <summary>Sends nothing while it leads (forces a view change).</summary>
    SilentLeader = 2,

    /// <summary>Never sends its own PREPARE or COMMIT votes.</summary>
    WithholdVotes = 4,

    /// <summary>Behaves honestly until it has broadcast a PREPARED, then goes silent for good (a leader that dies mid-round).</summary>
    SilentAfterPrepared = 8,
}

/// <summary>A node in a test network: how many keys it holds, its stake per key (null: Harmony-operated) and behaviour.</summary>
public sealed record NodeSpec(int Keys = 1, BigInteger? StakePerKey = null, Byzantine Behaviour = Byzantine.None)
{
    public bool IsByzantine => Behaviour != Byzantine.None;
}

/// <summary>A crash from <paramref name="At"/>; the node restarts from its own committed chain at <paramref name="RestartAt"/> if given.</summary>
public sealed record CrashSpec(int Node, TimeSpan At, TimeSpan? RestartAt = null);

/// <summary>Everything that determines a harness run; the same spec always gives the same run.</summary>
public sealed record NetworkSpec
{
    public required IReadOnlyList<NodeSpec> Nodes { get; init; }
    public int Seed { get; init; } = 1;
    public FbftConfig Config { get; init; } = new() { BlocksPerEpoch = 1_000_000 };
    public QuorumMode QuorumMode { get; init; } = QuorumMode.ByCount;
    public long HarmonyVoteShare { get; init; } = VotingPower.One;
    public TimeSpan BaseLatency { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Probability that a message is lost (before <see cref="LossEndsAt"/>).</summary>
    public double Loss { get; init; }

    /// <summary>After this time no message is lost (eventual delivery).</summary>
    public TimeSpan LossEndsAt { get; init; } = TimeSpan.MaxValue;

    public IReadOnlyList<CrashSpec> Crashes { get; init; } = [];

    /// <summary>Number of sides a split-brain adversary splits the honest nodes into (at random, from the seed).</summary>
    public int Sides { get; init; } = 2;

    /// <summary>Explicit side per node (honest nodes); overrides the random split when given.</summary>
    public IReadOnlyList<int>? SideOf { get; init; }

    public TimeSpan SyncDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public Func<ISignatureScheme>? SchemeFactory { get; init; }
}
