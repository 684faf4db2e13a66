using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Orleans surrogates for the protocol library's types, so they can cross silos. The protocol library knows nothing
// of Orleans; these converters are the only bridge. Inside one silo nothing is copied: the grain messages that carry
// protocol objects are [Immutable].

[GenerateSerializer, Immutable]
public readonly struct BytesSurrogate
{
    [Id(0)] public byte[] Bytes { get; init; }
}

[RegisterConverter]
public sealed class PublicKeyConverter : IConverter<PublicKey, BytesSurrogate>
{
    public PublicKey ConvertFromSurrogate(in BytesSurrogate surrogate) => new(surrogate.Bytes);
    public BytesSurrogate ConvertToSurrogate(in PublicKey value) => new() { Bytes = value.ToArray() };
}

[RegisterConverter]
public sealed class SignatureConverter : IConverter<Signature, BytesSurrogate>
{
    public Signature ConvertFromSurrogate(in BytesSurrogate surrogate) => new(surrogate.Bytes);
    public BytesSurrogate ConvertToSurrogate(in Signature value) => new() { Bytes = value.ToArray() };
}

[RegisterConverter]
public sealed class Hash32Converter : IConverter<Hash32, BytesSurrogate>
{
    public Hash32 ConvertFromSurrogate(in BytesSurrogate surrogate) => new(surrogate.Bytes);
    public BytesSurrogate ConvertToSurrogate(in Hash32 value) => new() { Bytes = value.ToArray() };
}

[RegisterConverter]
public sealed class AddressConverter : IConverter<Address, BytesSurrogate>
{
    public Address ConvertFromSurrogate(in BytesSurrogate surrogate) => new(surrogate.Bytes);
    public BytesSurrogate ConvertToSurrogate(in Address value) => new() { Bytes = value.ToArray() };
}

[GenerateSerializer, Immutable]
public readonly struct BitmapSurrogate
{
    [Id(0)] public int Size { get; init; }
    [Id(1)] public byte[] Bytes { get; init; }
}

[RegisterConverter]
public sealed class SignerBitmapConverter : IConverter<SignerBitmap, BitmapSurrogate>
{
    public SignerBitmap ConvertFromSurrogate(in BitmapSurrogate surrogate) => SignerBitmap.FromBytes(surrogate.Bytes, surrogate.Size);
    public BitmapSurrogate ConvertToSurrogate(in SignerBitmap value) => new() { Size = value.Size, Bytes = value.ToBytes() };
}

[GenerateSerializer, Immutable]
public readonly struct BlockHeaderSurrogate
{
    [Id(0)] public Hash32 ParentHash { get; init; }
    [Id(1)] public Address Coinbase { get; init; }
    [Id(2)] public Hash32 Root { get; init; }
    [Id(3)] public Hash32 TxHash { get; init; }
    [Id(4)] public Hash32 ReceiptHash { get; init; }
    [Id(5)] public Hash32 OutgoingReceiptHash { get; init; }
    [Id(6)] public Hash32 IncomingReceiptHash { get; init; }
    [Id(7)] public byte[] Bloom { get; init; }
    [Id(8)] public ulong Number { get; init; }
    [Id(9)] public ulong GasLimit { get; init; }
    [Id(10)] public ulong GasUsed { get; init; }
    [Id(11)] public ulong Time { get; init; }
    [Id(12)] public byte[] Extra { get; init; }
    [Id(13)] public Hash32 MixDigest { get; init; }
    [Id(14)] public ulong ViewId { get; init; }
    [Id(15)] public ulong Epoch { get; init; }
    [Id(16)] public uint ShardId { get; init; }
    [Id(17)] public Signature? LastCommitSignature { get; init; }
    [Id(18)] public byte[] LastCommitBitmap { get; init; }
    [Id(19)] public byte[] Vrf { get; init; }
    [Id(20)] public byte[] Vdf { get; init; }
    [Id(21)] public byte[] ShardState { get; init; }
    [Id(22)] public byte[] CrossLinks { get; init; }
    [Id(23)] public byte[] Slashes { get; init; }
}

[RegisterConverter]
public sealed class BlockHeaderConverter : IConverter<BlockHeader, BlockHeaderSurrogate>
{
    public BlockHeader ConvertFromSurrogate(in BlockHeaderSurrogate s) => new()
    {
        ParentHash = s.ParentHash, Coinbase = s.Coinbase, Root = s.Root, TxHash = s.TxHash, ReceiptHash = s.ReceiptHash,
        OutgoingReceiptHash = s.OutgoingReceiptHash, IncomingReceiptHash = s.IncomingReceiptHash, Bloom = s.Bloom, Number = s.Number,
        GasLimit = s.GasLimit, GasUsed = s.GasUsed, Time = s.Time, Extra = s.Extra, MixDigest = s.MixDigest, ViewId = s.ViewId,
        Epoch = s.Epoch, ShardId = s.ShardId, LastCommitSignature = s.LastCommitSignature, LastCommitBitmap = s.LastCommitBitmap,
        Vrf = s.Vrf, Vdf = s.Vdf, ShardState = s.ShardState, CrossLinks = s.CrossLinks, Slashes = s.Slashes,
    };

    public BlockHeaderSurrogate ConvertToSurrogate(in BlockHeader h) => new()
    {
        ParentHash = h.ParentHash, Coinbase = h.Coinbase, Root = h.Root, TxHash = h.TxHash, ReceiptHash = h.ReceiptHash,
        OutgoingReceiptHash = h.OutgoingReceiptHash, IncomingReceiptHash = h.IncomingReceiptHash, Bloom = h.Bloom, Number = h.Number,
        GasLimit = h.GasLimit, GasUsed = h.GasUsed, Time = h.Time, Extra = h.Extra, MixDigest = h.MixDigest, ViewId = h.ViewId,
        Epoch = h.Epoch, ShardId = h.ShardId, LastCommitSignature = h.LastCommitSignature, LastCommitBitmap = h.LastCommitBitmap,
        Vrf = h.Vrf, Vdf = h.Vdf, ShardState = h.ShardState, CrossLinks = h.CrossLinks, Slashes = h.Slashes,
    };
}

[GenerateSerializer, Immutable]
public readonly struct BlockSurrogate
{
    [Id(0)] public BlockHeader Header { get; init; }
    [Id(1)] public byte[][] Transactions { get; init; }

    /// <summary>The beacon chain's typed body part, when the block has one.</summary>
    [Id(2)] public Protocol.Staking.Beacon.BeaconBody? Beacon { get; init; }

    /// <summary>A shard block's incoming receipt proofs (its <see cref="Protocol.Chain.Receipts.ShardBody"/>); null for any other body.</summary>
    [Id(3)] public Protocol.Chain.Receipts.CXReceiptsProof[]? Incoming { get; init; }
}

[RegisterConverter]
public sealed class BlockConverter : IConverter<Block, BlockSurrogate>
{
    public Block ConvertFromSurrogate(in BlockSurrogate s) =>
        new(s.Header, s.Transactions, (Protocol.Chain.IBlockBody?)s.Beacon ?? (s.Incoming is null ? null : new Protocol.Chain.Receipts.ShardBody(s.Incoming)));

    public BlockSurrogate ConvertToSurrogate(in Block b) => b.Body is null or Protocol.Staking.Beacon.BeaconBody or Protocol.Chain.Receipts.ShardBody
        ? new()
        {
            Header = b.Header, Transactions = [.. b.Transactions], Beacon = b.Body as Protocol.Staking.Beacon.BeaconBody,
            Incoming = b.Body is Protocol.Chain.Receipts.ShardBody body ? [.. body.IncomingProofs] : null,
        }
        : throw new NotSupportedException($"a block body of type {b.Body.GetType().Name} cannot cross silos yet");
}

[GenerateSerializer, Immutable]
public readonly struct CommittedBlockSurrogate
{
    [Id(0)] public Block Block { get; init; }
    [Id(1)] public Signature? CommitSignature { get; init; }
    [Id(2)] public SignerBitmap? CommitBitmap { get; init; }
    [Id(3)] public ulong CommitViewId { get; init; }
}

[RegisterConverter]
public sealed class CommittedBlockConverter : IConverter<CommittedBlock, CommittedBlockSurrogate>
{
    public CommittedBlock ConvertFromSurrogate(in CommittedBlockSurrogate s) => new(s.Block, s.CommitSignature, s.CommitBitmap, s.CommitViewId);
    public CommittedBlockSurrogate ConvertToSurrogate(in CommittedBlock c) =>
        new() { Block = c.Block, CommitSignature = c.CommitSignature, CommitBitmap = c.CommitBitmap, CommitViewId = c.CommitViewId };
}

[GenerateSerializer, Immutable]
public readonly struct PreparedCertificateSurrogate
{
    [Id(0)] public Block Block { get; init; }
    [Id(1)] public Signature Aggregate { get; init; }
    [Id(2)] public SignerBitmap Bitmap { get; init; }
}

[RegisterConverter]
public sealed class PreparedCertificateConverter : IConverter<PreparedCertificate, PreparedCertificateSurrogate>
{
    public PreparedCertificate ConvertFromSurrogate(in PreparedCertificateSurrogate s) => new(s.Block, s.Aggregate, s.Bitmap);
    public PreparedCertificateSurrogate ConvertToSurrogate(in PreparedCertificate c) => new() { Block = c.Block, Aggregate = c.PrepareAggregate, Bitmap = c.PrepareBitmap };
}
