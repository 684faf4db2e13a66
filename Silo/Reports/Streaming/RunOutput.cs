using System.Text;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// Where a run's streamed logs go while it runs: events.jsonl and blocks.csv in its run folder (the command), or in
/// memory (tests and other short runs that are not written out, or written later by <see cref="RunFolder"/>).
/// </summary>
public sealed class RunOutput : IDisposable
{
    public const string EventsFile = "events.jsonl";
    public const string BlocksFile = "blocks.csv";

    private readonly StringBuilder? _events;
    private readonly StringBuilder? _blocks;

    private RunOutput(string? folder)
    {
        Folder = folder;
        if (folder is null)
        {
            _events = new StringBuilder();
            _blocks = new StringBuilder();
            Events = new StringWriter(_events);
            Blocks = new StringWriter(_blocks);
        }
        else
        {
            Directory.CreateDirectory(folder);
            Events = Open(Path.Combine(folder, EventsFile));
            Blocks = Open(Path.Combine(folder, BlocksFile));
        }
        Blocks.Write(BlockLog.Header);
        Blocks.Write('\n');
    }

    /// <summary>The run folder the logs are written into, or null when they are kept in memory.</summary>
    public string? Folder { get; }
    public TextWriter Events { get; }
    public TextWriter Blocks { get; }

    public static RunOutput InFolder(string folder) => new(folder);
    public static RunOutput InMemory() => new(null);

    /// <summary>The event log's lines as written so far (read back from the file for a folder).</summary>
    public IReadOnlyList<string> EventLines() => Lines(_events, EventsFile);

    /// <summary>blocks.csv's rows as written so far, without its header.</summary>
    public IReadOnlyList<string> BlockRows() => [.. Lines(_blocks, BlocksFile).Skip(1)];

    /// <summary>Puts both logs into <paramref name="directory"/> (nothing to do when they were written there).</summary>
    public void CopyTo(string directory)
    {
        Flush();
        if (Folder is not null && Path.GetFullPath(Folder) == Path.GetFullPath(directory)) return;
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, EventsFile), EventLines());
        File.WriteAllLines(Path.Combine(directory, BlocksFile), [BlockLog.Header, .. BlockRows()]);
    }

    public void Flush()
    {
        Events.Flush();
        Blocks.Flush();
    }

    public void Dispose()
    {
        Events.Dispose();
        Blocks.Dispose();
    }

    private IReadOnlyList<string> Lines(StringBuilder? memory, string file)
    {
        Flush();
        if (memory is not null) return memory.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var read = new FileStream(Path.Combine(Folder!, file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(read, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), new UTF8Encoding(false)) { NewLine = "\n" };
}
