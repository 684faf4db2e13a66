using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// The Azure Table and Blob service clients for a cluster silo, from a connection string or from the account's
/// endpoints and a token credential (a managed identity in Azure: no key in any template or setting).
/// Orleans 10.4.2's providers take these clients (<c>TableServiceClient</c>, <c>BlobServiceClient</c>), not a
/// connection string.
/// </summary>
public sealed class StorageClients
{
    private StorageClients(TableServiceClient tables, BlobServiceClient blobs)
    {
        Tables = tables;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }

    /// <summary>
    /// Creates the clients. Retries and timeouts come from <paramref name="retry"/> when given (the startup probe
    /// wants an answer in seconds), else from the Azure SDK's defaults, which ride out a storage blip in a long run.
    /// A connection string that does not parse throws <see cref="FormatException"/> whose message holds no secret.
    /// </summary>
    public static StorageClients Create(ClusterSettings settings, Action<RetryOptions>? retry = null, TokenCredential? credential = null)
    {
        if (settings.Provider != StorageProvider.Azure) throw new InvalidOperationException("storage clients exist only with Storage:Provider azure");
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        retry?.Invoke(tableOptions.Retry);
        retry?.Invoke(blobOptions.Retry);
        if (settings.ConnectionString is { } connection)
        {
            try
            {
                return new StorageClients(new TableServiceClient(connection, tableOptions), new BlobServiceClient(connection, blobOptions));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // Not the SDK's message: it may quote a fragment of the string, which can be part of the account key.
                throw new FormatException(
                    $"{ClusterKeys.ConnectionString}: not a valid Azure Storage connection string; " +
                    "expected 'UseDevelopmentStorage=true' or 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net'", e);
            }
        }
        // DefaultAzureCredential tries, in turn, environment credentials, workload and managed identity (AZURE_CLIENT_ID
        // picks the user-assigned one), then developer sign-ins (az login): the same setting works in Azure and on a laptop.
        credential ??= new DefaultAzureCredential();
        return new StorageClients(
            new TableServiceClient(settings.TableEndpoint!, credential, tableOptions),
            new BlobServiceClient(settings.BlobEndpoint!, credential, blobOptions));
    }
}
