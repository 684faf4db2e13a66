namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// A value computed once and published by reference. Blocks, headers and messages are shared by every node of a
/// silo, which read them on many threads at once: a cached <c>Hash32?</c> field (40 bytes) can be read half written,
/// a reference cannot. Two threads may both compute; they compute the same value.
/// </summary>
internal sealed class Computed<T>(T value) where T : struct
{
    public T Value { get; } = value;
}
