using System.Buffers.Binary;
using System.Security.Cryptography;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>
/// A deterministic stream of random numbers keyed by an epoch's Rnd: SHA-256 in counter mode, block i =
/// SHA-256("HarmonySim Rnd stream v1" ‖ purpose ‖ 0x00 ‖ Rnd ‖ i as 8 bytes BE), read as four 64-bit big-endian words.
/// Every node derives the same stream from the same Rnd; <paramref name="purpose"/> separates independent uses.
/// Not thread-safe.
/// </summary>
public sealed class RndStream
{
    private readonly byte[] _message;
    private readonly int _counterAt;
    private readonly byte[] _block = new byte[32];
    private ulong _counter;
    private int _used = 32;

    public RndStream(Hash32 rnd, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        byte[] prefix = [.. "HarmonySim Rnd stream v1"u8, .. System.Text.Encoding.UTF8.GetBytes(purpose), 0];
        _message = new byte[prefix.Length + Hash32.Size + 8];
        prefix.CopyTo(_message, 0);
        rnd.WriteTo(_message.AsSpan(prefix.Length));
        _counterAt = prefix.Length + Hash32.Size;
    }

    public ulong NextUInt64()
    {
        if (_used == _block.Length)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_message.AsSpan(_counterAt), _counter++);
            SHA256.HashData(_message, _block);
            _used = 0;
        }
        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_used));
        _used += 8;
        return value;
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>): 64-bit draws above the largest multiple of the bound are redrawn, so there is no modulo bias.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var b = (ulong)bound;
        var limit = ulong.MaxValue - (ulong.MaxValue % b + 1) % b; // draws ≤ limit are accepted: limit + 1 is a multiple of b
        ulong draw;
        do draw = NextUInt64();
        while (draw > limit);
        return (int)(draw % b);
    }

    /// <summary>Fisher–Yates: a uniformly random permutation of the list, in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
