namespace HarmonySim.Cluster.Tests.Azurite;

/// <summary>
/// One Azurite for the whole test assembly (started once: each start costs node a second or two), stopped at the end.
/// A test that needs it calls <see cref="Require"/>, which skips the test only when node/npm is missing.
/// </summary>
[TestClass]
public static class AzuriteAssembly
{
    private static AzuriteServer? _server;
    private static string? _skip;

    [AssemblyInitialize]
    public static async Task Start(TestContext context)
    {
        _ = context;
        _skip = AzuriteServer.MissingReason();
        if (_skip is null) _server = await AzuriteServer.StartAsync();
    }

    [AssemblyCleanup]
    public static async Task Stop()
    {
        // The shared silo first: stopped after Azurite, it would retry its last membership writes for a minute.
        await Storage.SharedSilo.Stop();
        _server?.Dispose();
    }

    /// <summary>The running Azurite; marks the test inconclusive (skipped) when node/npm is absent.</summary>
    internal static AzuriteServer Require()
    {
        if (_skip is not null) Assert.Inconclusive(_skip);
        return _server ?? throw new InvalidOperationException("Azurite did not start");
    }
}
