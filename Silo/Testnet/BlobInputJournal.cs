using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The input journal in Azure Blob storage, used when the cluster storage is configured: append blobs named
/// <c>harmonysim-testnet/SERVICE/NAME/journal-000000.jsonl</c>, in the file's line format. A flush appends what the
/// step accepted as one block, conditional on the blob's length being the one this process last saw, so a second
/// testnet writing the same journal is detected instead of interleaved. An append blob holds at most 50,000 blocks
/// (about 14 h of steps that each accepted something); the journal then continues in the next segment.
/// </summary>
public sealed class BlobInputJournal : IInputJournal
{
    public const string ContainerName = "harmonysim-testnet";

    /// <summary>Azure's limit of blocks in one append blob is 50,000; roll a little before it.</summary>
    public const int DefaultBlocksPerSegment = 49_000;

    /// <summary>Azure's largest append block is 4 MiB (100 MiB in newer service versions; Azurite and older accounts say 4).</summary>
    private const int MaxBlockBytes = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly int _blocksPerSegment;
    private readonly StringBuilder _pending = new();
    private AppendBlobClient _segment;
    private int _segmentIndex;
    private long _length;
    private int _blocks;

    private BlobInputJournal(BlobContainerClient container, string prefix, int blocksPerSegment, int segmentIndex, long length, int blocks, IReadOnlyList<JournalEntry> recorded)
    {
        _blocksPerSegment = blocksPerSegment;
        _container = container;
        _prefix = prefix;
        _segmentIndex = segmentIndex;
        _segment = container.GetAppendBlobClient(SegmentName(prefix, segmentIndex));
        _length = length;
        _blocks = blocks;
        Recorded = recorded;
    }

    public IReadOnlyList<JournalEntry> Recorded { get; }

    /// <summary>The journal's folder in the account (<c>…/harmonysim-testnet/SERVICE/NAME/</c>): an address, not a secret.</summary>
    public string Location => $"{_container.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{_prefix}";

    /// <summary>The blob name prefix of a testnet's journal: the service id (as cluster grain state is keyed) and the testnet's name.</summary>
    public static string Prefix(string serviceId, string testnetName) => $"{serviceId}/{testnetName}/";

    /// <summary>
    /// Opens the journal (creating the container if need be) and reads every segment. A malformed line is a
    /// <see cref="JournalException"/> naming the blob, line and field; storage trouble a <see cref="JournalStorageException"/>.
    /// </summary>
    /// <param name="blocksPerSegment">Blocks before the journal continues in a new blob (tests make it small).</param>
    public static async Task<BlobInputJournal> Open(BlobServiceClient blobs, string prefix, int shards, CancellationToken cancellation, int blocksPerSegment = DefaultBlocksPerSegment)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocksPerSegment, 1);
        var container = blobs.GetBlobContainerClient(ContainerName);
        return await Guard(container, "open", async () =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellation);
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellation))
                if (item.Name.EndsWith(".jsonl", StringComparison.Ordinal)) names.Add(item.Name);
            names.Sort(StringComparer.Ordinal);
            var recorded = new List<JournalEntry>();
            long length = 0;
            var blocks = 0;
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] != SegmentName(prefix, i))
                    throw new JournalException($"{container.Uri}/{names[i]}: expected segment {SegmentName(prefix, i)} (a segment is missing or misnamed)");
                var download = await container.GetBlobClient(names[i]).DownloadContentAsync(cancellation);
                var text = download.Value.Content.ToString();
                recorded.AddRange(JournalLines.Read(text.Split('\n'), $"{container.Uri}/{names[i]}", shards));
                length = download.Value.Details.ContentLength;
                blocks = download.Value.Details.BlobCommittedBlockCount;
            }
            var journal = new BlobInputJournal(container, prefix, blocksPerSegment, Math.Max(0, names.Count - 1), length, blocks, recorded);
            if (names.Count == 0) await journal._segment.CreateIfNotExistsAsync(cancellationToken: cancellation);
            return journal;
        });
    }

    public void Append(JournalEntry entry) => JournalLines.Write(_pending, entry);

    public async Task FlushAsync(CancellationToken cancellation)
    {
        if (_pending.Length == 0) return;
        var text = _pending.ToString();
        _pending.Clear();
        foreach (var chunk in Chunks(text)) await AppendBlock(chunk, cancellation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task AppendBlock(byte[] block, CancellationToken cancellation)
    {
        await Guard(_container, "append to", async () =>
        {
            if (_blocks >= _blocksPerSegment)
            {
                _segmentIndex++;
                _segment = _container.GetAppendBlobClient(SegmentName(_prefix, _segmentIndex));
                await _segment.CreateAsync(new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } }, cancellation);
                _length = 0;
                _blocks = 0;
            }
            try
            {
                using var content = new MemoryStream(block, writable: false);
                await _segment.AppendBlockAsync(content, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = _length } }, cancellation);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Either the SDK retried an append whose first answer was lost (the block is there once, as it should
                // be), or another process appended since this one read the journal.
                if (!await AlreadyAppended(block, cancellation))
                    throw new JournalStorageException($"{_segment.Uri}: the journal was appended by another process (two testnets on one journal?); this one stops", e);
            }
            _length += block.Length;
            _blocks++;
            return true;
        });
    }

    /// <summary>Whether the blob already ends with <paramref name="block"/> at the expected position (a retried append that had succeeded).</summary>
    private async Task<bool> AlreadyAppended(byte[] block, CancellationToken cancellation)
    {
        var properties = await _segment.GetPropertiesAsync(cancellationToken: cancellation);
        if (properties.Value.ContentLength != _length + block.Length) return false;
        var tail = await _segment.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(_length, block.Length) }, cancellation);
        return tail.Value.Content.ToMemory().Span.SequenceEqual(block);
    }

    private static IEnumerable<byte[]> Chunks(string text)
    {
        // Whole lines per block, so every segment is valid on its own.
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var bytes = 0;
            while (end < text.Length)
            {
                var next = text.IndexOf('\n', end) + 1;
                var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, next - end));
                if (bytes > 0 && bytes + size > MaxBlockBytes) break;
                bytes += size;
                end = next;
            }
            yield return Encoding.UTF8.GetBytes(text[start..end]);
            start = end;
        }
    }

    internal static string SegmentName(string prefix, int index) => $"{prefix}journal-{index.ToString("D6", CultureInfo.InvariantCulture)}.jsonl";

    /// <summary>Turns the storage's failures into one line naming the container (never the connection string).</summary>
    private static async Task<T> Guard<T>(BlobContainerClient container, string what, Func<Task<T>> action)
    {
        var where = $"the testnet journal in blob storage at {container.Uri.GetLeftPart(UriPartial.Path)}";
        try
        {
            return await action();
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw new JournalStorageException($"cannot {what} {where}: access refused (HTTP {e.Status} {e.ErrorCode}); check the account key, or that the identity has the Storage Blob Data Contributor role", e);
        }
        catch (RequestFailedException e) when (e.Status == 0)
        {
            throw new JournalStorageException($"cannot {what} {where}: {FirstLine(Innermost(e).Message)}", e);
        }
        catch (RequestFailedException e)
        {
            throw new JournalStorageException($"cannot {what} {where}: HTTP {e.Status} {e.ErrorCode}", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new JournalStorageException($"cannot {what} {where}: {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or AggregateException)
        {
            throw new JournalStorageException($"cannot {what} {where}: {FirstLine(Innermost(e).Message)}", e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
}
