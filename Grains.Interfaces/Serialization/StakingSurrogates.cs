using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Staking.Transactions;
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

/// <summary>A signed staking transaction as its canonical encoding (the chain id does not travel: it is the run's) and signature.</summary>
[GenerateSerializer, Immutable]
public readonly struct SignedStakingTransactionSurrogate
{
    [Id(0)] public byte[] Encoded { get; init; }
    [Id(1)] public byte[] R { get; init; }
    [Id(2)] public byte[] S { get; init; }
    [Id(3)] public int RecoveryId { get; init; }
    /// <summary>An outside transaction's Harmony bytes (then the rest is what they decode to), else null.</summary>
    [Id(4)] public byte[]? Harmony { get; init; }
}

[RegisterConverter]
public sealed class SignedStakingTransactionConverter : IConverter<SignedStakingTransaction, SignedStakingTransactionSurrogate>
{
    public SignedStakingTransaction ConvertFromSurrogate(in SignedStakingTransactionSurrogate s)
    {
        if (s.Harmony is { } harmony)
        {
            var wallet = HarmonyStakingEncoding.Decode(harmony);
            if (!wallet.Ok) throw new InvalidOperationException("a staking transaction did not survive serialization: " + wallet.Error);
            return SignedStakingTransaction.FromHarmony(wallet.Value!, harmony);
        }
        var decoded = StakingTransactionDecoding.Decode(s.Encoded);
        if (!decoded.Ok) throw new InvalidOperationException("a staking transaction did not survive serialization: " + decoded.Error);
        return new SignedStakingTransaction(decoded.Value!.Message, decoded.Value.Nonce, new RecoverableSignature(s.R, s.S, s.RecoveryId));
    }

    public SignedStakingTransactionSurrogate ConvertToSurrogate(in SignedStakingTransaction t) => new()
    {
        Encoded = StakingTransactionEncoding.Encode(t.Message, t.Nonce, 0), R = t.Signature.R, S = t.Signature.S, RecoveryId = t.Signature.RecoveryId, Harmony = t.Harmony,
    };
}

[GenerateSerializer, Immutable]
public readonly struct BeaconBodySurrogate
{
    [Id(0)] public SignedStakingTransaction[] Staking { get; init; }
    [Id(1)] public Crosslink[] Crosslinks { get; init; }
    [Id(2)] public SlashRecord[] Slashes { get; init; }
    [Id(3)] public RandomnessContribution[] Randomness { get; init; }
    [Id(4)] public Protocol.Chain.Receipts.CXReceiptsProof[] Incoming { get; init; }
}

[RegisterConverter]
public sealed class BeaconBodyConverter : IConverter<BeaconBody, BeaconBodySurrogate>
{
    public BeaconBody ConvertFromSurrogate(in BeaconBodySurrogate s) => new(s.Staking, s.Crosslinks, s.Slashes, s.Randomness, s.Incoming);
    public BeaconBodySurrogate ConvertToSurrogate(in BeaconBody b) => new()
    {
        Staking = [.. b.Staking], Crosslinks = [.. b.Crosslinks], Slashes = [.. b.Slashes], Randomness = [.. b.Contributions], Incoming = [.. b.IncomingProofs],
    };
}
