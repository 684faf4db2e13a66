using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Runs;

/// <summary>
/// A whole run in this process, with no silo: every shard's network stepped by the same window protocol the
/// simulation grain uses. The kernel's tests run plans through it; a run gives the same result here as on silos.
/// It keeps every shard's records in memory (<see cref="Recorded"/>): it serves tests and benchmarks, not long runs.
/// </summary>
public sealed class LocalRun : IDisposable
{
    private readonly ShardNetwork[] _networks;
    private readonly RunDriver _driver;
    private readonly (List<CommitRecord> Commits, List<TimeSpan> ViewChanges, List<LoggedEvent> Events)[] _recorded;

    public LocalRun(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        var context = new RunContext(plan);
        _networks = [.. Enumerable.Range(0, plan.Shards).Select(s => new ShardNetwork(context, s))];
        foreach (var network in _networks) network.Start();
        _recorded = [.. _networks.Select(_ => (new List<CommitRecord>(), new List<TimeSpan>(), new List<LoggedEvent>()))];
        _driver = new RunDriver([.. _networks.Select(n => new LocalShard(n))], ShardNetwork.Lookahead(plan), plan.Duration);
    }

    public RunPlan Plan { get; }
    public IReadOnlyList<ShardNetwork> Networks => _networks;

    public IReadOnlyList<ShardProgress> AdvanceTo(TimeSpan until)
    {
        var progress = _driver.AdvanceTo(until).GetAwaiter().GetResult();
        Keep();
        return progress;
    }

    /// <summary>Everything shard <paramref name="shard"/> recorded so far: its commits, view-change times and log lines.</summary>
    public ShardRecords Recorded(int shard)
    {
        Keep();
        var (commits, viewChanges, events) = _recorded[shard];
        return new ShardRecords(shard, [.. commits], [.. viewChanges], [.. events]);
    }

    private void Keep()
    {
        for (var s = 0; s < _networks.Length; s++)
        {
            var taken = _networks[s].TakeRecords();
            _recorded[s].Commits.AddRange(taken.Commits);
            _recorded[s].ViewChanges.AddRange(taken.ViewChangeTimes);
            _recorded[s].Events.AddRange(taken.Events);
        }
    }

    /// <summary>Runs to the end of the plan's duration and returns the result.</summary>
    public RunResult RunToEnd()
    {
        AdvanceTo(Plan.Duration);
        return Result();
    }

    public RunResult Result() => new(_driver.Now, [.. _networks.Select(n => n.Result())]);

    public void Dispose()
    {
        foreach (var n in _networks) n.Dispose();
    }
}
