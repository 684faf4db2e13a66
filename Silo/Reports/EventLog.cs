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
/// the log, so the digest covers every message delivered. Wall-clock readings never enter it.
/// </summary>
public static class EventLog
{
    public static IReadOnlyList<string> Lines(RunRecord result)
    {
        var events = result.Shards
            .SelectMany(s => s.Events.Select((e, i) => (Event: e, Order: i)))
            .OrderBy(x => x.Event.At).ThenBy(x => x.Event.Shard).ThenBy(x => x.Order)
            .Select(x => Line(x.Event.At, x.Event.Shard, x.Event.Kind, x.Event.Fields))
            .ToList();
        foreach (var shard in result.Shards.OrderBy(s => s.Shard))
            events.Add(Line(result.SimulatedTime, shard.Shard, "delivery_trace", [new("sha256", shard.DeliveryTraceHash), new("deliveries", shard.Deliveries.ToString(CultureInfo.InvariantCulture)), new("format", Simulation.Observer.DeliveryTrace.Format)]));
        return events;
    }

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

    private static string Line(TimeSpan at, int shard, string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
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
