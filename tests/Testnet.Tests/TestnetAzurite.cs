using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// One in-memory Azurite for the durable-journal tests of this assembly, started by the first test that needs it and
/// stopped at the end; a test is inconclusive (skipped) only when node/npm is missing.
/// </summary>
[TestClass]
public static class TestnetAzurite
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _server;

    internal static async Task<AzuriteServer> Require()
    {
        if (AzuriteServer.MissingReason() is { } missing) Assert.Inconclusive(missing);
        await Gate.WaitAsync();
        try
        {
            return _server ??= await AzuriteServer.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The settings a testnet process reads to keep its journal in this Azurite, under a service id of its own.</summary>
    internal static Dictionary<string, string> Settings(AzuriteServer azurite, string serviceId) => new()
    {
        ["HARMONYSIM_Storage__Provider"] = "azure",
        ["HARMONYSIM_Storage__ConnectionString"] = azurite.ConnectionString,
        ["HARMONYSIM_Cluster__ServiceId"] = serviceId,
    };

    [AssemblyCleanup]
    public static void Stop() => _server?.Dispose();
}
