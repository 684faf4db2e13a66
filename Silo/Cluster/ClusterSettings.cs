using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// A cluster silo's settings, read from configuration (<see cref="ClusterKeys"/>) and checked before anything starts:
/// every problem is reported at once, naming its key, and never echoing a connection string (it holds the account key).
/// </summary>
public sealed partial record ClusterSettings
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const string DefaultClusterId = "harmonysim";
    public const string DefaultServiceId = "harmonysim";

    public StorageProvider Provider { get; init; } = StorageProvider.Memory;

    /// <summary>An Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite on its default ports).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The account's table endpoint, used with a managed identity (DefaultAzureCredential) instead of a connection string.</summary>
    public Uri? TableEndpoint { get; init; }

    /// <summary>The account's blob endpoint, used with a managed identity like <see cref="TableEndpoint"/>.</summary>
    public Uri? BlobEndpoint { get; init; }

    public string ClusterId { get; init; } = DefaultClusterId;
    public string ServiceId { get; init; } = DefaultServiceId;
    public int SiloPort { get; init; } = DefaultSiloPort;
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>The address other silos and clients reach this silo at; null lets Orleans pick this host's address.</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>True when the account is reached through endpoints and a token credential rather than a connection string.</summary>
    public bool UsesIdentity => Provider == StorageProvider.Azure && ConnectionString is null;

    /// <summary>Reads and checks the settings; on failure <paramref name="errors"/> lists every problem, each naming its key.</summary>
    public static ClusterSettings? Read(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var providerText = Value(configuration, ClusterKeys.Provider);
        var provider = providerText?.ToUpperInvariant() switch
        {
            null or "MEMORY" => StorageProvider.Memory,
            "AZURE" => StorageProvider.Azure,
            _ => (StorageProvider?)null,
        };
        if (provider is null) problems.Add($"{ClusterKeys.Provider}: expected memory or azure, got '{Echo(providerText!)}'");
        var connection = Value(configuration, ClusterKeys.ConnectionString);
        var table = Endpoint(configuration, ClusterKeys.TableEndpoint, problems);
        var blob = Endpoint(configuration, ClusterKeys.BlobEndpoint, problems);
        if (provider == StorageProvider.Azure)
        {
            if (connection is not null && (table is not null || blob is not null))
                problems.Add($"{ClusterKeys.ConnectionString} and {ClusterKeys.TableEndpoint}/{ClusterKeys.BlobEndpoint} exclude each other: give a connection string, or both endpoints for a managed identity");
            else if (connection is null && (table is null || blob is null)
                     && !problems.Exists(p => p.StartsWith(ClusterKeys.TableEndpoint, StringComparison.Ordinal) || p.StartsWith(ClusterKeys.BlobEndpoint, StringComparison.Ordinal)))
                problems.Add($"Storage:Provider azure needs {ClusterKeys.ConnectionString} (UseDevelopmentStorage=true for Azurite) or both {ClusterKeys.TableEndpoint} and {ClusterKeys.BlobEndpoint}");
        }
        var settings = new ClusterSettings
        {
            Provider = provider ?? StorageProvider.Memory,
            ConnectionString = connection,
            TableEndpoint = table,
            BlobEndpoint = blob,
            ClusterId = Id(configuration, ClusterKeys.ClusterId, DefaultClusterId, problems),
            ServiceId = Id(configuration, ClusterKeys.ServiceId, DefaultServiceId, problems),
            SiloPort = Port(configuration, ClusterKeys.SiloPort, DefaultSiloPort, problems),
            GatewayPort = Port(configuration, ClusterKeys.GatewayPort, DefaultGatewayPort, problems),
            AdvertisedAddress = Address(configuration, problems),
        };
        if (settings.SiloPort == settings.GatewayPort && settings.SiloPort != 0)
            problems.Add($"{ClusterKeys.SiloPort} and {ClusterKeys.GatewayPort} are both {settings.SiloPort}: a silo needs two ports");
        errors = problems;
        return problems.Count == 0 ? settings : null;
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static Uri? Endpoint(IConfiguration configuration, string key, List<string> problems)
    {
        if (Value(configuration, key) is not { } text) return null;
        // https only: the endpoints go with a token credential, which the Azure SDK refuses to send over plain http.
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps) return uri;
        problems.Add($"{key}: expected an https URL such as https://ACCOUNT.table.core.windows.net (a managed identity needs https; " +
                     $"for Azurite over http use {ClusterKeys.ConnectionString}), got '{Echo(text)}'");
        return null;
    }

    // Cluster and service ids become Azure Table partition keys and parts of row keys: keep to characters every
    // storage name accepts, so a bad id fails here rather than as a storage error after the silo has started.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex IdPattern();

    private static string Id(IConfiguration configuration, string key, string fallback, List<string> problems)
    {
        var text = Value(configuration, key) ?? fallback;
        if (IdPattern().IsMatch(text)) return text;
        problems.Add($"{key}: 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit; got '{Echo(text)}'");
        return fallback;
    }

    private static int Port(IConfiguration configuration, string key, int fallback, List<string> problems)
    {
        if (Value(configuration, key) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) return port;
        problems.Add($"{key}: expected a port from 1 to 65535, got '{Echo(text)}'");
        return fallback;
    }

    private static IPAddress? Address(IConfiguration configuration, List<string> problems)
    {
        if (Value(configuration, ClusterKeys.AdvertisedAddress) is not { } text) return null;
        if (IPAddress.TryParse(text, out var address)) return address;
        problems.Add($"{ClusterKeys.AdvertisedAddress}: expected an IP address, got '{Echo(text)}'");
        return null;
    }

    /// <summary>A value quoted in an error message, cut short so a pasted secret or a whole file does not flood the terminal.</summary>
    private static string Echo(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>One line describing where this silo keeps its state, with no secret in it.</summary>
    public string StorageDescription(Uri? tables, Uri? blobs) => Provider == StorageProvider.Memory
        ? "memory (localhost clustering, in-memory grain state: nothing survives this process)"
        : $"azure (tables at {tables}, blobs at {blobs}, {(UsesIdentity ? "managed identity" : "connection string")})";
}
