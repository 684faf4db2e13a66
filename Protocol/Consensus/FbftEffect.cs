using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>Something the host must carry out or record after a node step.</summary>
public abstract record FbftEffect;

/// <summary>Gossip a message to the whole shard.</summary>
public sealed record Broadcast(FbftMessage Message) : FbftEffect;

/// <summary>
/// Deliver a message to the node holding <paramref name="Recipient"/>. Harmony gossips votes to the whole
/// topic, but only the addressed leader acts on them, so hosts may route them straight there.
/// </summary>
public sealed record SendTo(PublicKey Recipient, FbftMessage Message) : FbftEffect;

/// <summary>Fire <see cref="FbftNode.Tick"/> with this kind and token at virtual time <paramref name="At"/>, replacing any earlier timer of the kind.</summary>
public sealed record SetTimer(TimerKind Kind, TimeSpan At, long Token) : FbftEffect;

public sealed record CancelTimer(TimerKind Kind) : FbftEffect;

/// <summary>The node finalised a block.</summary>
public sealed record BlockCommitted(CommittedBlock Committed) : FbftEffect;

/// <summary>A later COMMITTED for the head block carried more signatures; the head now holds them.</summary>
public sealed record CommitSignatureImproved(CommittedBlock Committed) : FbftEffect;

public sealed record EvidenceObserved(Evidence Evidence) : FbftEffect;

/// <summary>The node saw proof that the chain is ahead of it; the host should feed it committed blocks from <paramref name="FromHeight"/>.</summary>
public sealed record SyncRequested(ulong FromHeight) : FbftEffect;

public sealed record ViewChangeStarted(ulong ViewId, PublicKey NextLeader, ViewChangeReason Reason) : FbftEffect;

public sealed record NewViewEntered(ulong ViewId, PublicKey Leader, bool CarriedPreparedBlock) : FbftEffect;

public enum TimerKind
{
    /// <summary>No block committed in time: start a view change.</summary>
    Consensus,

    /// <summary>The view change did not finish in time: start another with a higher view ID.</summary>
    ViewChange,

    /// <summary>The leader's next proposal is due.</summary>
    Propose,

    /// <summary>The grace period for extra commit signatures is over.</summary>
    CommitGrace,
}

public enum ViewChangeReason
{
    ConsensusTimeout,
    ViewChangeTimeout,
    LeaderEquivocation,
}
