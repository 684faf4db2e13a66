using System.Diagnostics;
using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Cluster.Tests.Storage;
using HarmonySim.Silo.Commands;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace HarmonySim.Cluster.Tests.Commands;

/// <summary><c>harmonysim silo</c> as a child process: it joins a cluster on Azurite, leaves it on SIGTERM, and fails fast and plainly on bad settings.</summary>
[TestClass]
public sealed class SiloCommandTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [TestMethod]
    public async Task An_azure_silo_joins_the_cluster_in_the_membership_table_and_leaves_gracefully_on_sigterm()
    {
        var azurite = AzuriteAssembly.Require();
        var settings = TestSilo.SettingsFor(azurite);
        // Storage through HARMONYSIM_ environment variables, the cluster through command-line settings and options.
        var environment = new Dictionary<string, string>
        {
            ["HARMONYSIM_Storage__Provider"] = "azure",
            ["HARMONYSIM_Storage__ConnectionString"] = azurite.ConnectionString,
        };
        using var silo = SiloProcess.Start(environment,
            "--silo-port", $"{settings.SiloPort}", "--gateway-port", $"{settings.GatewayPort}",
            $"Cluster:ClusterId={settings.ClusterId}", "--Cluster:ServiceId", settings.ServiceId, "--Cluster:AdvertisedAddress", "127.0.0.1");
        Assert.IsTrue(await silo.WaitServing(), $"the silo did not come up.\n{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Output, $"serving cluster '{settings.ClusterId}'");

        using var host = TestSilo.Build(settings);
        var table = host.Services.GetRequiredService<IMembershipTable>();
        await table.InitializeMembershipTableAsync(false);
        var row = (await table.ReadAllAsync(CancellationToken.None)).Members.Single().Item1;
        Assert.AreEqual(SiloStatus.Active, row.Status);
        Assert.AreEqual(settings.SiloPort, row.SiloAddress.Endpoint.Port);
        Assert.AreEqual(settings.GatewayPort, row.ProxyPort);

        silo.Signal("TERM");
        var exit = await silo.WaitForExit(TimeSpan.FromMinutes(1));
        Assert.AreEqual(ExitCodes.Passed, exit, $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Output, "SIGTERM: leaving the cluster gracefully");
        StringAssert.Contains(silo.Output, "is Active");
        StringAssert.Contains(silo.Output, "stopped.");
        // A graceful leave marks the row dead at once, so the others need not wait for missed probes to notice.
        Assert.AreEqual(SiloStatus.Dead, (await table.ReadAllAsync(CancellationToken.None)).Members.Single().Item1.Status);
    }

    [TestMethod]
    public async Task Two_silo_processes_with_the_same_settings_form_one_cluster_and_see_each_other_leave()
    {
        var azurite = AzuriteAssembly.Require();
        var settings = TestSilo.SettingsFor(azurite);
        var environment = new Dictionary<string, string>
        {
            ["HARMONYSIM_Storage__Provider"] = "azure",
            ["HARMONYSIM_Storage__ConnectionString"] = azurite.ConnectionString,
            ["HARMONYSIM_Cluster__ClusterId"] = settings.ClusterId,
            ["HARMONYSIM_Cluster__AdvertisedAddress"] = "127.0.0.1",
        };
        using var first = SiloProcess.Start(environment, "--silo-port", $"{settings.SiloPort}", "--gateway-port", $"{settings.GatewayPort}");
        Assert.IsTrue(await first.WaitServing(), $"the first silo did not come up.\n{first.Output}\n{first.Error}");
        using var second = SiloProcess.Start(environment, "--silo-port", $"{AzuriteServer.FreePort()}", "--gateway-port", $"{AzuriteServer.FreePort()}");
        Assert.IsTrue(await second.WaitServing(), $"the second silo did not come up.\n{second.Output}\n{second.Error}");

        // Each logs the other's arrival: membership goes through the Azure table, then silo-to-silo probes.
        Assert.IsTrue(await first.WaitForOutput("2 active)"), $"the first silo never saw two active.\n{first.Output}");
        Assert.IsTrue(await second.WaitForOutput("2 active)"), $"the second silo never saw two active.\n{second.Output}");

        second.Signal("TERM");
        Assert.AreEqual(ExitCodes.Passed, await second.WaitForExit(TimeSpan.FromMinutes(1)), $"{second.Output}\n{second.Error}");
        // The one that stays learns of the leave from the table at once, not after missed probes.
        Assert.IsTrue(await first.WaitForOutput("is Dead"), $"the first silo never saw the second leave.\n{first.Output}");
        first.Signal("TERM");
        Assert.AreEqual(ExitCodes.Passed, await first.WaitForExit(TimeSpan.FromMinutes(1)), $"{first.Output}\n{first.Error}");
    }

    [TestMethod]
    public async Task Unreachable_storage_fails_within_seconds_naming_the_endpoint_with_exit_4()
    {
        var connection = AzuriteServer.UnreachableConnectionString();
        var port = connection.Split("TableEndpoint=http://127.0.0.1:")[1].Split('/')[0];
        var clock = Stopwatch.StartNew();
        using var silo = SiloProcess.Start(NoEnvironment, "--Storage:Provider", "azure", "--Storage:ConnectionString", connection,
            "--silo-port", $"{AzuriteServer.FreePort()}", "--gateway-port", $"{AzuriteServer.FreePort()}");
        var exit = await silo.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.AreEqual(ExitCodes.Unavailable, exit, $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Error, $"cannot reach table storage at http://127.0.0.1:{port}/devstoreaccount1");
        StringAssert.Contains(silo.Error, "nothing started");
        Assert.DoesNotContain("   at ", silo.Error, "no stack trace");
        // Orleans' own retries would take minutes; the probe answers in seconds (bound kept loose for a busy machine).
        Assert.IsLessThan(30, clock.Elapsed.TotalSeconds, $"took {clock.Elapsed}");
    }

    [TestMethod]
    public async Task A_taken_port_is_refused_with_exit_4_rather_than_shared()
    {
        // Orleans' listener would share the port (SO_REUSEPORT) with whoever holds it; the command checks first.
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        using var silo = SiloProcess.Start(NoEnvironment, "--silo-port", $"{taken}", "--gateway-port", $"{AzuriteServer.FreePort()}");
        Assert.AreEqual(ExitCodes.Unavailable, await silo.WaitForExit(TimeSpan.FromMinutes(1)), $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Error, $"port {taken} (Cluster:SiloPort) is already in use");
    }

    [TestMethod]
    public async Task Endpoints_without_a_usable_identity_or_service_fail_within_seconds_with_exit_4()
    {
        // No managed identity or az login here: the credential fails (or, on a machine that has one, the connection).
        var port = AzuriteServer.FreePort();
        using var silo = SiloProcess.Start(NoEnvironment, "--Storage:Provider", "azure",
            "--Storage:TableEndpoint", $"https://127.0.0.1:{port}/devstoreaccount1", "--Storage:BlobEndpoint", $"https://127.0.0.1:{port}/devstoreaccount1");
        Assert.AreEqual(ExitCodes.Unavailable, await silo.WaitForExit(TimeSpan.FromMinutes(1)), $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Error, $"table storage at https://127.0.0.1:{port}/devstoreaccount1");
        Assert.DoesNotContain("   at ", silo.Error, "no stack trace");
    }

    [TestMethod]
    public async Task A_malformed_connection_string_is_bad_input_and_is_not_echoed()
    {
        using var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "azure",
            ["Storage__ConnectionString"] = "AccountName=x;AccountKey=s3cr3t-key;Nonsense",
        });
        var exit = await silo.WaitForExit(TimeSpan.FromMinutes(1));
        Assert.AreEqual(ExitCodes.BadInput, exit, $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Error, "Storage:ConnectionString: not a valid Azure Storage connection string");
        Assert.DoesNotContain("s3cr3t", silo.Error + silo.Output);
        Assert.DoesNotContain("   at ", silo.Error, "no stack trace");
    }

    [TestMethod]
    public async Task Bad_settings_are_all_reported_at_once_with_exit_2()
    {
        using var silo = SiloProcess.Start(NoEnvironment, "--Storage:Provider", "azure", "--Cluster:ClusterId", "no/slashes", "--silo-port", "70000");
        var exit = await silo.WaitForExit(TimeSpan.FromMinutes(1));
        Assert.AreEqual(ExitCodes.BadInput, exit, $"{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Error, "Storage:Provider azure needs Storage:ConnectionString");
        StringAssert.Contains(silo.Error, "Cluster:ClusterId:");
        StringAssert.Contains(silo.Error, "Cluster:SiloPort: expected a port from 1 to 65535, got '70000'");
    }

    [TestMethod]
    public async Task A_misspelt_option_is_refused_rather_than_ignored()
    {
        using var silo = SiloProcess.Start(NoEnvironment, "--silo-prot", "5");
        Assert.AreEqual(ExitCodes.BadInput, await silo.WaitForExit(TimeSpan.FromMinutes(1)), silo.Error);
        StringAssert.Contains(silo.Error, "unknown option or setting: silo-prot");
    }

    [TestMethod]
    public async Task A_memory_silo_needs_nothing_installed_and_stops_on_sigterm()
    {
        using var silo = SiloProcess.Start(NoEnvironment, "--silo-port", $"{AzuriteServer.FreePort()}", "--gateway-port", $"{AzuriteServer.FreePort()}");
        Assert.IsTrue(await silo.WaitServing(), $"the silo did not come up.\n{silo.Output}\n{silo.Error}");
        StringAssert.Contains(silo.Output, "storage memory");
        silo.Signal("TERM");
        Assert.AreEqual(ExitCodes.Passed, await silo.WaitForExit(TimeSpan.FromMinutes(1)), $"{silo.Output}\n{silo.Error}");
    }
}
