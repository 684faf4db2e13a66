using System.Buffers.Binary;

namespace HarmonySim.Protocol.Crypto;

/// <summary>A 32-byte hash held as four words, so equality and hashing are cheap on hot paths.</summary>
public readonly struct Hash32 : IEquatable<Hash32>, IComparable<Hash32>
{
    public const int Size = 32;
    private readonly ulong _a, _b, _c, _d;

    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"a hash is {Size} bytes, got {bytes.Length}", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public static Hash32 Zero => default;

    public bool IsZero => (_a | _b | _c | _d) == 0;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public static Hash32 FromHex(string hex) => new(Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex));

    public bool Equals(Hash32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);
    public override int GetHashCode() => (int)(_a ^ (_a >> 32) ^ _d);
    public int CompareTo(Hash32 other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        if (c != 0) return c;
        c = _c.CompareTo(other._c);
        return c != 0 ? c : _d.CompareTo(other._d);
    }

    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
    public static bool operator <(Hash32 left, Hash32 right) => left.CompareTo(right) < 0;
    public static bool operator >(Hash32 left, Hash32 right) => left.CompareTo(right) > 0;
    public static bool operator <=(Hash32 left, Hash32 right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Hash32 left, Hash32 right) => left.CompareTo(right) >= 0;

    public override string ToString() => "0x" + Convert.ToHexStringLower(ToArray());
}
