namespace HarmonySim.Protocol.Crypto;

/// <summary>A signature in its 96-byte serialized form (BLS12-381 G2 for the real scheme).</summary>
public sealed class Signature : IEquatable<Signature>
{
    public const int Size = 96;
    private readonly byte[] _bytes;

    public Signature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"a signature is {Size} bytes, got {bytes.Length}", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Scheme-owned decoded form, set once by the scheme that decoded it.</summary>
    internal object? Decoded { get; set; }

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(Signature? other) =>
        other is not null && (ReferenceEquals(this, other) || _bytes.AsSpan().SequenceEqual(other._bytes));

    public override bool Equals(object? obj) => Equals(obj as Signature);
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0) ^ BitConverter.ToInt32(_bytes, 92);
    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);
}
