using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>Misbehaviour a node observed, with the signed messages that prove it.</summary>
public abstract record Evidence(ulong BlockNumber, ulong ViewId);

/// <summary>One key signed COMMIT for two different blocks at the same height in the same view (slashable, §5.1).</summary>
public sealed record DoubleSignEvidence(PublicKey Offender, ulong BlockNumber, ulong ViewId, Vote First, Vote Second)
    : Evidence(BlockNumber, ViewId);

/// <summary>A leader announced two different blocks for the same height and view.</summary>
public sealed record LeaderEquivocationEvidence(PublicKey Leader, ulong BlockNumber, ulong ViewId, Announce First, Announce Second)
    : Evidence(BlockNumber, ViewId);
