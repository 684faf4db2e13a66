using System.Diagnostics;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// Records a run into the <see cref="HarmonySimMeter"/> instruments from what the host receives after each step (the
/// shards' records, progress and counters); nothing is measured inside the kernel. Every value is a virtual-time
/// quantity taken in step order, so a replay of the same run records the same values; wall time enters only as the
/// timestamps exporters put on them. Counters from the shards are running totals: the difference since the last step
/// is added.
/// </summary>
public sealed class RunMetrics(RunPlan plan) : IRunWatcher
{
    private readonly Dictionary<(int Shard, string Type), long> _messages = [];
    private readonly long[] _signatures = new long[plan.Shards];
    private readonly TimeSpan?[] _lastCommit = new TimeSpan?[plan.Shards];
    private readonly int[] _keys = [.. Enumerable.Range(0, plan.Shards).Select(s => plan.NodesOf(s).Sum(n => n.Keys))];
    private readonly ConsensusSpans _spans = new();

    public void Stepped(RunProgress progress, IReadOnlyList<ShardRecords> records, IReadOnlyList<ShardCounters> counters)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(counters);
        foreach (var r in records) Record(r);
        foreach (var c in counters) Record(c);
        foreach (var s in progress.Shards)
        {
            var shard = Shard(s.Shard);
            HarmonySimMeter.Height.Record((long)s.Height, shard);
            HarmonySimMeter.Epoch.Record((long)s.EpochsCompleted, shard);
        }
        HarmonySimMeter.SimulatedTime.Record(progress.Now.TotalSeconds);
        HarmonySimMeter.Steps.Add(1);
    }

    public void Finished(TimeSpan simulatedTime, string digest, bool interrupted) => HarmonySimMeter.SimulatedTime.Record(simulatedTime.TotalSeconds);

    private void Record(ShardRecords records)
    {
        var shard = Shard(records.Shard);
        foreach (var c in records.Commits)
        {
            HarmonySimMeter.BlocksCommitted.Add(1, shard);
            HarmonySimMeter.Finality.Record((c.CommittedAt - c.ProposedAt).TotalSeconds, shard);
            if (_lastCommit[records.Shard] is { } previous) HarmonySimMeter.BlockInterval.Record((c.CommittedAt - previous).TotalSeconds, shard);
            _lastCommit[records.Shard] = c.CommittedAt;
            var keys = _keys[records.Shard];
            if (keys > 0)
            {
                var signing = Math.Min(1.0, (double)c.Signers / keys);
                HarmonySimMeter.SigningPower.Record(signing, shard);
                HarmonySimMeter.MissingPower.Record(1 - signing, shard);
            }
            _spans.Round(records.Shard, c);
        }
        foreach (var e in records.Events)
        {
            switch (e.Kind)
            {
                case "new_view": HarmonySimMeter.ViewChanges.Add(1, shard); break;
                case "slashed": HarmonySimMeter.Slashes.Add(1, shard); break;
                case "jailed": HarmonySimMeter.Jails.Add(1, shard); break;
                case "fault":
                    var kind = e.Fields.FirstOrDefault(f => f.Key == "fault").Value ?? "?";
                    HarmonySimMeter.Faults.Add(1, shard, new KeyValuePair<string, object?>("kind", kind));
                    break;
            }
        }
        if (records.Transactions is { } load)
        {
            foreach (var block in load.Blocks)
            {
                HarmonySimMeter.TransactionsCommitted.Add(block.LoadTransactions, shard);
                HarmonySimMeter.MempoolDepth.Record(block.MempoolDepth, shard);
                foreach (var micros in block.FinalityMicros) HarmonySimMeter.TransactionLatency.Record(micros / 1e6, shard);
            }
        }
    }

    private void Record(ShardCounters counters)
    {
        var shard = Shard(counters.Shard);
        foreach (var (type, total) in counters.MessagesByType)
        {
            var key = (counters.Shard, type);
            var added = total - _messages.GetValueOrDefault(key);
            _messages[key] = total;
            if (added > 0) HarmonySimMeter.ConsensusMessages.Add(added, shard, new KeyValuePair<string, object?>("type", type));
        }
        var signatures = counters.SignaturesVerified - _signatures[counters.Shard];
        _signatures[counters.Shard] = counters.SignaturesVerified;
        if (signatures > 0) HarmonySimMeter.SignaturesVerified.Add(signatures, shard);
    }

    private static KeyValuePair<string, object?> Shard(int shard) => new("shard", shard);
}
