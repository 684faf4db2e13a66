namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>What one client may ask of the endpoint: the size of a request body, the calls in a batch, and HTTP requests per second.</summary>
public sealed record RpcLimits
{
    /// <summary>A raw transfer is about 110 bytes; 256 KiB holds a full batch of them with room to spare.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    public int MaxBatch { get; init; } = 100;

    /// <summary>HTTP requests per second per client address (a batch counts once per call in it).</summary>
    public int RequestsPerSecond { get; init; } = 1_000;
}
