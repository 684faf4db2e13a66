namespace HarmonySim.Protocol.Chain;

/// <summary>The outcome of decoding untrusted bytes: the value, or the reason the bytes were refused.</summary>
public readonly record struct Decoded<T>(T? Value, string? Error) where T : class
{
    public bool Ok => Error is null;
}

/// <summary>Constructors for <see cref="Decoded{T}"/>.</summary>
public static class Decoded
{
    public static Decoded<T> Success<T>(T value) where T : class => new(value, null);

    public static Decoded<T> Failure<T>(string error) where T : class => new(null, error);
}
