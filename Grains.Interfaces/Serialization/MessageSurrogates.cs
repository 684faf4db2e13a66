using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Interfaces.Serialization;

/// <summary>Fields every consensus message has.</summary>
[GenerateSerializer, Immutable]
public readonly struct MessageHeaderSurrogate
{
    [Id(0)] public uint ShardId { get; init; }
    [Id(1)] public ulong ViewId { get; init; }
    [Id(2)] public ulong BlockNumber { get; init; }
}

[GenerateSerializer, Immutable]
public readonly struct AnnounceSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public Hash32 BlockHash { get; init; }
    [Id(2)] public Block Block { get; init; }
    [Id(3)] public PublicKey Sender { get; init; }
    [Id(4)] public Signature Envelope { get; init; }
}

[RegisterConverter]
public sealed class AnnounceConverter : IConverter<Announce, AnnounceSurrogate>
{
    public Announce ConvertFromSurrogate(in AnnounceSurrogate s) => new(s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.BlockHash, s.Block, s.Sender, s.Envelope);
    public AnnounceSurrogate ConvertToSurrogate(in Announce m) => new() { Head = Surrogates.Head(m), BlockHash = m.BlockHash, Block = m.Block, Sender = m.Sender, Envelope = m.EnvelopeSignature };
}

[GenerateSerializer, Immutable]
public readonly struct VoteSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public byte Type { get; init; }
    [Id(2)] public Hash32 BlockHash { get; init; }
    [Id(3)] public PublicKey[] Senders { get; init; }
    [Id(4)] public Signature Signature { get; init; }
}

[RegisterConverter]
public sealed class VoteConverter : IConverter<Vote, VoteSurrogate>
{
    public Vote ConvertFromSurrogate(in VoteSurrogate s) => new((MessageType)s.Type, s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.BlockHash, s.Senders, s.Signature);
    public VoteSurrogate ConvertToSurrogate(in Vote m) => new() { Head = Surrogates.Head(m), Type = (byte)m.Type, BlockHash = m.BlockHash, Senders = [.. m.Senders], Signature = m.Signature };
}

[GenerateSerializer, Immutable]
public readonly struct PreparedSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public Block Block { get; init; }
    [Id(2)] public Signature Aggregate { get; init; }
    [Id(3)] public SignerBitmap Bitmap { get; init; }
    [Id(4)] public PublicKey Sender { get; init; }
    [Id(5)] public Signature Envelope { get; init; }
}

[RegisterConverter]
public sealed class PreparedConverter : IConverter<Prepared, PreparedSurrogate>
{
    public Prepared ConvertFromSurrogate(in PreparedSurrogate s) => new(s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.Block, s.Aggregate, s.Bitmap, s.Sender, s.Envelope);
    public PreparedSurrogate ConvertToSurrogate(in Prepared m) => new() { Head = Surrogates.Head(m), Block = m.Block, Aggregate = m.Aggregate, Bitmap = m.Bitmap, Sender = m.Sender, Envelope = m.EnvelopeSignature };
}

[GenerateSerializer, Immutable]
public readonly struct CommittedSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public Hash32 BlockHash { get; init; }
    [Id(2)] public Signature Aggregate { get; init; }
    [Id(3)] public SignerBitmap Bitmap { get; init; }
    [Id(4)] public PublicKey Sender { get; init; }
    [Id(5)] public Signature Envelope { get; init; }
}

[RegisterConverter]
public sealed class CommittedConverter : IConverter<Committed, CommittedSurrogate>
{
    public Committed ConvertFromSurrogate(in CommittedSurrogate s) => new(s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.BlockHash, s.Aggregate, s.Bitmap, s.Sender, s.Envelope);
    public CommittedSurrogate ConvertToSurrogate(in Committed m) => new() { Head = Surrogates.Head(m), BlockHash = m.BlockHash, Aggregate = m.Aggregate, Bitmap = m.Bitmap, Sender = m.Sender, Envelope = m.EnvelopeSignature };
}

[GenerateSerializer, Immutable]
public readonly struct ViewChangeSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public PublicKey Sender { get; init; }
    [Id(2)] public PublicKey NewLeader { get; init; }
    [Id(3)] public PreparedCertificate? M1 { get; init; }
    [Id(4)] public Signature ViewChangeSignature { get; init; }
    [Id(5)] public Signature ViewIdSignature { get; init; }
}

[RegisterConverter]
public sealed class ViewChangeConverter : IConverter<ViewChange, ViewChangeSurrogate>
{
    public ViewChange ConvertFromSurrogate(in ViewChangeSurrogate s) => new(s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.Sender, s.NewLeader, s.M1, s.ViewChangeSignature, s.ViewIdSignature);
    public ViewChangeSurrogate ConvertToSurrogate(in ViewChange m) => new() { Head = Surrogates.Head(m), Sender = m.Sender, NewLeader = m.NewLeader, M1 = m.M1, ViewChangeSignature = m.ViewChangeSignature, ViewIdSignature = m.ViewIdSignature };
}

[GenerateSerializer, Immutable]
public readonly struct NewViewSurrogate
{
    [Id(0)] public MessageHeaderSurrogate Head { get; init; }
    [Id(1)] public PreparedCertificate? M1 { get; init; }
    [Id(2)] public Signature? M2Aggregate { get; init; }
    [Id(3)] public SignerBitmap M2Bitmap { get; init; }
    [Id(4)] public Signature M3Aggregate { get; init; }
    [Id(5)] public SignerBitmap M3Bitmap { get; init; }
    [Id(6)] public PublicKey Sender { get; init; }
    [Id(7)] public Signature Envelope { get; init; }
}

[RegisterConverter]
public sealed class NewViewConverter : IConverter<NewView, NewViewSurrogate>
{
    public NewView ConvertFromSurrogate(in NewViewSurrogate s) => new(s.Head.ShardId, s.Head.ViewId, s.Head.BlockNumber, s.M1, s.M2Aggregate, s.M2Bitmap, s.M3Aggregate, s.M3Bitmap, s.Sender, s.Envelope);
    public NewViewSurrogate ConvertToSurrogate(in NewView m) => new() { Head = Surrogates.Head(m), M1 = m.M1, M2Aggregate = m.M2Aggregate, M2Bitmap = m.M2Bitmap, M3Aggregate = m.M3Aggregate, M3Bitmap = m.M3Bitmap, Sender = m.Sender, Envelope = m.EnvelopeSignature };
}

internal static class Surrogates
{
    public static MessageHeaderSurrogate Head(FbftMessage m) => new() { ShardId = m.ShardId, ViewId = m.ViewId, BlockNumber = m.BlockNumber };
}
