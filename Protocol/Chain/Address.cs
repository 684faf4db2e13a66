using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HarmonySim.Protocol.Chain;

/// <summary>A 20-byte account address (an earning address, or a block's coinbase).</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Size = 20;
    private readonly ulong _a, _b;
    private readonly uint _c;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"an address is {Size} bytes, got {bytes.Length}", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    public static Address Zero => default;

    /// <summary>Harmony's address of a BLS key: the first 20 bytes of SHA-256 of the serialized key (the staking-era coinbase).</summary>
    public static Address OfBlsKey(ReadOnlySpan<byte> serializedPublicKey)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(serializedPublicKey, digest);
        return new Address(digest[..Size]);
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _c);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Lexicographic order of the 20 bytes (Harmony's <c>bytes.Compare</c>). The words hold the bytes big-endian, so
    /// comparing them as unsigned integers in turn is the byte order, without materialising the bytes.
    /// </summary>
    public int CompareTo(Address other)
    {
        if (_a != other._a) return _a < other._a ? -1 : 1;
        if (_b != other._b) return _b < other._b ? -1 : 1;
        return _c == other._c ? 0 : _c < other._c ? -1 : 1;
    }

    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;
    public override bool Equals(object? obj) => obj is Address other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);
    public static bool operator ==(Address left, Address right) => left.Equals(right);
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToArray());
}
