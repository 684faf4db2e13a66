using Microsoft.Extensions.Configuration;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// Where a cluster silo's configuration comes from, later sources winning: <c>appsettings.json</c> in the working
/// directory (optional), environment variables (<c>Storage__Provider</c>), the same with the <c>HARMONYSIM_</c> prefix
/// (so a shared environment can set HarmonySim's own without clashing), then the command line
/// (<c>--Storage:Provider azure</c> or <c>Storage:Provider=azure</c>).
/// </summary>
public static class ClusterConfiguration
{
    public const string EnvironmentPrefix = "HARMONYSIM_";
    public const string FileName = "appsettings.json";

    /// <summary>Builds the configuration; a malformed appsettings.json throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static IConfiguration Build(string directory, IEnumerable<string> commandLine, IDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder()
            // reloadOnChange off: a silo reads its settings once; a file watcher would only hold a handle for nothing.
            .AddJsonFile(Path.Combine(Path.GetFullPath(directory), FileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(commandLine.ToArray());
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>
    /// The keys a command line sets outside <see cref="ClusterKeys.Sections"/>: most likely typos (a misspelt option
    /// would otherwise be taken as a configuration key nobody reads, and the silo would start with the default).
    /// </summary>
    public static IReadOnlyList<string> UnknownKeys(IEnumerable<string> commandLine)
    {
        var parsed = new ConfigurationBuilder().AddCommandLine(commandLine.ToArray()).Build();
        return parsed.GetChildren()
            .Where(c => !ClusterKeys.Sections.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => c.Key)
            .ToList();
    }
}
