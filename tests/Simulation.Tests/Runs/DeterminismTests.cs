using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Runs;

/// <summary>A run depends on nothing but its plan: not on the run before it, nor on how its host slices virtual time.</summary>
[TestClass]
public sealed class DeterminismTests
{
    private static RunPlan Faulty(ulong seed = 3) => new PlanBuilder()
        .WithSeed(seed)
        .WithNodes(7)
        .WithLatency(5, 40, jitterMs: 30, loss: 0.02)
        .WithFault(6, FaultKind.Crash, 6)
        .WithIsolateLeader(9, TimeSpan.FromSeconds(10))
        .WithFault(22, FaultKind.Restart, 6)
        .WithDuration(40)
        .Build();

    private static RunPlan TwoShardStaking(ulong seed = 5) => new PlanBuilder()
        .WithSeed(seed)
        .WithShards(2)
        .WithNodes(4)
        .WithStaking(harmonyPerShard: 1, blocksPerEpoch: 6)
        .WithTransfers((3, "alice", "bob", 10), (5, "bob", "alice", 5), (11, "alice", "bob", 1))
        .WithLatency(5, 40, jitterMs: 20)
        .WithDuration(30)
        .Build();

    private static readonly Dictionary<string, Func<RunPlan>> ByName = new()
    {
        ["one shard with faults and loss"] = () => Faulty(),
        ["two staking shards with transfers"] = () => TwoShardStaking(),
    };

    public static IEnumerable<string> Plans => ByName.Keys;

    [TestMethod]
    [DynamicData(nameof(Plans))]
    public void The_same_plan_run_twice_gives_the_same_trace_commits_and_events(string name)
    {
        var plan = ByName[name]();
        var first = RunFingerprint.Run(plan);
        var second = RunFingerprint.Run(plan);
        Assert.IsTrue(first.Count(l => l.Contains(" commit ", StringComparison.Ordinal)) > 5, $"{name}: too few commits to compare");
        CollectionAssert.AreEqual(first.ToList(), second.ToList(), name);
    }

    [TestMethod]
    [DynamicData(nameof(Plans))]
    public void Another_seed_gives_another_delivery_trace(string name)
    {
        var plan = ByName[name]();
        var other = plan with { Seed = plan.Seed + 1 };
        using var a = new LocalRun(plan);
        using var b = new LocalRun(other);
        var traces = a.RunToEnd().Shards.Zip(b.RunToEnd().Shards, (x, y) => (x.DeliveryTraceHash, y.DeliveryTraceHash)).ToList();
        Assert.IsTrue(traces.All(t => t.Item1 != t.Item2), $"{name}: a shard's trace did not change with the seed");
    }

    [TestMethod]
    [DynamicData(nameof(Plans))]
    public void Advancing_in_small_or_large_steps_gives_the_same_result_as_one_call(string name)
    {
        var plan = ByName[name]();
        var whole = RunFingerprint.Run(plan);
        foreach (var step in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(7), TimeSpan.FromMilliseconds(333) })
        {
            using var run = new LocalRun(plan);
            for (var t = step; t < plan.Duration; t += step) run.AdvanceTo(t);
            run.AdvanceTo(plan.Duration);
            CollectionAssert.AreEqual(whole.ToList(), RunFingerprint.Of(run).ToList(), $"{name}: steps of {step}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Plans))]
    public void Windows_shorter_than_the_lookahead_give_the_same_result(string name)
    {
        var plan = ByName[name]();
        var whole = RunFingerprint.Run(plan);
        var lookahead = ShardNetwork.Lookahead(plan);
        foreach (var window in new[] { lookahead / 2, TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(1) })
            CollectionAssert.AreEqual(whole.ToList(), RunWithWindow(plan, window).ToList(), $"{name}: windows of {window}");
    }

    [TestMethod]
    public void Advancing_to_a_time_already_passed_changes_nothing()
    {
        var plan = Faulty();
        using var run = new LocalRun(plan);
        run.AdvanceTo(TimeSpan.FromSeconds(20));
        run.AdvanceTo(TimeSpan.FromSeconds(10));
        run.AdvanceTo(TimeSpan.FromSeconds(20));
        run.AdvanceTo(plan.Duration);
        CollectionAssert.AreEqual(RunFingerprint.Run(plan).ToList(), RunFingerprint.Of(run).ToList());
    }

    /// <summary>The plan run by the window protocol with another window length than the plan's lookahead.</summary>
    private static IReadOnlyList<string> RunWithWindow(RunPlan plan, TimeSpan window)
    {
        var context = new RunContext(plan);
        var networks = Enumerable.Range(0, plan.Shards).Select(s => new ShardNetwork(context, s)).ToList();
        try
        {
            foreach (var n in networks) n.Start();
            var driver = new RunDriver([.. networks.Select(n => new LocalShard(n))], window, plan.Duration);
            driver.AdvanceTo(plan.Duration).GetAwaiter().GetResult();
            return RunFingerprint.Of(new RunResult(driver.Now, [.. networks.Select(n => n.Result())]), s => networks[s].TakeRecords());
        }
        finally
        {
            foreach (var n in networks) n.Dispose();
        }
    }
}
