using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Surrogates for the node's effects, which validator grains return to shard grains (possibly on another silo).

[GenerateSerializer, Immutable]
public readonly struct MessageEffectSurrogate
{
    [Id(0)] public FbftMessage Message { get; init; }
    [Id(1)] public PublicKey? Recipient { get; init; }
}

[RegisterConverter]
public sealed class BroadcastConverter : IConverter<Broadcast, MessageEffectSurrogate>
{
    public Broadcast ConvertFromSurrogate(in MessageEffectSurrogate s) => new(s.Message);
    public MessageEffectSurrogate ConvertToSurrogate(in Broadcast e) => new() { Message = e.Message };
}

[RegisterConverter]
public sealed class SendToConverter : IConverter<SendTo, MessageEffectSurrogate>
{
    public SendTo ConvertFromSurrogate(in MessageEffectSurrogate s) => new(s.Recipient!, s.Message);
    public MessageEffectSurrogate ConvertToSurrogate(in SendTo e) => new() { Message = e.Message, Recipient = e.Recipient };
}

[GenerateSerializer, Immutable]
public readonly struct TimerSurrogate
{
    [Id(0)] public int Kind { get; init; }
    [Id(1)] public TimeSpan At { get; init; }
    [Id(2)] public long Token { get; init; }
}

[RegisterConverter]
public sealed class SetTimerConverter : IConverter<SetTimer, TimerSurrogate>
{
    public SetTimer ConvertFromSurrogate(in TimerSurrogate s) => new((TimerKind)s.Kind, s.At, s.Token);
    public TimerSurrogate ConvertToSurrogate(in SetTimer e) => new() { Kind = (int)e.Kind, At = e.At, Token = e.Token };
}

[RegisterConverter]
public sealed class CancelTimerConverter : IConverter<CancelTimer, TimerSurrogate>
{
    public CancelTimer ConvertFromSurrogate(in TimerSurrogate s) => new((TimerKind)s.Kind);
    public TimerSurrogate ConvertToSurrogate(in CancelTimer e) => new() { Kind = (int)e.Kind };
}

[GenerateSerializer, Immutable]
public readonly struct CommittedEffectSurrogate
{
    [Id(0)] public CommittedBlock Committed { get; init; }
}

[RegisterConverter]
public sealed class BlockCommittedConverter : IConverter<BlockCommitted, CommittedEffectSurrogate>
{
    public BlockCommitted ConvertFromSurrogate(in CommittedEffectSurrogate s) => new(s.Committed);
    public CommittedEffectSurrogate ConvertToSurrogate(in BlockCommitted e) => new() { Committed = e.Committed };
}

[RegisterConverter]
public sealed class CommitSignatureImprovedConverter : IConverter<CommitSignatureImproved, CommittedEffectSurrogate>
{
    public CommitSignatureImproved ConvertFromSurrogate(in CommittedEffectSurrogate s) => new(s.Committed);
    public CommittedEffectSurrogate ConvertToSurrogate(in CommitSignatureImproved e) => new() { Committed = e.Committed };
}

[GenerateSerializer, Immutable]
public readonly struct EvidenceSurrogate
{
    [Id(0)] public PublicKey Key { get; init; }
    [Id(1)] public ulong BlockNumber { get; init; }
    [Id(2)] public ulong ViewId { get; init; }
    [Id(3)] public FbftMessage First { get; init; }
    [Id(4)] public FbftMessage Second { get; init; }
}

[RegisterConverter]
public sealed class DoubleSignEvidenceConverter : IConverter<DoubleSignEvidence, EvidenceSurrogate>
{
    public DoubleSignEvidence ConvertFromSurrogate(in EvidenceSurrogate s) => new(s.Key, s.BlockNumber, s.ViewId, (Vote)s.First, (Vote)s.Second);
    public EvidenceSurrogate ConvertToSurrogate(in DoubleSignEvidence e) => new() { Key = e.Offender, BlockNumber = e.BlockNumber, ViewId = e.ViewId, First = e.First, Second = e.Second };
}

[RegisterConverter]
public sealed class LeaderEquivocationEvidenceConverter : IConverter<LeaderEquivocationEvidence, EvidenceSurrogate>
{
    public LeaderEquivocationEvidence ConvertFromSurrogate(in EvidenceSurrogate s) => new(s.Key, s.BlockNumber, s.ViewId, (Announce)s.First, (Announce)s.Second);
    public EvidenceSurrogate ConvertToSurrogate(in LeaderEquivocationEvidence e) => new() { Key = e.Leader, BlockNumber = e.BlockNumber, ViewId = e.ViewId, First = e.First, Second = e.Second };
}

[GenerateSerializer, Immutable]
public readonly struct EvidenceEffectSurrogate
{
    [Id(0)] public Evidence Evidence { get; init; }
}

[RegisterConverter]
public sealed class EvidenceObservedConverter : IConverter<EvidenceObserved, EvidenceEffectSurrogate>
{
    public EvidenceObserved ConvertFromSurrogate(in EvidenceEffectSurrogate s) => new(s.Evidence);
    public EvidenceEffectSurrogate ConvertToSurrogate(in EvidenceObserved e) => new() { Evidence = e.Evidence };
}

[GenerateSerializer, Immutable]
public readonly struct ViewEffectSurrogate
{
    [Id(0)] public ulong Value { get; init; }
    [Id(1)] public PublicKey? Leader { get; init; }
    [Id(2)] public int Reason { get; init; }
    [Id(3)] public bool Flag { get; init; }
}

[RegisterConverter]
public sealed class SyncRequestedConverter : IConverter<SyncRequested, ViewEffectSurrogate>
{
    public SyncRequested ConvertFromSurrogate(in ViewEffectSurrogate s) => new(s.Value);
    public ViewEffectSurrogate ConvertToSurrogate(in SyncRequested e) => new() { Value = e.FromHeight };
}

[RegisterConverter]
public sealed class ViewChangeStartedConverter : IConverter<ViewChangeStarted, ViewEffectSurrogate>
{
    public ViewChangeStarted ConvertFromSurrogate(in ViewEffectSurrogate s) => new(s.Value, s.Leader!, (ViewChangeReason)s.Reason);
    public ViewEffectSurrogate ConvertToSurrogate(in ViewChangeStarted e) => new() { Value = e.ViewId, Leader = e.NextLeader, Reason = (int)e.Reason };
}

[RegisterConverter]
public sealed class NewViewEnteredConverter : IConverter<NewViewEntered, ViewEffectSurrogate>
{
    public NewViewEntered ConvertFromSurrogate(in ViewEffectSurrogate s) => new(s.Value, s.Leader!, s.Flag);
    public ViewEffectSurrogate ConvertToSurrogate(in NewViewEntered e) => new() { Value = e.ViewId, Leader = e.Leader, Flag = e.CarriedPreparedBlock };
}
