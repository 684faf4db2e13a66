using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The journal's line format, the same in a file and in a blob: one JSON object a line,
/// <c>{"at_ticks":…,"shard":…,"tx":"0x…"}</c>, so a journal can be copied from one to the other.
/// </summary>
public static class JournalLines
{
    public static void Write(StringBuilder text, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        text.Append("{\"at_ticks\":").Append(entry.At.Ticks.ToString(CultureInfo.InvariantCulture))
            .Append(",\"shard\":").Append(entry.Shard.ToString(CultureInfo.InvariantCulture))
            .Append(",\"tx\":\"0x").Append(Convert.ToHexStringLower(entry.Transaction))
            .Append("\"}\n");
    }

    /// <summary>Reads every line; a malformed one is a <see cref="JournalException"/> naming <paramref name="where"/>, the line and the field.</summary>
    public static List<JournalEntry> Read(IEnumerable<string> lines, string where, int shards, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<JournalEntry>();
        var number = firstLine - 1;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0) continue;
            var (entry, error) = Parse(line, shards);
            entries.Add(entry ?? throw new JournalException($"{where}:{number}: {error}"));
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
            if (!root.TryGetProperty("tx", out var tx) || tx.ValueKind != JsonValueKind.String || tx.GetString() is not { } hex || !hex.StartsWith("0x", StringComparison.Ordinal)) return (null, "tx: expected 0x-prefixed hex");
            return (new JournalEntry(new TimeSpan(ticks), shard, Convert.FromHexString(hex.AsSpan(2))), null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return (null, $"not a journal line ({e.Message})");
        }
    }
}
