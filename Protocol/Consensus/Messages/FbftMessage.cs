using System.Buffers.Binary;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// A consensus message. Immutable classes rather than records, so no copy can carry a stale cached digest.
/// </summary>
public abstract class FbftMessage(uint shardId, ulong viewId, ulong blockNumber)
{
    private Hash32? _digest;

    public abstract MessageType Type { get; }
    public uint ShardId { get; } = shardId;
    public ulong ViewId { get; } = viewId;
    public ulong BlockNumber { get; } = blockNumber;

    /// <summary>Approximate size on the wire in bytes, for bandwidth models and message accounting.</summary>
    public abstract int WireSize { get; }

    /// <summary>Keccak-256 of the canonical encoding of every field except the envelope signature; computed once.</summary>
    public Hash32 Digest => _digest ??= ComputeDigest();

    private Hash32 ComputeDigest()
    {
        var buffer = new List<byte>(256);
        Span<byte> word = stackalloc byte[8];
        buffer.Add((byte)Type);
        BinaryPrimitives.WriteUInt32LittleEndian(word, ShardId);
        buffer.AddRange(word[..4]);
        BinaryPrimitives.WriteUInt64LittleEndian(word, ViewId);
        buffer.AddRange(word);
        BinaryPrimitives.WriteUInt64LittleEndian(word, BlockNumber);
        buffer.AddRange(word);
        AppendContent(buffer);
        return Keccak256.Hash(buffer.ToArray());
    }

    /// <summary>Appends the type-specific fields to the digest input.</summary>
    protected abstract void AppendContent(List<byte> buffer);

    protected static void Append(List<byte> buffer, Hash32 hash)
    {
        Span<byte> h = stackalloc byte[Hash32.Size];
        hash.WriteTo(h);
        buffer.AddRange(h);
    }

    protected static void AppendWithLength(List<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        buffer.AddRange(length);
        buffer.AddRange(bytes);
    }

    public override string ToString() => $"{Type} s{ShardId} v{ViewId} #{BlockNumber}";
}

/// <summary>A message signed as a whole by one sender key (every type but PREPARE and COMMIT).</summary>
public abstract class SignedFbftMessage(uint shardId, ulong viewId, ulong blockNumber, PublicKey sender, Signature envelopeSignature)
    : FbftMessage(shardId, viewId, blockNumber)
{
    public PublicKey Sender { get; } = sender;
    public Signature EnvelopeSignature { get; } = envelopeSignature;
}
