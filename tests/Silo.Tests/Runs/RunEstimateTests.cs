using HarmonySim.Protocol.Crypto;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Runs;

[TestClass]
public sealed class RunEstimateTests
{
    private const double MiB = 1024 * 1024;
    private const double GiB = 1024 * MiB;

    private static readonly MachineLimits Roomy = new(16 * GiB, 50 * GiB, MachineLimits.DefaultWallCeiling);

    private static Scenario Bundled(string name) =>
        ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");

    private static RunPlan Plan(string name) => RunPlanBuilder.Build(Bundled(name), name);

    private static RunPlan Lasting(RunPlan plan, TimeSpan duration) => plan with { Length = new RunLength(duration) };

    [TestMethod]
    public void Quickstart_is_30_blocks_each_delivered_six_times_to_each_of_its_16_nodes()
    {
        var e = RunEstimate.Of(Plan("quickstart"));
        Assert.AreEqual(30, e.Blocks, 1e-9);
        Assert.AreEqual(30 * 6 * 16, e.Deliveries, 1e-9);
        Assert.AreEqual(16L, e.Keys);
        Assert.AreEqual("duration.time", e.DurationField);
        Assert.AreEqual("network.slots_per_shard", e.SizeField);
        Assert.IsEmpty(RunLimitCheck.Refusals(e, Roomy));
    }

    [TestMethod]
    public void A_run_counted_in_blocks_or_epochs_is_estimated_by_its_count_not_by_its_cap()
    {
        var quickstart = Bundled("quickstart");
        var blocks = RunEstimate.Of(RunPlanBuilder.Build(quickstart with { Duration = DurationSpec.ForBlocks(100) }, "blocks"));
        Assert.AreEqual(100, blocks.BlocksPerShard, 1e-9);
        Assert.AreEqual("duration.blocks", blocks.DurationField);

        var staking = Bundled("staking-epochs");
        var epochs = RunEstimate.Of(RunPlanBuilder.Build(staking, "epochs"));
        Assert.AreEqual((double)staking.Duration.Count!.Value * staking.Network.BlocksPerEpoch, epochs.BlocksPerShard, 1e-9);
        Assert.AreEqual("duration.epochs", epochs.DurationField);
    }

    [TestMethod]
    public void Twice_the_duration_is_twice_the_deliveries_and_output_but_the_same_size_memory()
    {
        var plan = Plan("mainnet-2020");
        var once = RunEstimate.Of(plan);
        var twice = RunEstimate.Of(Lasting(plan, plan.Duration * 2));
        Assert.AreEqual(2 * once.Deliveries, twice.Deliveries, 1e-6);
        Assert.AreEqual(2 * once.Blocks, twice.Blocks, 1e-6);
        Assert.IsGreaterThan(once.OutputBytes, twice.OutputBytes);
        Assert.AreEqual(once.SizeMemoryBytes, twice.SizeMemoryBytes);
    }

    [TestMethod]
    public void Real_BLS_needs_more_memory_and_far_more_time_than_the_simulated_scheme()
    {
        var simulated = Plan("mainnet-2020");
        var bls = simulated with { Consensus = simulated.Consensus with { Scheme = SignatureSchemeKind.Bls } };
        var s = RunEstimate.Of(simulated);
        var b = RunEstimate.Of(bls);
        Assert.AreEqual(s.Deliveries, b.Deliveries);
        Assert.IsGreaterThan(s.MemoryBytes, b.MemoryBytes);
        Assert.IsGreaterThan(10 * s.WallSeconds, b.WallSeconds);
    }

    /// <summary>
    /// The estimate is meant to be conservative: it stays at or above every peak memory and whole-command wall time
    /// measured for bench/RESULTS.md ("Run estimates"). Lowering a constant without re-measuring fails here.
    /// </summary>
    [TestMethod]
    [DataRow("quickstart", null, 132.3, 5.12)]
    [DataRow("mainnet-2020", null, 192.6, 5.65)]
    [DataRow("mainnet-2020", 1800, 194.7, 41.0)]
    [DataRow("scale-10k", null, 293.3, 12.91)]
    [DataRow("scale-10k", 300, 346.3, 40.92)]
    [DataRow("scale-100k", null, 1096.1, 123.7)]
    public void The_estimate_stays_above_what_was_measured(string name, int? seconds, double peakMiB, double wallSeconds)
    {
        var plan = Plan(name);
        var e = RunEstimate.Of(seconds is { } s ? Lasting(plan, TimeSpan.FromSeconds(s)) : plan);
        Assert.IsGreaterThanOrEqualTo(peakMiB * MiB, e.MemoryBytes);
        Assert.IsGreaterThanOrEqualTo(wallSeconds, e.WallSeconds);
    }

    [TestMethod]
    public void The_estimate_stays_above_what_was_measured_for_mainnet_2020_with_real_BLS()
    {
        var plan = Plan("mainnet-2020");
        var bls = Lasting(plan with { Consensus = plan.Consensus with { Scheme = SignatureSchemeKind.Bls } }, TimeSpan.FromSeconds(60));
        var e = RunEstimate.Of(bls);
        Assert.IsGreaterThanOrEqualTo(220.2 * MiB, e.MemoryBytes);
        Assert.IsGreaterThanOrEqualTo(155.0, e.WallSeconds);
    }

    [TestMethod]
    public void Too_long_a_run_is_blamed_on_its_duration_with_the_estimate_and_the_limit()
    {
        var plan = Plan("mainnet-2020");
        var e = RunEstimate.Of(Lasting(plan, TimeSpan.FromHours(100_000)));
        var refusals = RunLimitCheck.Refusals(e, Roomy);
        Assert.HasCount(3, refusals);
        Assert.IsTrue(refusals.All(r => r.StartsWith("duration.time: ", StringComparison.Ordinal)), string.Join("\n", refusals));
        StringAssert.Contains(refusals[0], "of memory");
        StringAssert.Contains(refusals[0], "this machine has 16 GiB available");
        StringAssert.Contains(refusals[1], "the output drive has 50 GiB free");
        StringAssert.Contains(refusals[2], "the limit is 7 days");
        StringAssert.Contains(refusals[2], "days on this machine");
    }

    [TestMethod]
    public void Too_big_a_network_is_blamed_on_its_slots_even_for_a_short_run()
    {
        var e = RunEstimate.Of(Plan("scale-100k"));
        var small = new MachineLimits(1 * GiB, 50 * GiB, TimeSpan.FromSeconds(30));
        var refusals = RunLimitCheck.Refusals(e, small);
        Assert.HasCount(2, refusals);
        Assert.IsTrue(refusals.All(r => r.StartsWith("network.slots_per_shard: ", StringComparison.Ordinal)), string.Join("\n", refusals));
        StringAssert.Contains(refusals[0], "this machine has 1 GiB available");
        StringAssert.Contains(refusals[1], "the limit is 30 s");
    }

    [TestMethod]
    public void Unknown_free_disk_refuses_nothing_and_reads_as_unknown()
    {
        var e = RunEstimate.Of(Lasting(Plan("quickstart"), TimeSpan.FromHours(100_000)));
        var unknownDisk = new MachineLimits(1e15, null, TimeSpan.FromDays(3650));
        Assert.IsEmpty(RunLimitCheck.Refusals(e, unknownDisk));
        StringAssert.Contains(EstimateText.Line(e, unknownDisk), "unknown free disk");
    }

    [TestMethod]
    public void This_machines_limits_are_read_from_the_runtime_and_the_drive()
    {
        var limits = MachineLimits.Read(Path.GetTempPath());
        Assert.IsGreaterThan(0.0, limits.MemoryBytes);
        Assert.IsNotNull(limits.FreeDiskBytes);
        Assert.IsGreaterThan(0.0, limits.FreeDiskBytes.Value);
        Assert.AreEqual(TimeSpan.FromDays(7), limits.WallCeiling);
    }

    [TestMethod]
    [DataRow(200, 1)]
    [DataRow(22, 1000)]
    public void More_keys_than_the_plan_can_hold_are_refused_naming_the_cohorts_not_an_overflow(int cohorts, int keysPerNode)
    {
        var quickstart = Bundled("quickstart");
        var many = quickstart with
        {
            Cohorts = [.. Enumerable.Range(0, cohorts).Select(i => quickstart.Cohorts[1] with { Name = $"c{i}", Validators = 100_000, KeysPerNode = keysPerNode })],
        };
        var refused = Assert.ThrowsExactly<ScenarioNotRunnableException>(() => RunPlanBuilder.Build(many, "many"));
        StringAssert.StartsWith(refused.Reasons.Single(), "cohorts: ");
        StringAssert.Contains(refused.Reasons.Single(), "at most 16,000,000");
    }

    [TestMethod]
    public void Figures_read_in_units_a_person_compares()
    {
        Assert.AreEqual("2,880", EstimateText.Count(2880));
        Assert.AreEqual("17.3 billion", EstimateText.Count(17.28e9));
        Assert.AreEqual("1.5 GiB", EstimateText.Bytes(1.5 * GiB));
        Assert.AreEqual("47 s", EstimateText.Seconds(47));
        Assert.AreEqual("3.3 days", EstimateText.Seconds(3.3 * 86_400));
        Assert.AreEqual("11.4 years", EstimateText.Seconds(360_000_000));
    }
}
