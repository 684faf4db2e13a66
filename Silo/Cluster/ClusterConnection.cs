namespace HarmonySim.Silo.Cluster;

/// <summary>
/// What a client command (<c>run --cluster</c>, <c>runs</c>) does before it talks to the cluster: reads the same
/// settings as <c>harmonysim silo</c> (appsettings.json in the working directory, environment variables, command-line
/// settings), probes Azure storage within seconds, then connects. Each failure is one line and an exit code: 2 bad
/// settings, 4 storage or cluster unreachable.
/// </summary>
public static class ClusterConnection
{
    public sealed record Outcome(ClusterClient? Client, int ExitCode, string? Error);

    public static async Task<Outcome> Open(IEnumerable<string> commandLine, CancellationToken cancellation)
    {
        Microsoft.Extensions.Configuration.IConfiguration configuration;
        var settingsLine = commandLine.ToList();
        try
        {
            if (ClusterConfiguration.UnknownKeys(settingsLine) is { Count: > 0 } unknown)
                return new(null, Commands.ExitCodes.BadInput, $"unknown setting: {string.Join(", ", unknown)} (settings are written --Storage:Provider azure or Cluster:ClusterId=NAME, in the sections {string.Join(", ", ClusterKeys.Sections)})");
            configuration = ClusterConfiguration.Build(Environment.CurrentDirectory, settingsLine);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return new(null, Commands.ExitCodes.BadInput, e.Message);
        }
        if (ClusterSettings.Read(configuration, out var errors) is not { } settings)
            return new(null, Commands.ExitCodes.BadInput, string.Join("; ", errors));
        StorageClients? clients = null;
        if (settings.Provider == StorageProvider.Azure)
        {
            try
            {
                clients = StorageClients.Create(settings);
                if (await StorageProbe.Check(StorageClients.Create(settings, StorageProbe.QuickRetry), cancellation) is { } unreachable)
                    return new(null, Commands.ExitCodes.Unavailable, unreachable);
            }
            catch (FormatException e)
            {
                return new(null, Commands.ExitCodes.BadInput, e.Message);
            }
        }
        try
        {
            return new(await ClusterClient.ConnectAsync(settings, clients, cancellation), Commands.ExitCodes.Passed, null);
        }
        catch (ClusterUnavailableException e)
        {
            return new(null, Commands.ExitCodes.Unavailable, e.Message);
        }
    }
}
