using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Surrogates for what shards send the beacon chain.

[GenerateSerializer, Immutable]
public readonly struct CrosslinkSurrogate
{
    [Id(0)] public uint ShardId { get; init; }
    [Id(1)] public ulong BlockNumber { get; init; }
    [Id(2)] public ulong ViewId { get; init; }
    [Id(3)] public ulong Epoch { get; init; }
    [Id(4)] public Hash32 BlockHash { get; init; }
    [Id(5)] public Signature Signature { get; init; }
    [Id(6)] public byte[] Bitmap { get; init; }
}

[RegisterConverter]
public sealed class CrosslinkConverter : IConverter<Crosslink, CrosslinkSurrogate>
{
    public Crosslink ConvertFromSurrogate(in CrosslinkSurrogate s) => new(s.ShardId, s.BlockNumber, s.ViewId, s.Epoch, s.BlockHash, s.Signature, s.Bitmap);
    public CrosslinkSurrogate ConvertToSurrogate(in Crosslink c) => new()
    {
        ShardId = c.ShardId, BlockNumber = c.BlockNumber, ViewId = c.ViewId, Epoch = c.Epoch, BlockHash = c.BlockHash, Signature = c.Signature, Bitmap = c.Bitmap,
    };
}

[GenerateSerializer, Immutable]
public readonly struct SlashRecordSurrogate
{
    [Id(0)] public DoubleSignEvidence Evidence { get; init; }
    [Id(1)] public Address Reporter { get; init; }
}

[RegisterConverter]
public sealed class SlashRecordConverter : IConverter<SlashRecord, SlashRecordSurrogate>
{
    public SlashRecord ConvertFromSurrogate(in SlashRecordSurrogate s) => new(s.Evidence, s.Reporter);
    public SlashRecordSurrogate ConvertToSurrogate(in SlashRecord r) => new() { Evidence = r.Evidence, Reporter = r.Reporter };
}

[GenerateSerializer, Immutable]
public readonly struct RandomnessContributionSurrogate
{
    [Id(0)] public PublicKey Key { get; init; }
    [Id(1)] public byte[] Proof { get; init; }
}

[RegisterConverter]
public sealed class RandomnessContributionConverter : IConverter<RandomnessContribution, RandomnessContributionSurrogate>
{
    public RandomnessContribution ConvertFromSurrogate(in RandomnessContributionSurrogate s) => new(s.Key, s.Proof);
    public RandomnessContributionSurrogate ConvertToSurrogate(in RandomnessContribution c) => new() { Key = c.Key, Proof = c.Proof };
}
