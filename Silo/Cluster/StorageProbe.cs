using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// Asks the table and blob services for one page of their listings before the silo starts. Orleans' providers retry
/// for minutes (5 retries, 100 s timeouts by default) before giving up, so without this a wrong endpoint or a stopped
/// Azurite would look like a hung silo; here it is one line naming the endpoint, within seconds.
/// </summary>
public static class StorageProbe
{
    /// <summary>Overall time the probe allows; every attempt inside it has a short network timeout of its own.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>The probe's retry policy: one quick retry (a listener that is just starting), a few seconds per try.</summary>
    public static void QuickRetry(Azure.Core.RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.NetworkTimeout = TimeSpan.FromSeconds(3);
    }

    /// <summary>Null when both services answered; otherwise why not, naming the endpoint.</summary>
    public static async Task<string?> Check(StorageClients clients, CancellationToken cancellation)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(Budget);
        return await Ask(clients.Tables.Uri, "table", async token =>
               {
                   await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages(pageSizeHint: 1)) break;
               }, budget.Token, cancellation)
            ?? await Ask(clients.Blobs.Uri, "blob", async token =>
               {
                   await foreach (var _ in clients.Blobs.GetBlobContainersAsync(cancellationToken: token).AsPages(pageSizeHint: 1)) break;
               }, budget.Token, cancellation);
    }

    /// <summary>Like <see cref="Check"/> for a command that uses blob storage only (the testnet's journal).</summary>
    public static async Task<string?> CheckBlobs(StorageClients clients, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(clients);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(Budget);
        return await Ask(clients.Blobs.Uri, "blob", async token =>
        {
            await foreach (var _ in clients.Blobs.GetBlobContainersAsync(cancellationToken: token).AsPages(pageSizeHint: 1)) break;
        }, budget.Token, cancellation);
    }

    private static async Task<string?> Ask(Uri endpoint, string service, Func<CancellationToken, Task> request, CancellationToken budget, CancellationToken caller)
    {
        var where = $"{service} storage at {endpoint.GetLeftPart(UriPartial.Path)}";
        try
        {
            await request(budget);
            return null;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return $"no answer from {where} within {Budget.TotalSeconds:0} s";
        }
        catch (AuthenticationFailedException e)
        {
            return $"cannot authenticate to {where}: {FirstLine(e.Message)} (with endpoints the silo uses DefaultAzureCredential: a managed identity, AZURE_CLIENT_ID for a user-assigned one, or az login)";
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            return $"{where} refused access (HTTP {e.Status} {e.ErrorCode}): check the account key, or that the identity has the Storage Table Data Contributor and Storage Blob Data Contributor roles";
        }
        catch (RequestFailedException e) when (e.Status == 0)
        {
            // No HTTP answer at all: connection refused, unknown host, TLS failure. The innermost cause says which.
            return $"cannot reach {where}: {FirstLine(Innermost(e).Message)}";
        }
        catch (RequestFailedException e)
        {
            return $"{where} answered HTTP {e.Status} {e.ErrorCode}: {FirstLine(e.Message)}";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or AggregateException)
        {
            return $"cannot reach {where}: {FirstLine(Innermost(e).Message)}";
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
}
