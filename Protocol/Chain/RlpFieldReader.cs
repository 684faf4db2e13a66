using System.Numerics;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain;

/// <summary>
/// Reads the fields of a decoded RLP list in order, with a sticky error: the first malformed field records a
/// reason naming the structure and the field, and every later read returns a default. A decoder reads all its
/// fields, then checks <see cref="Finish"/> once, so it stays a straight list of reads and never throws.
/// </summary>
public sealed class RlpFieldReader
{
    private readonly IReadOnlyList<RlpItem> _items;
    private readonly string _structure;
    private int _next;

    public RlpFieldReader(RlpItem list, string structure)
    {
        _structure = structure;
        _items = list.Items;
        if (!list.IsList) Error = $"{structure}: expected an RLP list, got a string";
    }

    /// <summary>The first problem found, or null while every field has been well formed.</summary>
    public string? Error { get; private set; }

    /// <summary>Null when every field was well formed and none is left over; otherwise the reason.</summary>
    public string? Finish()
    {
        if (Error is null && _next != _items.Count) Error = $"{_structure}: {_items.Count - _next} unexpected extra fields";
        return Error;
    }

    public RlpItem? List(string field)
    {
        var item = Take(field);
        if (item is null) return null;
        return item.IsList ? item : Fail<RlpItem?>(field, "expected a list", null);
    }

    public byte[] Bytes(string field, int? exactLength = null, int maxLength = int.MaxValue)
    {
        var item = TakeString(field);
        if (item is null) return [];
        if (exactLength is { } n && item.Bytes.Length != n) return Fail(field, $"expected {n} bytes, got {item.Bytes.Length}", Array.Empty<byte>());
        if (item.Bytes.Length > maxLength) return Fail(field, $"at most {maxLength} bytes allowed, got {item.Bytes.Length}", Array.Empty<byte>());
        return item.Bytes.ToArray();
    }

    public ulong UInt64(string field)
    {
        var item = TakeString(field);
        if (item is null) return 0;
        var b = item.Bytes;
        if (b.Length > 8) return Fail(field, $"integer of {b.Length} bytes does not fit 64 bits", 0UL);
        if (b.Length > 0 && b[0] == 0) return Fail(field, "non-canonical integer with a leading zero byte", 0UL);
        ulong v = 0;
        foreach (var x in b) v = (v << 8) | x;
        return v;
    }

    public uint UInt32(string field)
    {
        var v = UInt64(field);
        return v > uint.MaxValue ? Fail(field, $"{v} does not fit 32 bits", 0u) : (uint)v;
    }

    /// <summary>A signed integer in <see cref="RlpValues.SignedInteger"/> form, at most <paramref name="maxBytes"/> long.</summary>
    public BigInteger SignedInteger(string field, int maxBytes = 32)
    {
        var item = TakeString(field);
        if (item is null) return BigInteger.Zero;
        var b = item.Bytes;
        if (b.Length > maxBytes) return Fail(field, $"integer of {b.Length} bytes exceeds {maxBytes} bytes", BigInteger.Zero);
        var value = new BigInteger(b, isUnsigned: false, isBigEndian: true);
        return RlpValues.SignedInteger(value).Length == b.Length
            ? value
            : Fail(field, "non-canonical integer (not the minimal two's complement form)", BigInteger.Zero);
    }

    public Address Address(string field)
    {
        var b = Bytes(field, Chain.Address.Size);
        return Error is null ? new Address(b) : default;
    }

    public Hash32 Hash(string field)
    {
        var b = Bytes(field, Hash32.Size);
        return Error is null ? new Hash32(b) : default;
    }

    private RlpItem? TakeString(string field)
    {
        var item = Take(field);
        if (item is null) return null;
        return item.IsList ? Fail<RlpItem?>(field, "expected a string, got a list", null) : item;
    }

    private RlpItem? Take(string field)
    {
        if (Error is not null) return null;
        if (_next >= _items.Count) return Fail<RlpItem?>(field, "missing", null);
        return _items[_next++];
    }

    /// <summary>Records a problem the caller found in what it read (the first error sticks).</summary>
    public void Reject(string reason) => Error ??= $"{_structure}: {reason}";

    private T Fail<T>(string field, string reason, T fallback)
    {
        Error ??= $"{_structure}.{field}: {reason}";
        return fallback;
    }
}
