using System.Collections.Concurrent;

namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// Remembers the summed key of recently seen bitmaps. Every validator of a shard checks the same
/// PREPARED and COMMITTED bitmaps, so within one process each sum is computed once. Bounded; thread-safe.
/// </summary>
internal sealed class AggregateCache<T>
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<SignerBitmap, T> _entries = new();

    public T GetOrAdd<TState>(SignerBitmap bitmap, Func<SignerBitmap, TState, T> compute, TState state)
    {
        if (_entries.TryGetValue(bitmap, out var value)) return value;
        value = compute(bitmap, state);
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries.TryAdd(bitmap, value);
        return value;
    }
}
