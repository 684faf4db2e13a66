using System.Text;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The input journal as a file in the data folder (<c>DATA/journal.jsonl</c>), appended and flushed to the disk
/// before the senders are answered: the durable state of a testnet without cluster storage.
/// </summary>
public sealed class FileInputJournal : IInputJournal
{
    public const string FileName = "journal.jsonl";

    private readonly FileStream _stream;
    private readonly StringBuilder _pending = new();

    private FileInputJournal(FileStream stream, string path, IReadOnlyList<JournalEntry> recorded)
    {
        _stream = stream;
        Location = path;
        Recorded = recorded;
    }

    public IReadOnlyList<JournalEntry> Recorded { get; }

    public string Location { get; }

    /// <summary>Opens (or creates) the journal in <paramref name="folder"/>; a malformed line is an error naming the file, line and field.</summary>
    public static FileInputJournal Open(string folder, int shards)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var recorded = File.Exists(path) ? JournalLines.Read(File.ReadLines(path), path, shards) : [];
        return new FileInputJournal(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), path, recorded);
    }

    public void Append(JournalEntry entry) => JournalLines.Write(_pending, entry);

    public async Task FlushAsync(CancellationToken cancellation)
    {
        if (_pending.Length == 0) return;
        var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _pending.Clear();
        await _stream.WriteAsync(bytes, cancellation);
        // Through the OS cache to the disk: an answered sender's transaction must survive a crash of the machine too.
        _stream.Flush(flushToDisk: true);
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
