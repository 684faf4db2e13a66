using System.Globalization;
using System.Text.Json;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The testnet's input journal: every transaction a shard's pool accepted from outside, with the virtual time it
/// entered, one JSON line each (<c>{"at_ticks":…,"shard":…,"tx":"0x…"}</c>), appended and flushed before the sender
/// is answered. The config and this file determine the chain: a restart replays it and reaches the same state.
/// </summary>
public sealed class InputJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    private readonly StreamWriter _writer;

    private InputJournal(StreamWriter writer, IReadOnlyList<JournalEntry> recorded)
    {
        _writer = writer;
        Recorded = recorded;
    }

    /// <summary>What the journal held when it was opened, in order.</summary>
    public IReadOnlyList<JournalEntry> Recorded { get; }

    /// <summary>Opens (or creates) the journal in <paramref name="folder"/>; a malformed line is an error naming the file, line and field.</summary>
    public static InputJournal Open(string folder, int shards)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var recorded = File.Exists(path) ? Read(path, shards) : [];
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new InputJournal(new StreamWriter(stream) { AutoFlush = false }, recorded);
    }

    public void Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _writer.Write("{\"at_ticks\":");
        _writer.Write(entry.At.Ticks.ToString(CultureInfo.InvariantCulture));
        _writer.Write(",\"shard\":");
        _writer.Write(entry.Shard.ToString(CultureInfo.InvariantCulture));
        _writer.Write(",\"tx\":\"0x");
        _writer.Write(Convert.ToHexStringLower(entry.Transaction));
        _writer.WriteLine("\"}");
    }

    /// <summary>Writes what was appended through to the file (before the senders are answered).</summary>
    public void Flush()
    {
        _writer.Flush();
        _writer.BaseStream.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private static List<JournalEntry> Read(string path, int shards)
    {
        var entries = new List<JournalEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            entries.Add(Parse(line, shards) is { } entry && entry.Error is null
                ? entry.Entry!
                : throw new JournalException($"{path}:{number}: {Parse(line, shards).Error}"));
        }
        return entries;
    }

    private static (JournalEntry? Entry, string? Error) Parse(string line, int shards)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "expected a JSON object");
            if (!root.TryGetProperty("at_ticks", out var at) || !at.TryGetInt64(out var ticks) || ticks < 0) return (null, "at_ticks: expected a whole number of ticks, at least 0");
            if (!root.TryGetProperty("shard", out var s) || !s.TryGetInt32(out var shard) || shard < 0 || shard >= shards) return (null, $"shard: expected a shard from 0 to {shards - 1}");
            if (!root.TryGetProperty("tx", out var tx) || tx.GetString() is not { } hex || !hex.StartsWith("0x", StringComparison.Ordinal)) return (null, "tx: expected 0x-prefixed hex");
            return (new JournalEntry(new TimeSpan(ticks), shard, Convert.FromHexString(hex.AsSpan(2))), null);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, $"not a journal line ({e.Message})");
        }
    }
}
