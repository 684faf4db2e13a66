using System.Numerics;

namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// Which members of an ordered committee signed: Harmony's mask. Serialized as ceil(n/8) bytes,
/// member i is byte i/8, bit 1 &lt;&lt; (i mod 8) (least significant bit first). Immutable.
/// </summary>
public sealed class SignerBitmap : IEquatable<SignerBitmap>
{
    private readonly ulong[] _words;

    private SignerBitmap(int size, ulong[] words)
    {
        Size = size;
        _words = words;
        Count = 0;
        foreach (var w in words) Count += BitOperations.PopCount(w);
    }

    /// <summary>Number of committee members the bitmap ranges over.</summary>
    public int Size { get; }

    /// <summary>Number of set bits.</summary>
    public int Count { get; }

    public int ByteLength => ByteLengthFor(Size);

    public static int ByteLengthFor(int size) => (size + 7) >> 3;

    public static SignerBitmap Empty(int size) => new(size, new ulong[WordsFor(size)]);

    public static SignerBitmap Of(int size, params ReadOnlySpan<int> members)
    {
        var builder = new SignerBitmapBuilder(size);
        foreach (var m in members) builder.Set(m);
        return builder.ToBitmap();
    }

    internal static SignerBitmap FromWords(int size, ulong[] words) => new(size, words);

    /// <summary>Parses the wire form; rejects a wrong length or bits past the committee's end.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, int size, out SignerBitmap? bitmap, out string? error)
    {
        bitmap = null;
        if (bytes.Length != ByteLengthFor(size))
        {
            error = $"bitmap is {bytes.Length} bytes, a committee of {size} needs {ByteLengthFor(size)}";
            return false;
        }
        var words = new ulong[WordsFor(size)];
        for (var i = 0; i < bytes.Length; i++) words[i >> 3] |= (ulong)bytes[i] << ((i & 7) * 8);
        if (size % 64 != 0 && words.Length > 0 && (words[^1] >> (size % 64)) != 0)
        {
            error = $"bitmap sets bits past the committee's {size} members";
            return false;
        }
        error = null;
        bitmap = new SignerBitmap(size, words);
        return true;
    }

    public static SignerBitmap FromBytes(ReadOnlySpan<byte> bytes, int size) =>
        TryFromBytes(bytes, size, out var bitmap, out var error) ? bitmap! : throw new FormatException(error);

    public bool this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(index));
            return (_words[index >> 6] & (1UL << (index & 63))) != 0;
        }
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(_words[i >> 3] >> ((i & 7) * 8));
        return bytes;
    }

    /// <summary>Indices of set bits in ascending order.</summary>
    public IEnumerable<int> Members()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return (w << 6) + bit;
                word &= word - 1;
            }
        }
    }

    internal ReadOnlySpan<ulong> Words => _words;

    /// <summary>True when every member set here is also set in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(SignerBitmap other)
    {
        if (other.Size != Size) return false;
        for (var i = 0; i < _words.Length; i++)
            if ((_words[i] & ~other._words[i]) != 0) return false;
        return true;
    }

    public bool Overlaps(SignerBitmap other)
    {
        if (other.Size != Size) throw new ArgumentException("bitmaps over different committees", nameof(other));
        for (var i = 0; i < _words.Length; i++)
            if ((_words[i] & other._words[i]) != 0) return true;
        return false;
    }

    public bool Equals(SignerBitmap? other) =>
        other is not null && other.Size == Size && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as SignerBitmap);

    // Bitmaps key the committees' per-bitmap caches and are immutable: the hash is computed once (0 = not yet).
    private int _hash;

    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var h = new HashCode();
        h.Add(Size);
        foreach (var w in _words) h.Add(w);
        var hash = h.ToHashCode();
        _hash = hash == 0 ? 1 : hash;
        return _hash;
    }

    public override string ToString() => $"{Count}/{Size}:{Convert.ToHexStringLower(ToBytes())}";

    private static int WordsFor(int size) => (size + 63) >> 6;
}

/// <summary>Mutable bitmap used while votes are being collected.</summary>
public sealed class SignerBitmapBuilder
{
    private readonly ulong[] _words;

    public SignerBitmapBuilder(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
        _words = new ulong[(size + 63) >> 6];
    }

    public int Size { get; }
    public int Count { get; private set; }

    public bool this[int index] => (_words[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Sets a member's bit; returns false when it was already set.</summary>
    public bool Set(int index)
    {
        if ((uint)index >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(index));
        ref var word = ref _words[index >> 6];
        var mask = 1UL << (index & 63);
        if ((word & mask) != 0) return false;
        word |= mask;
        Count++;
        return true;
    }

    public SignerBitmap ToBitmap() => SignerBitmap.FromWords(Size, (ulong[])_words.Clone());
}
