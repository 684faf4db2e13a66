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
    private readonly (List<SubmissionSecond> Seconds, List<BlockTransactions> Blocks, List<CreditBatch> Credits)[] _transactions;

    public LocalRun(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        var context = new RunContext(plan);
        _networks = [.. Enumerable.Range(0, plan.Shards).Select(s => new ShardNetwork(context, s))];
        foreach (var network in _networks) network.Start();
        _recorded = [.. _networks.Select(_ => (new List<CommitRecord>(), new List<TimeSpan>(), new List<LoggedEvent>()))];
        _transactions = [.. _networks.Select(_ => (new List<SubmissionSecond>(), new List<BlockTransactions>(), new List<CreditBatch>()))];
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
        var (seconds, blocks, credits) = _transactions[shard];
        return new ShardRecords(shard, [.. commits], [.. viewChanges], [.. events])
        {
            Transactions = Plan.Load is null ? null : new TransactionRecords([.. seconds], [.. blocks], [.. credits]),
        };
    }

    private void Keep()
    {
        for (var s = 0; s < _networks.Length; s++)
        {
            var taken = _networks[s].TakeRecords();
            _recorded[s].Commits.AddRange(taken.Commits);
            _recorded[s].ViewChanges.AddRange(taken.ViewChangeTimes);
            _recorded[s].Events.AddRange(taken.Events);
            if (taken.Transactions is not { } t) continue;
            _transactions[s].Seconds.AddRange(t.Seconds);
            _transactions[s].Blocks.AddRange(t.Blocks);
            _transactions[s].Credits.AddRange(t.Credits);
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
