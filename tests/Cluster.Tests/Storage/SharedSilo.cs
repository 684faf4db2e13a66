using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Cluster.Tests.Storage;

/// <summary>
/// One started silo on Azurite shared by the grain-state tests (a silo start costs seconds on a busy machine); each
/// test uses grain keys of its own, so they do not interfere.
/// </summary>
internal static class SharedSilo
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestSilo? _silo;

    public static async Task<TestSilo> Get()
    {
        var azurite = AzuriteAssembly.Require();
        await Gate.WaitAsync();
        try
        {
            return _silo ??= await TestSilo.StartAsync(azurite);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the silo (assembly cleanup, before Azurite goes).</summary>
    public static async Task Stop()
    {
        if (_silo is { } silo) await silo.DisposeAsync();
        _silo = null;
    }
}
