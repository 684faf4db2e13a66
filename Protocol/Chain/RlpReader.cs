using System.Buffers.Binary;

namespace HarmonySim.Protocol.Chain;

/// <summary>
/// Reads what <see cref="RlpWriter"/> writes: byte strings and lists, one item at a time. Malformed input (a length
/// running past the end, non-minimal lengths) throws <see cref="FormatException"/> naming the offset, never anything else.
/// </summary>
public ref struct RlpReader(ReadOnlySpan<byte> input)
{
    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;

    public readonly bool AtEnd => _position >= _input.Length;

    /// <summary>The next item as a byte string.</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        var (isList, start, length) = Header();
        if (isList) throw new FormatException($"RLP: expected a byte string at offset {start}, found a list");
        return Take(start, length);
    }

    /// <summary>The next item as an unsigned integer (minimal big-endian bytes, at most 8).</summary>
    public ulong UInt()
    {
        var bytes = Bytes();
        if (bytes.Length > 8) throw new FormatException($"RLP: integer of {bytes.Length} bytes at offset {_position}");
        if (bytes.Length > 0 && bytes[0] == 0) throw new FormatException($"RLP: integer with a leading zero at offset {_position}");
        Span<byte> padded = stackalloc byte[8];
        bytes.CopyTo(padded[(8 - bytes.Length)..]);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }

    /// <summary>The next item as a list: a reader over its contents.</summary>
    public RlpReader List()
    {
        var (isList, start, length) = Header();
        if (!isList) throw new FormatException($"RLP: expected a list at offset {start}");
        return new RlpReader(Take(start, length));
    }

    private ReadOnlySpan<byte> Take(int start, int length)
    {
        _position = start + length;
        return _input.Slice(start, length);
    }

    private (bool IsList, int Start, int Length) Header()
    {
        if (AtEnd) throw new FormatException($"RLP: unexpected end at offset {_position}");
        var prefix = _input[_position];
        var at = _position + 1;
        var total = _input.Length;
        var offset = _position;
        (bool, int, int) Checked(bool list, int start, long length) =>
            length > total - start ? throw new FormatException($"RLP: item at offset {offset} runs past the end") : (list, start, (int)length);
        if (prefix < 0x80) return (false, _position, 1);
        if (prefix <= 0xb7)
        {
            var length = prefix - 0x80;
            if (length == 1 && at < _input.Length && _input[at] < 0x80) throw new FormatException($"RLP: single byte below 0x80 wrapped at offset {_position}");
            return Checked(false, at, length);
        }
        if (prefix <= 0xbf) return Checked(false, at + (prefix - 0xb7), LongLength(at, prefix - 0xb7));
        if (prefix <= 0xf7) return Checked(true, at, prefix - 0xc0);
        return Checked(true, at + (prefix - 0xf7), LongLength(at, prefix - 0xf7));
    }

    private readonly long LongLength(int at, int bytes)
    {
        if (bytes > 4 || at + bytes > _input.Length) throw new FormatException($"RLP: bad length of length at offset {at - 1}");
        if (_input[at] == 0) throw new FormatException($"RLP: length with a leading zero at offset {at - 1}");
        long length = 0;
        for (var i = 0; i < bytes; i++) length = (length << 8) | _input[at + i];
        if (length < 56) throw new FormatException($"RLP: long form for a short length at offset {at - 1}");
        return length;
    }
}
