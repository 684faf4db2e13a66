using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// The run's canonical event log (events.jsonl) and its digest. Lines are ordered by (time, shard, order within
/// the shard) and written with a fixed field order and invariant formatting; each shard's delivery-trace hash closes
/// the log, so the digest covers every message delivered. Wall-clock readings never enter it. The log is written as
/// the run goes (<see cref="Streaming.EventLogWriter"/>).
/// </summary>
public static class EventLog
{
    /// <summary>SHA-256 of the log's lines, each followed by a newline, as lower-case hex.</summary>
    public static string Digest(IReadOnlyList<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Line(TimeSpan at, int shard, string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("t", at.TotalSeconds.ToString("F6", CultureInfo.InvariantCulture));
            json.WriteNumber("shard", shard);
            json.WriteString("kind", kind);
            foreach (var (key, value) in fields) json.WriteString(key, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
