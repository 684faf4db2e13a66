using HarmonySim.Silo.Cluster;
using HarmonySim.Silo.Testnet;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// Where <c>harmonysim testnet</c> keeps its journal: in Azure Blob storage when the cluster storage is configured
/// (<c>Storage:Provider azure</c> with the same settings as <c>harmonysim silo</c>: appsettings.json in the working
/// directory, environment variables), so a start on another machine or with a fresh data folder resumes the same
/// chain; in the data folder otherwise.
/// </summary>
internal static class TestnetStorage
{
    public sealed record Opened(IInputJournal? Journal, int ExitCode, string? Error);

    public static async Task<Opened> Open(string folder, string testnetName, int shards, CancellationToken cancellation)
    {
        ClusterSettings? settings;
        IReadOnlyList<string> errors;
        try
        {
            settings = ClusterSettings.Read(ClusterConfiguration.Build(Environment.CurrentDirectory, []), out errors);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return new(null, ExitCodes.BadInput, e.Message);
        }
        if (settings is null) return new(null, ExitCodes.BadInput, string.Join("; ", errors));
        try
        {
            if (settings.Provider != StorageProvider.Azure) return new(FileInputJournal.Open(folder, shards), ExitCodes.Passed, null);
            StorageClients clients;
            try
            {
                clients = StorageClients.Create(settings);
                if (await StorageProbe.CheckBlobs(StorageClients.Create(settings, StorageProbe.QuickRetry), cancellation) is { } unreachable)
                    return new(null, ExitCodes.Unavailable, unreachable);
            }
            catch (FormatException e)
            {
                return new(null, ExitCodes.BadInput, e.Message);
            }
            return new(await BlobInputJournal.Open(clients.Blobs, BlobInputJournal.Prefix(settings.ServiceId, testnetName), shards, cancellation), ExitCodes.Passed, null);
        }
        catch (JournalStorageException e)
        {
            return new(null, ExitCodes.Unavailable, e.Message);
        }
        catch (Exception e) when (e is JournalException or IOException or UnauthorizedAccessException)
        {
            return new(null, ExitCodes.BadInput, settings.Provider == StorageProvider.Azure ? e.Message : $"--data: {e.Message}");
        }
    }
}
