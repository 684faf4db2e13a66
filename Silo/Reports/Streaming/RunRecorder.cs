using HarmonySim.Silo.Reports.Load;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// Takes a run's records step by step as the shards hand them over: writes the event log and blocks.csv to the run's
/// output and folds each shard's commits into its <see cref="ShardTally"/>. Nothing it keeps grows with the run's
/// length, so a run ten times longer needs no more memory.
/// </summary>
public sealed class RunRecorder
{
    private readonly RunOutput _output;
    private readonly EventLogWriter _events;
    private readonly ShardTally[] _tallies;
    private readonly LoadTally[] _load;

    public RunRecorder(RunPlan plan, RunOutput output)
    {
        _output = output;
        _events = new EventLogWriter(output.Events);
        _tallies = [.. Enumerable.Range(0, plan.Shards).Select(s => new ShardTally(s, plan.Checks, plan.Adversaries))];
        var steps = plan.Load is { } load ? LoadSteps.Of(load, plan.Duration) : [];
        _load = plan.Load is null ? [] : [.. Enumerable.Range(0, plan.Shards).Select(s => new LoadTally(s, steps, LoadReport.Window))];
    }

    public IReadOnlyList<ShardTally> Tallies => _tallies;

    public IReadOnlyList<LoadTally> LoadTallies => _load;

    /// <summary>One step's records, every shard's, taken after the run reached <paramref name="through"/>.</summary>
    public void Add(IReadOnlyList<ShardRecords> step, TimeSpan through)
    {
        foreach (var records in step)
        {
            _tallies[records.Shard].Add(records);
            if (records.Transactions is { } transactions && _load.Length > 0) _load[records.Shard].Add(transactions);
            // A block's load record is taken in the same step as its commit (both are made when it commits).
            Dictionary<ulong, int>? carried = null;
            if (records.Transactions is { } load)
            {
                carried = [];
                foreach (var b in load.Blocks) carried[b.Height] = b.LoadTransactions;
            }
            foreach (var c in records.Commits)
            {
                int? carriedHere = carried is not null && carried.TryGetValue(c.Height, out var n) ? n : null;
                _output.Blocks.Write(BlockLog.Row(records.Shard, c, carriedHere));
                _output.Blocks.Write('\n');
            }
        }
        _events.Add(step, through);
    }

    /// <summary>Closes the logs at the run's end and returns the digest of the event log.</summary>
    public string Finish(RunResult result)
    {
        foreach (var tally in _tallies) tally.Finish(result.SimulatedTime);
        foreach (var tally in _load) tally.Finish(result.SimulatedTime);
        var digest = _events.Finish(result.SimulatedTime, result.Shards);
        _output.Flush();
        return digest;
    }
}
