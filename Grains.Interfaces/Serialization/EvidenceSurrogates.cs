using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Surrogates for double-sign and equivocation evidence, which crosses silos inside the slash records shards send the beacon.

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
