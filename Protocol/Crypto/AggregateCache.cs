using System.Collections.Concurrent;

namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// Remembers the summed key of recently seen bitmaps. Every validator of a shard checks the same
/// PREPARED and COMMITTED bitmaps, so within one process each sum is computed once. Bounded; thread-safe.
/// Bitmaps of at most <paramref name="computeBelow"/> signers are summed directly: for a cheap sum (a multi-key
/// vote in the simulated scheme) hashing and storing the bitmap costs more than the sum.
/// </summary>
internal sealed class AggregateCache<T>(int computeBelow = 0)
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<SignerBitmap, T> _entries = new();
    // An approximate count of entries added: ConcurrentDictionary.Count takes every lock.
    private int _added;

    public T GetOrAdd<TState>(SignerBitmap bitmap, Func<SignerBitmap, TState, T> compute, TState state)
    {
        if (bitmap.Count <= computeBelow) return compute(bitmap, state);
        if (_entries.TryGetValue(bitmap, out var value)) return value;
        value = compute(bitmap, state);
        if (Interlocked.Increment(ref _added) >= Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _added, 0);
        }
        _entries.TryAdd(bitmap, value);
        return value;
    }
}
