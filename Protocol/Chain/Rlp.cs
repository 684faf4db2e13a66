using System.Buffers;
using System.Buffers.Binary;

namespace HarmonySim.Protocol.Chain;

/// <summary>Recursive-length-prefix encoding (Ethereum's canonical encoding), writing into a growable buffer.</summary>
public sealed class RlpWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Stack<int> _lists = new();

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public RlpWriter Bytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            _buffer.GetSpan(1)[0] = value[0];
            _buffer.Advance(1);
            return this;
        }
        WriteLength(0x80, value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
        return this;
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
        _lists.Push(_buffer.WrittenCount);
        return this;
    }

    /// <summary>Closes the innermost list by moving its payload behind the right prefix.</summary>
    public RlpWriter EndList()
    {
        var start = _lists.Pop();
        var payload = _buffer.WrittenSpan[start..].ToArray();
        var prefix = new RlpWriter();
        prefix.WriteLength(0xc0, payload.Length);
        var prefixBytes = prefix.WrittenSpan;
        // Rewind to the list start, then write prefix and payload.
        var all = _buffer.WrittenSpan[..start].ToArray();
        _buffer.Clear();
        Append(all);
        Append(prefixBytes);
        Append(payload);
        return this;
    }

    public byte[] ToArray()
    {
        if (_lists.Count != 0) throw new InvalidOperationException("an RLP list was left open");
        return _buffer.WrittenSpan.ToArray();
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    private void WriteLength(byte offset, int length)
    {
        if (length < 56)
        {
            _buffer.GetSpan(1)[0] = (byte)(offset + length);
            _buffer.Advance(1);
            return;
        }
        Span<byte> lengthBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(lengthBytes, (uint)length);
        var minimal = lengthBytes[(System.Numerics.BitOperations.LeadingZeroCount((uint)length) / 8)..];
        var span = _buffer.GetSpan(1 + minimal.Length);
        span[0] = (byte)(offset + 55 + minimal.Length);
        minimal.CopyTo(span[1..]);
        _buffer.Advance(1 + minimal.Length);
    }
}
