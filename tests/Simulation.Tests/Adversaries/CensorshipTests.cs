using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Adversaries;

/// <summary>
/// Censorship (issue 13): a leader leaves chosen senders' transactions out of its blocks. The protocol has no rule
/// against it; its answer is the rotation: the censored transactions wait in every pool and get in as soon as an
/// honest leader proposes. Four nodes, the leader rotating every two blocks, node 0 censoring half the load's senders.
/// </summary>
[TestClass]
public sealed class CensorshipTests
{
    public TestContext TestContext { get; set; } = null!;

    private static LoadPlan Load() =>
        new([new LoadSourcePlan("load", RateCurve.Constant(20), new LoadMixPlan(0, 0), new LoadAccountsPlan(40, 1_000m, 0), [0], ArrivalProcess.Uniform)])
        {
            Signing = TransactionSigning.Simulated,
        };

    private static PlanBuilder Rotating() =>
        new PlanBuilder().WithDuration(60).WithLoad(Load()).WithTiming(t => t with { RotateAfterBlocks = 2 });

    private static (ShardRun Run, LocalRun Local) Run(PlanBuilder builder)
    {
        var local = new LocalRun(builder.Build());
        local.RunToEnd();
        return (ShardRun.Of(local), local);
    }

    private static long[] Inclusion(LocalRun run) => [.. run.Recorded(0).Transactions!.Blocks.SelectMany(b => b.InclusionMicros).Order()];

    [TestMethod]
    public void A_censoring_leader_delays_its_victims_until_an_honest_leader_proposes()
    {
        var (honest, honestRun) = Run(Rotating());
        var (censored, censoredRun) = Run(Rotating().WithCensor(0, new CensorPlan(["load"], 0.5)));
        Assert.IsNull(honest.Result.Censorship, "no censor, no account");
        var c = censored.Result.Censorship!;
        TestContext.WriteLine($"censored {c.CensoredTransactions} (omissions {c.Omissions}), included later {c.IncludedLater}, extra latency mean {c.MeanExtraLatencyS} s, max {c.MaxExtraLatencyS} s");
        Assert.IsGreaterThan(50, c.CensoredTransactions, "node 0 leads a third of the time and half the senders are its victims");
        Assert.IsGreaterThanOrEqualTo(c.CensoredTransactions - 20, c.IncludedLater, "all but the last few get in under the next leader");
        Assert.IsGreaterThan(0.0, c.MeanExtraLatencyS);
        Assert.IsLessThanOrEqualTo(8.0, c.MaxExtraLatencyS, "no longer than one censor's turn (two blocks) and a little: the next leader takes them");
        Assert.AreEqual(0, censored.ViewChanges, "a censor does not stall consensus: nothing for a view change to answer");
        Assert.IsEmpty(censored.SafetyViolations);
        var (h, x) = (Inclusion(honestRun), Inclusion(censoredRun));
        Assert.IsGreaterThan(h[h.Length * 95 / 100], x[x.Length * 95 / 100], "the censored senders' wait shows in the load's inclusion latency");
    }

    [TestMethod]
    public void Without_rotation_a_censor_that_keeps_the_lead_shuts_its_victims_out_until_it_stops()
    {
        var load = Load();
        var (run, _) = Run(new PlanBuilder().WithDuration(60).WithLoad(load).WithCensor(0, new CensorPlan([], 0.25), until: TimeSpan.FromSeconds(30)));
        var c = run.Result.Censorship!;
        TestContext.WriteLine($"censored {c.CensoredTransactions}, included later {c.IncludedLater}, extra latency mean {c.MeanExtraLatencyS} s, max {c.MaxExtraLatencyS} s");
        Assert.IsGreaterThan(100, c.CensoredTransactions, "a quarter of 20 tx/s for 30 s");
        Assert.AreEqual(c.CensoredTransactions, c.IncludedLater, "every one gets in once the behaviour ends at 30 s");
        Assert.IsGreaterThan(10.0, c.MaxExtraLatencyS, "the first victims waited most of the 30 s");
        Assert.AreEqual(0, run.ViewChanges);
    }
}
