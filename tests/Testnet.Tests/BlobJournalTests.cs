using System.Text;
using Azure.Storage.Blobs;
using HarmonySim.Silo.Testnet;

namespace HarmonySim.Testnet.Tests;

/// <summary>The input journal in Azure Blob storage (Azurite): what is flushed is read back, in the file's format, across segments; a second writer is caught.</summary>
[TestClass]
public sealed class BlobJournalTests
{
    private static JournalEntry Entry(int i) => new(TimeSpan.FromSeconds(i), i % 2, Encoding.ASCII.GetBytes($"tx-{i}"));

    private static async Task<BlobServiceClient> Blobs() => new((await TestnetAzurite.Require()).ConnectionString);

    private static string FreshPrefix() => $"tests/{Guid.NewGuid():N}/";

    private static void AssertSame(List<JournalEntry> expected, IReadOnlyList<JournalEntry> actual)
    {
        Assert.AreEqual(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].At, actual[i].At, $"entry {i}");
            Assert.AreEqual(expected[i].Shard, actual[i].Shard, $"entry {i}");
            CollectionAssert.AreEqual(expected[i].Transaction, actual[i].Transaction, $"entry {i}");
        }
    }

    [TestMethod]
    public async Task What_is_flushed_is_read_back_in_order_and_in_the_file_format()
    {
        var blobs = await Blobs();
        var prefix = FreshPrefix();
        var entries = Enumerable.Range(0, 5).Select(Entry).ToList();
        await using (var journal = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None))
        {
            Assert.AreEqual(0, journal.Recorded.Count);
            foreach (var e in entries.Take(3)) journal.Append(e);
            await journal.FlushAsync(CancellationToken.None);
            await journal.FlushAsync(CancellationToken.None); // nothing new: no empty block
            foreach (var e in entries.Skip(3)) journal.Append(e);
            await journal.FlushAsync(CancellationToken.None);
        }
        await using var again = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None);
        AssertSame(entries, again.Recorded);

        // The same bytes as the file journal holds, so a journal moves between the two by copying.
        var folder = Directory.CreateTempSubdirectory("harmonysim-journal-").FullName;
        try
        {
            await using (var file = FileInputJournal.Open(folder, shards: 2))
            {
                foreach (var e in entries) file.Append(e);
                await file.FlushAsync(CancellationToken.None);
            }
            var blob = blobs.GetBlobContainerClient(BlobInputJournal.ContainerName).GetBlobClient(prefix + "journal-000000.jsonl");
            Assert.AreEqual(File.ReadAllText(Path.Combine(folder, FileInputJournal.FileName)), (await blob.DownloadContentAsync()).Value.Content.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_full_segment_continues_in_the_next_blob_and_every_segment_is_read_back()
    {
        var blobs = await Blobs();
        var prefix = FreshPrefix();
        var entries = Enumerable.Range(0, 5).Select(Entry).ToList();
        await using (var journal = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None, blocksPerSegment: 2))
        {
            foreach (var e in entries)
            {
                journal.Append(e);
                await journal.FlushAsync(CancellationToken.None);
            }
        }
        var names = new List<string>();
        await foreach (var item in blobs.GetBlobContainerClient(BlobInputJournal.ContainerName).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
            names.Add(item.Name[prefix.Length..]);
        CollectionAssert.AreEqual(new[] { "journal-000000.jsonl", "journal-000001.jsonl", "journal-000002.jsonl" }, names);
        // Reopened (with the small segments still), the last segment takes the next block.
        await using (var again = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None, blocksPerSegment: 2))
        {
            AssertSame(entries, again.Recorded);
            again.Append(Entry(5));
            await again.FlushAsync(CancellationToken.None);
        }
        await using var third = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None);
        AssertSame([.. entries, Entry(5)], third.Recorded);
    }

    [TestMethod]
    public async Task A_second_process_appending_to_the_same_journal_is_caught_not_interleaved()
    {
        var blobs = await Blobs();
        var prefix = FreshPrefix();
        await using var first = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None);
        await using var second = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None);
        first.Append(Entry(1));
        await first.FlushAsync(CancellationToken.None);
        second.Append(Entry(2));
        var e = await Assert.ThrowsExactlyAsync<JournalStorageException>(() => second.FlushAsync(CancellationToken.None));
        StringAssert.Contains(e.Message, "appended by another process");
        await using var reread = await BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None);
        AssertSame([Entry(1)], reread.Recorded);
    }

    [TestMethod]
    public async Task A_malformed_line_names_the_blob_line_and_field()
    {
        var blobs = await Blobs();
        var prefix = FreshPrefix();
        var container = blobs.GetBlobContainerClient(BlobInputJournal.ContainerName);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(prefix + "journal-000000.jsonl");
        await blob.UploadAsync(BinaryData.FromString("{\"at_ticks\":10000000,\"shard\":0,\"tx\":\"0x01\"}\n{\"at_ticks\":10000000,\"shard\":7,\"tx\":\"0x02\"}\n"));
        var e = await Assert.ThrowsExactlyAsync<JournalException>(() => BlobInputJournal.Open(blobs, prefix, shards: 2, CancellationToken.None));
        StringAssert.Contains(e.Message, prefix + "journal-000000.jsonl:2: shard: expected a shard from 0 to 1");
    }
}
