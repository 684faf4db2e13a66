using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Load;

/// <summary>
/// The throughput scenarios end to end through the runner: the ramp finds the 80 M gas ceiling (3,809 transfers per
/// 2 s block per shard) within 5 % and the report says so; pre-signed and as-sent real signatures give the very same
/// run; a run reports its load in report.json and report.md.
/// </summary>
[TestClass]
public sealed class ThroughputScenarioTests
{
    private static RunPlan Plan(string name, Func<Silo.Scenarios.Model.Scenario, Silo.Scenarios.Model.Scenario>? change = null)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");
        return RunPlanBuilder.Build(change is null ? scenario : change(scenario), $"{name}-{Guid.NewGuid():N}");
    }

    [TestMethod]
    public async Task The_ramp_saturates_at_the_gas_ceiling_and_the_report_says_so()
    {
        var outcome = await new Runner(1).RunAsync(Plan("throughput-ramp"));
        var saturation = outcome.Report.Transactions.Load!.Saturation!;
        var point = saturation.Network!;
        const double ceilingPerBlock = 80_000_000 / 21_000; // 3,809 whole transfers
        var perBlockPerShard = point.AchievedTps * 2 / 4;
        Assert.IsLessThan(0.05, Math.Abs(perBlockPerShard - ceilingPerBlock) / ceilingPerBlock,
            $"saturation {point.AchievedTps} tx/s = {perBlockPerShard:0} transfers per block per shard against {ceilingPerBlock}");
        Assert.IsTrue(saturation.Steps.Any(s => !s.Holds && s.OfferedTps > point.OfferedTps), "a step above the point fails");
        Assert.IsTrue(saturation.Shards.All(s => s.Point is not null));
        var markdown = RunFolder.Markdown(outcome.Report, []);
        StringAssert.Contains(markdown, "of the gas ceiling");
        StringAssert.Contains(markdown, $"saturates at the step offering {point.OfferedTps:0.##} tx/s");
    }

    [TestMethod]
    public async Task Pre_signed_load_is_the_same_run_as_load_signed_as_sent()
    {
        // throughput-steady signs for real as it sends; the same run with every transaction signed beforehand.
        var asSent = await new Runner(1).RunAsync(Plan("throughput-steady"));
        var preSigned = await new Runner(1).RunAsync(Plan("throughput-steady", s => s with { Load = s.Load! with { Signing = TransactionSigning.PreSigned } }));
        Assert.AreEqual(TransactionSigning.Real, asSent.Result.Plan.Load!.Signing);
        Assert.AreEqual(asSent.Digest, preSigned.Digest);
        Assert.AreEqual("presigned", preSigned.Report.Transactions.Load!.Signing);
        Assert.IsGreaterThan(0L, asSent.Report.Transactions.Load!.Finalised);
    }

    [TestMethod]
    public async Task A_burst_overflows_the_pools_and_every_transaction_is_accounted_for()
    {
        var outcome = await new Runner(1).RunAsync(Plan("throughput-burst"));
        var load = outcome.Report.Transactions.Load!;
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.AreEqual(load.Offered, load.Rejected + load.Evicted + load.Finalised + load.Pending);
        Assert.IsGreaterThan(0L, load.RejectedByReason.GetValueOrDefault("pool_full"), "the burst fills the pools");
        Assert.IsGreaterThan(0L, load.Blocks.Full, "and the blocks");
        Assert.AreEqual(0L, load.Late, "open loop in virtual time: nothing late");
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "transactions_accounted").Passed);
    }
}
