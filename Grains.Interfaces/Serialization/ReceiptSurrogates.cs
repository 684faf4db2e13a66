using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Surrogates for what a source shard sends a destination shard: receipts and their proof. Amounts travel as
// two's-complement little-endian bytes (BigInteger.ToByteArray), which round-trip exactly.

[GenerateSerializer, Immutable]
public readonly struct CXReceiptSurrogate
{
    [Id(0)] public Hash32 TxHash { get; init; }
    [Id(1)] public Address From { get; init; }
    [Id(2)] public Address To { get; init; }
    [Id(3)] public uint ShardId { get; init; }
    [Id(4)] public uint ToShardId { get; init; }
    [Id(5)] public byte[] Amount { get; init; }
}

[RegisterConverter]
public sealed class CXReceiptConverter : IConverter<CXReceipt, CXReceiptSurrogate>
{
    public CXReceipt ConvertFromSurrogate(in CXReceiptSurrogate s) => new(s.TxHash, s.From, s.To, s.ShardId, s.ToShardId, new BigInteger(s.Amount));
    public CXReceiptSurrogate ConvertToSurrogate(in CXReceipt r) => new()
    {
        TxHash = r.TxHash, From = r.From, To = r.To, ShardId = r.ShardId, ToShardId = r.ToShardId, Amount = r.Amount.ToByteArray(),
    };
}

[GenerateSerializer, Immutable]
public readonly struct CXMerkleProofSurrogate
{
    [Id(0)] public ulong BlockNumber { get; init; }
    [Id(1)] public Hash32 BlockHash { get; init; }
    [Id(2)] public uint ShardId { get; init; }
    [Id(3)] public Hash32 CXReceiptHash { get; init; }
    [Id(4)] public uint[] ShardIds { get; init; }
    [Id(5)] public Hash32[] CXShardHashes { get; init; }
}

[RegisterConverter]
public sealed class CXMerkleProofConverter : IConverter<CXMerkleProof, CXMerkleProofSurrogate>
{
    public CXMerkleProof ConvertFromSurrogate(in CXMerkleProofSurrogate s) => new(s.BlockNumber, s.BlockHash, s.ShardId, s.CXReceiptHash, s.ShardIds, s.CXShardHashes);
    public CXMerkleProofSurrogate ConvertToSurrogate(in CXMerkleProof m) => new()
    {
        BlockNumber = m.BlockNumber, BlockHash = m.BlockHash, ShardId = m.ShardId, CXReceiptHash = m.CXReceiptHash,
        ShardIds = [.. m.ShardIds], CXShardHashes = [.. m.CXShardHashes],
    };
}

[GenerateSerializer, Immutable]
public readonly struct CXReceiptsProofSurrogate
{
    [Id(0)] public CXReceipt[] Receipts { get; init; }
    [Id(1)] public CXMerkleProof MerkleProof { get; init; }
    [Id(2)] public BlockHeader Header { get; init; }
    [Id(3)] public Signature CommitSignature { get; init; }
    [Id(4)] public byte[] CommitBitmap { get; init; }
}

[RegisterConverter]
public sealed class CXReceiptsProofConverter : IConverter<CXReceiptsProof, CXReceiptsProofSurrogate>
{
    public CXReceiptsProof ConvertFromSurrogate(in CXReceiptsProofSurrogate s) => new(s.Receipts, s.MerkleProof, s.Header, s.CommitSignature, s.CommitBitmap);
    public CXReceiptsProofSurrogate ConvertToSurrogate(in CXReceiptsProof p) => new()
    {
        Receipts = [.. p.Receipts], MerkleProof = p.MerkleProof, Header = p.Header, CommitSignature = p.CommitSignature, CommitBitmap = p.CommitBitmap,
    };
}
