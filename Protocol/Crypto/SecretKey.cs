namespace HarmonySim.Protocol.Crypto;

/// <summary>A 32-byte secret key. Its scheme is the only thing that can sign with it.</summary>
public sealed class SecretKey
{
    public const int Size = 32;
    private readonly byte[] _bytes;

    public SecretKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"a secret key is {Size} bytes, got {bytes.Length}", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    internal object? Decoded { get; set; }

    public override string ToString() => "SecretKey(redacted)";
}
