using System.Buffers.Binary;

namespace HarmonySim.Protocol.Chain;

/// <summary>Recursive-length-prefix encoding (Ethereum's canonical encoding), writing into a growable buffer.</summary>
/// <remarks>
/// A list's prefix depends on its payload's length, known only when it closes: <see cref="EndList"/> shifts the
/// list's own payload right by the prefix's size, in place, so closing a list costs its payload and never what was
/// written before it (a ledger of thousands of accounts encodes in linear time).
/// </remarks>
public sealed class RlpWriter
{
    private byte[] _buffer;
    private int _length;
    // Where each open list's payload starts, innermost last: an array grown by doubling (a Stack<int> cost two
    // allocations per small encoding, a large share of a transaction's).
    private int[] _lists = new int[4];
    private int _depth;

    /// <param name="capacity">The buffer's first size: the expected encoding's, so a small one allocates little.</param>
    public RlpWriter(int capacity = 512) => _buffer = new byte[Math.Max(capacity, 16)];

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public RlpWriter Bytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            Reserve(1)[0] = value[0];
            _length++;
            return this;
        }
        WriteLength(0x80, value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
        return this;
    }

    /// <summary>A 32-byte hash as a byte string.</summary>
    public RlpWriter Bytes(Crypto.Hash32 value)
    {
        Span<byte> bytes = stackalloc byte[Crypto.Hash32.Size];
        value.WriteTo(bytes);
        return Bytes(bytes);
    }

    /// <summary>A 20-byte address as a byte string.</summary>
    public RlpWriter Bytes(Address value)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        value.WriteTo(bytes);
        return Bytes(bytes);
    }

    /// <summary>An integer as <see cref="RlpValues.SignedInteger"/> encodes it, written without an intermediate array.</summary>
    public RlpWriter SignedInteger(System.Numerics.BigInteger value)
    {
        if (value.IsZero) return Bytes([]);
        var size = value.GetByteCount(isUnsigned: false);
        if (size > 64) return Bytes(RlpValues.SignedInteger(value));
        Span<byte> bytes = stackalloc byte[64];
        value.TryWriteBytes(bytes, out var written, isUnsigned: false, isBigEndian: true);
        return Bytes(bytes[..written]);
    }

    /// <summary>An unsigned integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public RlpWriter UInt(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return Bytes(bytes[(System.Numerics.BitOperations.LeadingZeroCount(value) / 8)..]);
    }

    public RlpWriter StartList()
    {
        if (_depth == _lists.Length) Array.Resize(ref _lists, _depth * 2);
        _lists[_depth++] = _length;
        return this;
    }

    /// <summary>Closes the innermost list by moving its payload behind the right prefix.</summary>
    public RlpWriter EndList()
    {
        if (_depth == 0) throw new InvalidOperationException("no RLP list is open");
        var start = _lists[--_depth];
        var payload = _length - start;
        Span<byte> prefix = stackalloc byte[5];
        var prefixLength = LengthPrefix(0xc0, payload, prefix);
        Reserve(prefixLength);
        // Overlapping copy: Span.CopyTo moves as memmove does.
        _buffer.AsSpan(start, payload).CopyTo(_buffer.AsSpan(start + prefixLength, payload));
        prefix[..prefixLength].CopyTo(_buffer.AsSpan(start));
        _length += prefixLength;
        return this;
    }

    /// <summary>Forgets what was written, keeping the buffer (a scratch writer reused item after item).</summary>
    public RlpWriter Reset()
    {
        _length = 0;
        _depth = 0;
        return this;
    }

    /// <summary>The encoded size of a byte string of <paramref name="value"/>.</summary>
    public static int StringSize(ReadOnlySpan<byte> value) => value.Length == 1 && value[0] < 0x80 ? 1 : PrefixSize(value.Length) + value.Length;

    /// <summary>The encoded size of a list whose payload is <paramref name="payloadLength"/> bytes.</summary>
    public static int ListSize(int payloadLength) => PrefixSize(payloadLength) + payloadLength;

    /// <summary>Feeds <paramref name="hash"/> the encoding of a list header whose payload is <paramref name="payloadLength"/> bytes.</summary>
    public static void HashListHeader(Crypto.Keccak256.Incremental hash, int payloadLength)
    {
        Span<byte> prefix = stackalloc byte[5];
        hash.Update(prefix[..LengthPrefix(0xc0, payloadLength, prefix)]);
    }

    /// <summary>Feeds <paramref name="hash"/> the encoding of the byte string <paramref name="value"/>.</summary>
    public static void HashString(Crypto.Keccak256.Incremental hash, ReadOnlySpan<byte> value)
    {
        if (value.Length != 1 || value[0] >= 0x80)
        {
            Span<byte> prefix = stackalloc byte[5];
            hash.Update(prefix[..LengthPrefix(0x80, value.Length, prefix)]);
        }
        hash.Update(value);
    }

    private static int PrefixSize(int length) => length < 56 ? 1 : 1 + 4 - (System.Numerics.BitOperations.LeadingZeroCount((uint)length) / 8);

    public byte[] ToArray()
    {
        if (_depth != 0) throw new InvalidOperationException("an RLP list was left open");
        return WrittenSpan.ToArray();
    }

    /// <summary>Room for <paramref name="count"/> more bytes after what is written (doubling the buffer as needed).</summary>
    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        return _buffer.AsSpan(_length, count);
    }

    private void WriteLength(byte offset, int length)
    {
        Span<byte> prefix = stackalloc byte[5];
        var n = LengthPrefix(offset, length, prefix);
        prefix[..n].CopyTo(Reserve(n));
        _length += n;
    }

    /// <summary>Writes the prefix of a string (offset 0x80) or list (0xc0) of <paramref name="length"/> bytes; returns its size.</summary>
    private static int LengthPrefix(byte offset, int length, Span<byte> prefix)
    {
        if (length < 56)
        {
            prefix[0] = (byte)(offset + length);
            return 1;
        }
        Span<byte> lengthBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(lengthBytes, (uint)length);
        var minimal = lengthBytes[(System.Numerics.BitOperations.LeadingZeroCount((uint)length) / 8)..];
        prefix[0] = (byte)(offset + 55 + minimal.Length);
        minimal.CopyTo(prefix[1..]);
        return 1 + minimal.Length;
    }
}
