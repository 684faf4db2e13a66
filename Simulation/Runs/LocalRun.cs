using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Runs;

/// <summary>
/// A whole run in this process, with no silo: every shard's network stepped by the same window protocol the
/// simulation grain uses. The kernel's tests run plans through it; a run gives the same result here as on silos.
/// </summary>
public sealed class LocalRun : IDisposable
{
    private readonly ShardNetwork[] _networks;
    private readonly RunDriver _driver;

    public LocalRun(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        var context = new RunContext(plan);
        _networks = [.. Enumerable.Range(0, plan.Shards).Select(s => new ShardNetwork(context, s))];
        foreach (var network in _networks) network.Start();
        _driver = new RunDriver([.. _networks.Select(n => new LocalShard(n))], ShardNetwork.Lookahead(plan), plan.Duration);
    }

    public RunPlan Plan { get; }
    public IReadOnlyList<ShardNetwork> Networks => _networks;

    public IReadOnlyList<ShardProgress> AdvanceTo(TimeSpan until) => _driver.AdvanceTo(until).GetAwaiter().GetResult();

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
