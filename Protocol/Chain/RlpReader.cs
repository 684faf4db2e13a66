namespace HarmonySim.Protocol.Chain;

/// <summary>
/// Strict RLP decoding. Bytes from the network are untrusted, so this never throws: it returns the item or a
/// sentence saying what is wrong. Only canonical encodings are accepted (minimal lengths, a byte below 0x80 never
/// wrapped in a string prefix, no trailing bytes), so every decoded value has exactly one encoding and hashes
/// taken over encodings cannot be varied by re-encoding.
/// </summary>
public static class RlpReader
{
    /// <summary>Nesting deeper than this is refused (our structures nest at most a few levels).</summary>
    public const int MaxDepth = 16;

    public static bool TryDecode(ReadOnlyMemory<byte> input, out RlpItem? item, out string? error)
    {
        var position = 0;
        if (!TryRead(input, ref position, 0, out item, out error)) return false;
        if (position != input.Length)
        {
            item = null;
            error = $"{input.Length - position} trailing bytes after the RLP item";
            return false;
        }
        return true;
    }

    private static bool TryRead(ReadOnlyMemory<byte> input, ref int position, int depth, out RlpItem? item, out string? error)
    {
        item = null;
        var span = input.Span;
        if (position >= span.Length)
        {
            error = "input ends where an RLP item should start";
            return false;
        }
        var prefix = span[position];
        if (prefix < 0x80)
        {
            item = RlpItem.String(input.Slice(position, 1));
            position++;
            error = null;
            return true;
        }
        var isList = prefix >= 0xc0;
        var offset = isList ? 0xc0 : 0x80;
        if (!TryReadLength(span, ref position, prefix, offset, out var length, out error)) return false;
        if (length > span.Length - position)
        {
            error = $"RLP {(isList ? "list" : "string")} of {length} bytes runs past the end of the input";
            return false;
        }
        var payloadStart = position;
        var payloadEnd = position + length;
        if (!isList)
        {
            if (length == 1 && span[payloadStart] < 0x80)
            {
                error = "non-canonical RLP: a single byte below 0x80 must be encoded as itself";
                return false;
            }
            item = RlpItem.String(input.Slice(payloadStart, length));
            position = payloadEnd;
            return true;
        }
        if (depth >= MaxDepth)
        {
            error = $"RLP lists nested deeper than {MaxDepth}";
            return false;
        }
        var items = new List<RlpItem>();
        var inner = input[..payloadEnd];
        while (position < payloadEnd)
        {
            if (!TryRead(inner, ref position, depth + 1, out var child, out error)) return false;
            items.Add(child!);
        }
        item = RlpItem.List(items);
        return true;
    }

    // Reads the prefix at `position` and any length bytes after it, leaving `position` at the payload.
    private static bool TryReadLength(ReadOnlySpan<byte> span, ref int position, byte prefix, int offset, out int length, out string? error)
    {
        length = 0;
        error = null;
        var shortForm = prefix - offset;
        position++;
        if (shortForm <= 55)
        {
            length = shortForm;
            return true;
        }
        var lengthOfLength = shortForm - 55;
        if (lengthOfLength > span.Length - position)
        {
            error = "RLP length bytes run past the end of the input";
            return false;
        }
        if (span[position] == 0)
        {
            error = "non-canonical RLP: length has leading zero bytes";
            return false;
        }
        if (lengthOfLength > 4)
        {
            error = $"RLP length of {lengthOfLength} bytes is too large";
            return false;
        }
        long value = 0;
        for (var i = 0; i < lengthOfLength; i++) value = (value << 8) | span[position + i];
        position += lengthOfLength;
        if (value < 56)
        {
            error = "non-canonical RLP: a length below 56 must use the short form";
            return false;
        }
        if (value > int.MaxValue)
        {
            error = $"RLP length {value} is too large";
            return false;
        }
        length = (int)value;
        return true;
    }
}
