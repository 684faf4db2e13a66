using System.Buffers;
using System.Buffers.Binary;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// A consensus message. Immutable classes rather than records, so no copy can carry a stale cached digest.
/// </summary>
public abstract class FbftMessage(uint shardId, ulong viewId, ulong blockNumber)
{
    private byte[]? _signingBytes;
    private Computed<Hash32>? _digest;
    private Computed<UInt128>? _fingerprint;

    public abstract MessageType Type { get; }
    public uint ShardId { get; } = shardId;
    public ulong ViewId { get; } = viewId;
    public ulong BlockNumber { get; } = blockNumber;

    /// <summary>
    /// Canonical encoding of every field except the envelope signature: what the envelope signs (the signature
    /// scheme hashes it). Computed once per message object, so the receivers of one broadcast share it.
    /// </summary>
    public ReadOnlySpan<byte> SigningBytes => _signingBytes ??= Encode();

    /// <summary>Keccak-256 of <see cref="SigningBytes"/>: the message's identity in logs and traces.</summary>
    public Hash32 Digest => (_digest ??= new(WithEncoding(static bytes => Keccak256.Hash(bytes)))).Value;

    /// <summary>
    /// XxHash128 of <see cref="SigningBytes"/>: a fast 128-bit identity for a simulator's delivery trace, where every
    /// delivery is hashed. Not a cryptographic commitment (that is <see cref="Digest"/>).
    /// </summary>
    public UInt128 Fingerprint => (_fingerprint ??= new(WithEncoding(static bytes => System.IO.Hashing.XxHash128.HashToUInt128(bytes)))).Value;

    private delegate T OfBytes<out T>(ReadOnlySpan<byte> bytes);

    // A scratch buffer per thread for digests of messages whose encoding is not kept (a vote is hashed for the
    // delivery trace but never envelope-signed): taken while in use, so a nested encoding allocates its own.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>A function of the signing bytes, computed from the kept encoding or, without one, from a scratch encoding.</summary>
    private T WithEncoding<T>(OfBytes<T> function)
    {
        if (_signingBytes is { } bytes) return function(bytes);
        var scratch = _scratch ?? new ArrayBufferWriter<byte>(512);
        _scratch = null;
        scratch.ResetWrittenCount();
        EncodeInto(scratch);
        var result = function(scratch.WrittenSpan);
        _scratch = scratch;
        return result;
    }

    private byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        EncodeInto(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private void EncodeInto(ArrayBufferWriter<byte> buffer)
    {
        Span<byte> head = stackalloc byte[1 + 4 + 8 + 8];
        head[0] = (byte)Type;
        BinaryPrimitives.WriteUInt32LittleEndian(head[1..], ShardId);
        BinaryPrimitives.WriteUInt64LittleEndian(head[5..], ViewId);
        BinaryPrimitives.WriteUInt64LittleEndian(head[13..], BlockNumber);
        buffer.Write(head);
        AppendContent(buffer);
    }

    /// <summary>Appends the type-specific fields to the signed encoding.</summary>
    protected abstract void AppendContent(ArrayBufferWriter<byte> buffer);

    protected static void Append(ArrayBufferWriter<byte> buffer, Hash32 hash)
    {
        hash.WriteTo(buffer.GetSpan(Hash32.Size));
        buffer.Advance(Hash32.Size);
    }

    protected static void AppendWithLength(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), bytes.Length);
        buffer.Advance(4);
        buffer.Write(bytes);
    }

    public override string ToString() => $"{Type} s{ShardId} v{ViewId} #{BlockNumber}";
}

/// <summary>A message signed as a whole by one sender key (every type but PREPARE and COMMIT).</summary>
public abstract class SignedFbftMessage(uint shardId, ulong viewId, ulong blockNumber, PublicKey sender, Signature envelopeSignature)
    : FbftMessage(shardId, viewId, blockNumber)
{
    // The envelope check's answer for the scheme that last asked. Every receiver in a process holds this same object,
    // so the signature is checked once per message rather than once per receiver; published by reference, never torn.
    private EnvelopeCheck? _envelopeCheck;

    public PublicKey Sender { get; } = sender;
    public Signature EnvelopeSignature { get; } = envelopeSignature;

    /// <summary>Whether the envelope signature verifies under <paramref name="scheme"/>: the scheme's answer, memoised on this immutable message.</summary>
    public bool EnvelopeVerifies(ISignatureScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (_envelopeCheck is { } known && ReferenceEquals(known.Scheme, scheme)) return known.Valid;
        var valid = scheme.Verify(Sender, SigningBytes, EnvelopeSignature);
        _envelopeCheck = new EnvelopeCheck(scheme, valid);
        return valid;
    }

    private sealed record EnvelopeCheck(ISignatureScheme Scheme, bool Valid);
}
