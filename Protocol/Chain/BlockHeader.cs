using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain;

/// <summary>
/// A block header with the fields of Harmony's v3 header (reference §8.1). Immutable; its hash is
/// Keccak-256 over the canonical RLP encoding and is computed once.
/// </summary>
public sealed class BlockHeader
{
    /// <summary>Tag that starts the encoded field list, so a header can never be confused with another structure.</summary>
    public const string EncodingTag = "HarmonySim.Header.v3";

    private static readonly byte[] ZeroBloom = new byte[256];
    private static readonly byte[] ZeroSignature = new byte[Signature.Size];
    private Computed<Hash32>? _hash;

    public Hash32 ParentHash { get; init; }
    public Address Coinbase { get; init; }
    public Hash32 Root { get; init; }
    public Hash32 TxHash { get; init; }
    public Hash32 ReceiptHash { get; init; }
    public Hash32 OutgoingReceiptHash { get; init; }
    public Hash32 IncomingReceiptHash { get; init; }
    public byte[] Bloom { get; init; } = ZeroBloom;
    public ulong Number { get; init; }
    public ulong GasLimit { get; init; }
    public ulong GasUsed { get; init; }

    /// <summary>Block time in Unix seconds; the view-change formula measures from it.</summary>
    public ulong Time { get; init; }

    public byte[] Extra { get; init; } = [];
    public Hash32 MixDigest { get; init; }

    /// <summary>The FBFT view in which the block was proposed; part of the signed commit payload.</summary>
    public ulong ViewId { get; init; }

    public ulong Epoch { get; init; }
    public uint ShardId { get; init; }

    /// <summary>Aggregate COMMIT signature on the parent block; null only in a genesis header.</summary>
    public Signature? LastCommitSignature { get; init; }

    /// <summary>Signer bitmap of <see cref="LastCommitSignature"/> over the parent's committee.</summary>
    public byte[] LastCommitBitmap { get; init; } = [];

    // The decoded LastCommitBitmap for the last committee size asked: every validator of a shard checks the same
    // header object, so the bitmap is decoded (and its hash taken) once. Published by reference, never torn.
    private DecodedSigners? _lastCommitSigners;

    /// <summary><see cref="SignerBitmap.TryFromBytes"/> of <see cref="LastCommitBitmap"/> for a committee of <paramref name="size"/>, memoised.</summary>
    public bool TryLastCommitSigners(int size, out SignerBitmap? bitmap, out string? error)
    {
        if (_lastCommitSigners is not { } known || known.Size != size)
        {
            SignerBitmap.TryFromBytes(LastCommitBitmap, size, out var decoded, out var why);
            _lastCommitSigners = known = new DecodedSigners(size, decoded, why);
        }
        bitmap = known.Bitmap;
        error = known.Error;
        return bitmap is not null;
    }

    private sealed record DecodedSigners(int Size, SignerBitmap? Bitmap, string? Error);

    public byte[] Vrf { get; init; } = [];
    public byte[] Vdf { get; init; } = [];

    /// <summary>Next epoch's committees; non-empty only in an epoch's last block.</summary>
    public byte[] ShardState { get; init; } = [];

    public byte[] CrossLinks { get; init; } = [];
    public byte[] Slashes { get; init; } = [];

    public Hash32 Hash => (_hash ??= new(Keccak256.Hash(Encode()))).Value;

    /// <summary>Canonical encoding: an RLP list of the tag and every field in declaration order.</summary>
    public byte[] Encode()
    {
        var w = new RlpWriter().StartList().Bytes(System.Text.Encoding.ASCII.GetBytes(EncodingTag));
        Span<byte> h = stackalloc byte[Hash32.Size];
        Span<byte> a = stackalloc byte[Address.Size];
        ParentHash.WriteTo(h); w.Bytes(h);
        Coinbase.WriteTo(a); w.Bytes(a);
        foreach (var hash in (ReadOnlySpan<Hash32>)[Root, TxHash, ReceiptHash, OutgoingReceiptHash, IncomingReceiptHash])
        {
            hash.WriteTo(h);
            w.Bytes(h);
        }
        w.Bytes(Bloom).UInt(Number).UInt(GasLimit).UInt(GasUsed).UInt(Time).Bytes(Extra);
        MixDigest.WriteTo(h); w.Bytes(h);
        w.UInt(ViewId).UInt(Epoch).UInt(ShardId)
            .Bytes(LastCommitSignature is null ? ZeroSignature : LastCommitSignature.Bytes)
            .Bytes(LastCommitBitmap).Bytes(Vrf).Bytes(Vdf).Bytes(ShardState).Bytes(CrossLinks).Bytes(Slashes);
        return w.EndList().ToArray();
    }

    /// <summary>The same header with other extra data (a different block: its hash changes).</summary>
    public BlockHeader WithExtra(byte[] extra) => Copy(extra: extra);

    /// <summary>The same header with the transfer commitments: ledger root, outgoing and incoming receipt hashes (a different block).</summary>
    public BlockHeader WithTransfers(Hash32 root, Hash32 outgoingReceiptHash, Hash32 incomingReceiptHash) =>
        Copy(root: root, outgoingReceiptHash: outgoingReceiptHash, incomingReceiptHash: incomingReceiptHash);

    /// <summary>The same header with its gas limit and the gas its transactions used (a different block).</summary>
    public BlockHeader WithGas(ulong gasLimit, ulong gasUsed) => Copy(gasLimit: gasLimit, gasUsed: gasUsed);

    private BlockHeader Copy(byte[]? extra = null, Hash32? root = null, Hash32? outgoingReceiptHash = null, Hash32? incomingReceiptHash = null,
        ulong? gasLimit = null, ulong? gasUsed = null) => new()
    {
        ParentHash = ParentHash, Coinbase = Coinbase, Root = root ?? Root, TxHash = TxHash, ReceiptHash = ReceiptHash,
        OutgoingReceiptHash = outgoingReceiptHash ?? OutgoingReceiptHash, IncomingReceiptHash = incomingReceiptHash ?? IncomingReceiptHash,
        Bloom = Bloom, Number = Number, GasLimit = gasLimit ?? GasLimit, GasUsed = gasUsed ?? GasUsed, Time = Time, Extra = extra ?? Extra,
        MixDigest = MixDigest, ViewId = ViewId, Epoch = Epoch, ShardId = ShardId, LastCommitSignature = LastCommitSignature,
        LastCommitBitmap = LastCommitBitmap, Vrf = Vrf, Vdf = Vdf, ShardState = ShardState, CrossLinks = CrossLinks, Slashes = Slashes,
    };

    /// <summary>Whether this is its epoch's last block (Harmony: it carries the next shard state).</summary>
    public bool CarriesShardState => ShardState.Length != 0;

    public override string ToString() => $"#{Number} v{ViewId} e{Epoch} s{ShardId} {Hash}";
}
