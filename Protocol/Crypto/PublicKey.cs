namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// A public key in its 48-byte serialized form (BLS12-381 G1 for the real scheme).
/// The owning scheme may attach its decoded form once, so a key shared by many
/// messages is decoded only once.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    public const int Size = 48;
    private readonly byte[] _bytes;
    private readonly int _hash;

    public PublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"a public key is {Size} bytes, got {bytes.Length}", nameof(bytes));
        _bytes = bytes.ToArray();
        _hash = HashCode.Combine(BitConverter.ToInt64(_bytes, 0), BitConverter.ToInt64(_bytes, 8), BitConverter.ToInt64(_bytes, 40));
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Scheme-owned decoded form (a curve point, a scalar); set once by the scheme that decoded it.</summary>
    internal object? Decoded { get; set; }

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(PublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _bytes.AsSpan().SequenceEqual(other._bytes)));

    public override bool Equals(object? obj) => Equals(obj as PublicKey);
    public override int GetHashCode() => _hash;
    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);
    public string ShortName => Convert.ToHexStringLower(_bytes, 0, 4);
}
