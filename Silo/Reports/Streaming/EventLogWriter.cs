using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Simulation.Observer;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// Writes the canonical event log (events.jsonl) as the run goes and hashes it into the run's digest. Lines are
/// ordered by (time, shard, order within the shard) across the whole run: each step's events come after every
/// earlier step's, except those at the very end of a step, which are held back a step because an operator's
/// control between steps logs at that same instant.
/// </summary>
public sealed class EventLogWriter(TextWriter output)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<int, long> _nextOrder = [];
    private List<(LoggedEvent Event, long Order)> _held = [];

    public long Lines { get; private set; }

    /// <summary>Adds one step's records; <paramref name="through"/> is the virtual time the step reached.</summary>
    public void Add(IReadOnlyList<ShardRecords> step, TimeSpan through)
    {
        foreach (var records in step)
        {
            var order = _nextOrder.GetValueOrDefault(records.Shard);
            foreach (var e in records.Events) _held.Add((e, order++));
            _nextOrder[records.Shard] = order;
        }
        if (_held.Count == 0) return;
        var sorted = _held.OrderBy(x => x.Event.At).ThenBy(x => x.Event.Shard).ThenBy(x => x.Order).ToList();
        _held = [.. sorted.Where(x => x.Event.At >= through)];
        foreach (var (e, _) in sorted.Where(x => x.Event.At < through)) Write(EventLog.Line(e.At, e.Shard, e.Kind, e.Fields));
    }

    /// <summary>Writes what is held and each shard's delivery-trace line, and returns the digest of the whole log.</summary>
    public string Finish(TimeSpan simulatedTime, IReadOnlyList<ShardResult> shards)
    {
        Add([], TimeSpan.MaxValue);
        foreach (var shard in shards.OrderBy(s => s.Shard))
            Write(EventLog.Line(simulatedTime, shard.Shard, "delivery_trace", [new("sha256", shard.DeliveryTraceHash),
                new("deliveries", shard.Deliveries.ToString(CultureInfo.InvariantCulture)), new("format", DeliveryTrace.Format)]));
        output.Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void Write(string line)
    {
        output.Write(line);
        output.Write('\n');
        _hash.AppendData(Encoding.UTF8.GetBytes(line));
        _hash.AppendData("\n"u8);
        Lines++;
    }
}
