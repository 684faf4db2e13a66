using System.Net;
using HarmonySim.Silo.Cluster;
using Microsoft.Extensions.Configuration;

namespace HarmonySim.Cluster.Tests.Configuration;

/// <summary>Reading and checking a cluster silo's settings, and where they come from (no storage needed).</summary>
[TestClass]
public sealed class ClusterSettingsTests
{
    private static ClusterSettings? Read(IReadOnlyDictionary<string, string?> values, out IReadOnlyList<string> errors) =>
        ClusterSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), out errors);

    [TestMethod]
    public void With_nothing_configured_a_silo_is_in_memory_on_the_orleans_default_ports()
    {
        var settings = Read(new Dictionary<string, string?>(), out var errors);
        Assert.IsEmpty(errors);
        Assert.AreEqual(StorageProvider.Memory, settings!.Provider);
        Assert.AreEqual(11111, settings.SiloPort);
        Assert.AreEqual(30000, settings.GatewayPort);
        Assert.AreEqual("harmonysim", settings.ClusterId);
        Assert.AreEqual("harmonysim", settings.ServiceId);
    }

    [TestMethod]
    public void Azure_with_a_connection_string_reads_every_key()
    {
        var settings = Read(new Dictionary<string, string?>
        {
            [ClusterKeys.Provider] = "Azure",
            [ClusterKeys.ConnectionString] = "UseDevelopmentStorage=true",
            [ClusterKeys.ClusterId] = "prod-1",
            [ClusterKeys.ServiceId] = "harmonysim.testnet",
            [ClusterKeys.SiloPort] = "12000",
            [ClusterKeys.GatewayPort] = "31000",
            [ClusterKeys.AdvertisedAddress] = "10.0.0.4",
        }, out var errors);
        Assert.IsEmpty(errors);
        Assert.AreEqual(StorageProvider.Azure, settings!.Provider);
        Assert.IsFalse(settings.UsesIdentity);
        Assert.AreEqual(("prod-1", "harmonysim.testnet", 12000, 31000), (settings.ClusterId, settings.ServiceId, settings.SiloPort, settings.GatewayPort));
        Assert.AreEqual(IPAddress.Parse("10.0.0.4"), settings.AdvertisedAddress);
    }

    [TestMethod]
    public void Azure_with_both_endpoints_uses_an_identity_and_creates_clients_without_a_key()
    {
        var settings = Read(new Dictionary<string, string?>
        {
            [ClusterKeys.Provider] = "azure",
            [ClusterKeys.TableEndpoint] = "https://acct.table.core.windows.net",
            [ClusterKeys.BlobEndpoint] = "https://acct.blob.core.windows.net",
        }, out var errors);
        Assert.IsEmpty(errors);
        Assert.IsTrue(settings!.UsesIdentity);
        var clients = StorageClients.Create(settings);
        Assert.AreEqual("acct", clients.Tables.AccountName);
        Assert.AreEqual(new Uri("https://acct.blob.core.windows.net"), clients.Blobs.Uri);
    }

    [TestMethod]
    public void Azure_needs_a_connection_string_or_both_endpoints_and_not_both_kinds()
    {
        Read(new Dictionary<string, string?> { [ClusterKeys.Provider] = "azure" }, out var none);
        StringAssert.Contains(none.Single(), "needs Storage:ConnectionString");

        Read(new Dictionary<string, string?> { [ClusterKeys.Provider] = "azure", [ClusterKeys.TableEndpoint] = "https://a.table.core.windows.net" }, out var half);
        StringAssert.Contains(half.Single(), "or both Storage:TableEndpoint and Storage:BlobEndpoint");

        Read(new Dictionary<string, string?>
        {
            [ClusterKeys.Provider] = "azure", [ClusterKeys.ConnectionString] = "UseDevelopmentStorage=true",
            [ClusterKeys.TableEndpoint] = "https://a.table.core.windows.net", [ClusterKeys.BlobEndpoint] = "https://a.blob.core.windows.net",
        }, out var both);
        StringAssert.Contains(both.Single(), "exclude each other");
    }

    [TestMethod]
    public void Every_bad_value_is_reported_naming_its_key()
    {
        Assert.IsNull(Read(new Dictionary<string, string?>
        {
            [ClusterKeys.Provider] = "cosmos",
            [ClusterKeys.TableEndpoint] = "not a url",
            [ClusterKeys.ClusterId] = "-leading-dash",
            [ClusterKeys.ServiceId] = new string('s', 64),
            [ClusterKeys.SiloPort] = "0",
            [ClusterKeys.GatewayPort] = "http",
            [ClusterKeys.AdvertisedAddress] = "localhost",
        }, out var errors));
        foreach (var key in new[] { ClusterKeys.Provider, ClusterKeys.TableEndpoint, ClusterKeys.ClusterId, ClusterKeys.ServiceId, ClusterKeys.SiloPort, ClusterKeys.GatewayPort, ClusterKeys.AdvertisedAddress })
            Assert.IsTrue(errors.Any(e => e.StartsWith(key + ":", StringComparison.Ordinal)), $"{key} in:\n{string.Join("\n", errors)}");
    }

    [TestMethod]
    public void Endpoints_must_be_https_because_a_token_is_never_sent_in_the_clear()
    {
        Read(new Dictionary<string, string?>
        {
            [ClusterKeys.Provider] = "azure",
            [ClusterKeys.TableEndpoint] = "http://127.0.0.1:10002/devstoreaccount1",
            [ClusterKeys.BlobEndpoint] = "https://acct.blob.core.windows.net",
        }, out var errors);
        StringAssert.StartsWith(errors.Single(), "Storage:TableEndpoint: expected an https URL");
    }

    [TestMethod]
    public void The_same_port_for_silo_and_gateway_is_refused()
    {
        Read(new Dictionary<string, string?> { [ClusterKeys.SiloPort] = "5000", [ClusterKeys.GatewayPort] = "5000" }, out var errors);
        StringAssert.Contains(errors.Single(), "a silo needs two ports");
    }

    [TestMethod]
    public void A_bad_connection_string_fails_as_a_format_error_that_quotes_nothing_of_it()
    {
        var settings = new ClusterSettings { Provider = StorageProvider.Azure, ConnectionString = "AccountKey=topsecret;Garbage" };
        var error = Assert.ThrowsExactly<FormatException>(() => StorageClients.Create(settings));
        StringAssert.Contains(error.Message, ClusterKeys.ConnectionString);
        Assert.DoesNotContain("topsecret", error.Message);
        Assert.DoesNotContain("Garbage", error.Message);
    }

    [TestMethod]
    public void The_command_line_wins_over_the_prefixed_environment_which_wins_over_the_plain_one_and_the_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmonysim-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // Unique variable names per test run would not be read by the code: use the real keys, restored afterwards.
        var saved = new[] { "Cluster__ServiceId", "HARMONYSIM_Cluster__ServiceId", "Cluster__SiloPort", "HARMONYSIM_Cluster__GatewayPort" }
            .ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            File.WriteAllText(Path.Combine(dir, "appsettings.json"),
                """{ "Cluster": { "ClusterId": "from-file", "ServiceId": "from-file", "SiloPort": 1001, "GatewayPort": 1002 } }""");
            Environment.SetEnvironmentVariable("Cluster__ServiceId", "from-env");
            Environment.SetEnvironmentVariable("Cluster__SiloPort", "2001");
            Environment.SetEnvironmentVariable("HARMONYSIM_Cluster__ServiceId", "from-prefixed-env");
            Environment.SetEnvironmentVariable("HARMONYSIM_Cluster__GatewayPort", "3002");
            var configuration = ClusterConfiguration.Build(dir, ["--Cluster:GatewayPort", "4002"]);
            var settings = ClusterSettings.Read(configuration, out var errors);
            Assert.IsEmpty(errors);
            Assert.AreEqual("from-file", settings!.ClusterId);
            Assert.AreEqual("from-prefixed-env", settings.ServiceId);
            Assert.AreEqual(2001, settings.SiloPort);
            Assert.AreEqual(4002, settings.GatewayPort);
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void A_malformed_appsettings_file_is_an_error_naming_the_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmonysim-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "appsettings.json"), "{ \"Cluster\": ");
            var error = Assert.Throws<InvalidDataException>(() => ClusterConfiguration.Build(dir, []));
            StringAssert.Contains(error.Message, "appsettings.json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Command_line_keys_outside_the_known_sections_are_reported()
    {
        CollectionAssert.AreEqual(new[] { "silo-prot" }, ClusterConfiguration.UnknownKeys(["--silo-prot", "5", "--Storage:Provider", "azure", "Logging:LogLevel:Default=Debug"]).ToArray());
    }
}
