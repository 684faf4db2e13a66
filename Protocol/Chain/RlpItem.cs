namespace HarmonySim.Protocol.Chain;

/// <summary>
/// One decoded RLP item: a byte string or a list of items. Produced only by <see cref="RlpReader"/>, which accepts
/// exactly the canonical encodings <see cref="RlpWriter"/> produces, so decode-then-encode is the identity.
/// </summary>
public sealed class RlpItem
{
    private RlpItem(ReadOnlyMemory<byte> bytes, IReadOnlyList<RlpItem>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    public bool IsList => _items is not null;

    /// <summary>The string's bytes; empty for a list.</summary>
    public ReadOnlySpan<byte> Bytes => _items is null ? _bytes.Span : default;

    /// <summary>The list's items; empty for a string.</summary>
    public IReadOnlyList<RlpItem> Items => _items ?? [];

    internal static RlpItem String(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    internal static RlpItem List(IReadOnlyList<RlpItem> items) => new(default, items);

    public override string ToString() => IsList ? $"list[{Items.Count}]" : $"string[{_bytes.Length}]";
}
