using System.Text.Json;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>The <c>load</c> section (docs/SCENARIOS.md): what it reads, its defaults, its plan, and every input it refuses.</summary>
[TestClass]
public sealed class LoadScenarioTests
{
    private const string File = "scenarios/x.yaml";

    /// <summary>A valid scenario giving every load field and every rate shape; each row below breaks one line of it.</summary>
    internal static readonly string Valid = string.Join('\n',
        "description: test",                 // 1
        "network:",                          // 2
        "  shards: 2",                       // 3
        "  slots_per_shard: 4",              // 4
        "  harmony_slots_per_shard: 4",      // 5
        "cohorts:",                          // 6
        "  - name: harmony",                 // 7
        "    validators: 8",                 // 8
        "    harmony_operated: true",        // 9
        "duration:",                         // 10
        "  time: 2m",                        // 11
        "load:",                             // 12
        "  block_gas_limit: 40_000_000",     // 13
        "  signing: simulated",              // 14
        "  mempool: { capacity: 5000, min_gas_price_gwei: 50, price_bump: 10% }", // 15
        "  saturation: { p99_finality: 6s }", // 16
        "  sources:",                        // 17
        "    - name: transfers",             // 18
        "      shards: [1, 0]",              // 19
        "      rate: 2000",                  // 20
        "      arrivals: poisson",           // 21
        "      mix: { cross_shard: 20%, staking: 0% }", // 22
        "      amount: 0.5",                 // 23
        "      gas_price_gwei: 120",         // 24
        "      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", // 25
        "    - name: ramp",                  // 26
        "      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", // 27
        "    - name: steps",                 // 28
        "      shards: [1]",                 // 29
        "      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", // 30
        "    - name: burst",                 // 31
        "      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", // 32
        "    - name: trace",                 // 33
        "      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", // 34
        "");

    private static ScenarioLoadResult Parse(string text) => ScenarioLoader.Parse(text, File);

    private static Scenario Load(string text)
    {
        var result = Parse(text);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>The base scenario with its sources replaced by <paramref name="sources"/> (lines indented as list items under <c>sources:</c>).</summary>
    private static string WithSources(string sources) => Valid[..(Valid.IndexOf("  sources:\n", StringComparison.Ordinal) + "  sources:".Length)] + sources + "\n";

    [TestMethod]
    public void Every_field_of_the_load_section_is_read()
    {
        var result = Parse(Valid);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.IsEmpty(result.Warnings, string.Join(Environment.NewLine, result.Warnings));
        var load = result.Scenario!.Load!;
        Assert.AreEqual(40_000_000UL, load.BlockGasLimit);
        Assert.AreEqual(TransactionSigning.Simulated, load.Signing);
        Assert.AreEqual(new LoadMempoolSpec { Capacity = 5000, MinGasPrice = 50_000_000_000, PriceBumpPercent = 10 }, load.Mempool);
        Assert.AreEqual(TimeSpan.FromSeconds(6), load.SaturationFinalityBound);
        CollectionAssert.AreEqual(new[] { "transfers", "ramp", "steps", "burst", "trace" }, load.Sources.Select(s => s.Name).ToArray());

        var t = load.Sources[0];
        CollectionAssert.AreEqual(new[] { 1, 0 }, t.Shards.ToArray(), "the shards keep the file's order");
        Assert.AreEqual(new ConstantRate(2000), t.Rate);
        Assert.AreEqual(ArrivalProcess.Poisson, t.Arrivals);
        Assert.AreEqual(new LoadMixSpec { CrossShard = 0.2m, Staking = 0m }, t.Mix);
        Assert.AreEqual(0.5m, t.Amount);
        Assert.AreEqual(120_000_000_000UL, t.GasPrice);
        Assert.AreEqual(new LoadAccountsSpec { Count = 500, Funding = 10, HotSkew = 1.2 }, t.Accounts);

        Assert.AreEqual(new RampRate(100, 800, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)), load.Sources[1].Rate);
        Assert.AreEqual(new StepsRate(100, 400, 100, TimeSpan.FromSeconds(20), TimeSpan.Zero), load.Sources[2].Rate);
        CollectionAssert.AreEqual(new[] { 1 }, load.Sources[2].Shards.ToArray());
        Assert.AreEqual(new BurstRate(50, 500, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.Zero), load.Sources[3].Rate);
        CollectionAssert.AreEqual(new[] { new TraceEntry(TimeSpan.Zero, 100), new TraceEntry(TimeSpan.FromSeconds(10), 250), new TraceEntry(TimeSpan.FromSeconds(20), 50) },
            ((TraceRate)load.Sources[4].Rate).Entries.ToArray());
    }

    [TestMethod]
    public void A_minimal_source_takes_harmonys_defaults_and_every_shard()
    {
        var load = Load(Valid[..Valid.IndexOf("load:\n", StringComparison.Ordinal)] + "load:\n  sources: [{ name: a, rate: 10 }]\n").Load!;
        Assert.AreEqual(80_000_000UL, load.BlockGasLimit);
        Assert.AreEqual(TransactionSigning.Real, load.Signing);
        Assert.AreEqual(new LoadMempoolSpec { Capacity = 9_216, MinGasPrice = 100_000_000_000, PriceBumpPercent = 1 }, load.Mempool);
        Assert.IsNull(load.SaturationFinalityBound);
        var s = load.Sources.Single();
        CollectionAssert.AreEqual(new[] { 0, 1 }, s.Shards.ToArray());
        Assert.AreEqual(ArrivalProcess.Uniform, s.Arrivals);
        Assert.AreEqual(new LoadMixSpec(), s.Mix);
        Assert.AreEqual(0.001m, s.Amount);
        Assert.AreEqual(100_000_000_000UL, s.GasPrice);
        Assert.AreEqual(new LoadAccountsSpec { Count = 1_000, Funding = 1_000, HotSkew = 0 }, s.Accounts);
    }

    [TestMethod]
    public void A_scenario_without_a_load_section_has_no_load_and_no_load_plan()
    {
        var s = Load(Valid[..Valid.IndexOf("load:\n", StringComparison.Ordinal)]);
        Assert.IsNull(s.Load);
        Assert.IsNull(RunPlanBuilder.Build(s, "x").Load);
    }

    [TestMethod]
    public void The_plan_carries_every_load_setting_with_each_rate_resolved_over_the_run()
    {
        var plan = RunPlanBuilder.Build(Load(Valid), "x").Load!;
        Assert.AreEqual(40_000_000UL, plan.BlockGasLimit);
        Assert.AreEqual(TransactionSigning.Simulated, plan.Signing);
        Assert.AreEqual(new MempoolPlan { Capacity = 5000, MinGasPrice = 50_000_000_000, PriceBumpPercent = 10 }, plan.Mempool);
        Assert.AreEqual(TimeSpan.FromSeconds(6), plan.SaturationFinalityBound);
        var t = plan.Sources[0];
        Assert.AreEqual("transfers", t.Name);
        CollectionAssert.AreEqual(new[] { 1, 0 }, t.Shards.ToArray());
        Assert.AreEqual(ArrivalProcess.Poisson, t.Arrivals);
        Assert.AreEqual(new LoadMixPlan(0.2m, 0m) { Amount = 0.5m, GasPrice = 120_000_000_000 }, t.Mix);
        Assert.AreEqual(new LoadAccountsPlan(500, 10, 1.2), t.Accounts);
        CollectionAssert.AreEqual(new[] { new RatePoint(TimeSpan.Zero, 2000) }, t.Rate.Points.ToArray());
        // The burst is expanded over the 2-minute run: bursts at 30 s, 60 s and 90 s.
        Assert.HasCount(1 + (3 * 4), plan.Sources[3].Rate.Points);
        Assert.AreEqual(500, plan.Sources[3].Rate.At(TimeSpan.FromSeconds(92)));
        Assert.AreEqual(50, plan.Sources[3].Rate.At(TimeSpan.FromSeconds(119)));
    }

    [TestMethod]
    public void A_load_run_plan_survives_an_orleans_serialization_round_trip()
    {
        var plan = RunPlanBuilder.Build(Load(Valid), "copy");
        var copy = OrleansCopy.Of(plan);
        Assert.AreEqual(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(copy));
        Assert.HasCount(5, copy.Load!.Sources);
        Assert.AreEqual(250, copy.Load.Sources[4].Rate.At(TimeSpan.FromSeconds(15)));
    }

    [TestMethod]
    // The section.
    [DataRow("  block_gas_limit: 40_000_000", "  block_gas_limit: 20_999", "13:20: load.block_gas_limit: must be at least 21000 (one transfer's gas)", null)]
    [DataRow("  signing: simulated", "  signing: fake", "14:12: load.signing: expected one of real, presigned, simulated, got 'fake'", null)]
    [DataRow("  signing: simulated", "  signin: simulated", "14:3: load.signin: unknown field 'signin' (did you mean 'signing'?)", null)]
    [DataRow("  mempool: { capacity: 5000, min_gas_price_gwei: 50, price_bump: 10% }", "  mempool: { capacity: 0 }", "15:24: load.mempool.capacity: must be between 1 and 1000000, got 0", null)]
    [DataRow("  mempool: { capacity: 5000, min_gas_price_gwei: 50, price_bump: 10% }", "  mempool: { price_bump: 1.5% }", "15:26: load.mempool.price_bump: must be a whole percent", null)]
    [DataRow("  mempool: { capacity: 5000, min_gas_price_gwei: 50, price_bump: 10% }", "  mempool: { price_bump: 101% }", "15:26: load.mempool.price_bump: expected a share such as 68% or 0.68, got '101%', which is more than 100%", null)]
    [DataRow("  saturation: { p99_finality: 6s }", "  saturation: { p99_finality: 0s }", "16:31: load.saturation.p99_finality: must be between 1ms and 1h", null)]
    // Sources.
    [DataRow("    - name: ramp", "    - name: transfers", "26:13: load.sources[1].name: 'transfers' is already the name of the source at line 18", null)]
    [DataRow("    - name: ramp", "    - name: my ramp", "26:13: load.sources[1].name: must be letters, digits, '-' and '_'", null)]
    [DataRow("    - name: ramp", "    - shards: [0]", "26:7: load.sources[1].name: is required", null)]
    [DataRow("      rate: 2000", "      arrival_rate: 2000", "20:7: load.sources[0].arrival_rate: unknown field 'arrival_rate'", null)]
    [DataRow("      arrivals: poisson", "      arrivals: bursty", "21:17: load.sources[0].arrivals: expected one of uniform, poisson, got 'bursty'", null)]
    [DataRow("      shards: [1, 0]", "      shards: [0, 2]", "19:19: load.sources[0].shards[1]: unknown shard 2: the network has shards 0 to 1", null)]
    [DataRow("      shards: [1, 0]", "      shards: [1, 1]", "19:19: load.sources[0].shards[1]: shard 1 is listed twice", null)]
    [DataRow("      shards: [1, 0]", "      shards: []", "19:15: load.sources[0].shards: must name at least one shard", null)]
    [DataRow("      shards: [1, 0]", "      shards: [-1]", "19:16: load.sources[0].shards[0]: expected a whole number", null)]
    // Rates.
    [DataRow("      rate: 2000", "      # no rate", "18:7: load.sources[0].rate: is required", null)]
    [DataRow("      rate: 2000", "      rate: -5", "20:13: load.sources[0].rate: must not be negative, got -5", null)]
    [DataRow("      rate: 2000", "      rate: 1_000_001", "20:13: load.sources[0].rate: must be at most 1,000,000 tx/s (a source's limit), got 1_000_001", null)]
    [DataRow("      rate: 2000", "      rate: lots", "20:13: load.sources[0].rate: expected a plain number", null)]
    [DataRow("      rate: 2000", "      rate: {}", "20:13: load.sources[0].rate: give a number, or exactly one of ramp, steps, burst or trace", null)]
    [DataRow("      rate: 2000", "      rate: { ramp: { to: 1, over: 1s }, trace: { 0s: 1 } }", "20:13: load.sources[0].rate: give exactly one of ramp, steps, burst or trace; got ramp and trace", null)]
    [DataRow("      rate: 2000", "      rate: { rmap: { to: 1, over: 1s } }", "20:15: load.sources[0].rate.rmap: unknown field 'rmap' (did you mean 'ramp'?)", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { from: 100, to: 2_000_000, over: 60s } }", "27:38: load.sources[1].rate.ramp.to: must be at most 1,000,000 tx/s", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { from: -100, to: 800, over: 60s } }", "27:29: load.sources[1].rate.ramp.from: must not be negative", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { from: 100, over: 60s } }", "27:21: load.sources[1].rate.ramp.to: is required", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { to: 800, over: 0s } }", "27:38: load.sources[1].rate.ramp.over: must be between 1ms and 100000h, got 0s", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { to: 800, over: 60s, start: 2m } }", "27:50: load.sources[1].rate.ramp.start: is at or after the end of the run (duration.time is 120s), so the source would send nothing", null)]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { to: 800, over: 60s, begin: 10s } }", "27:43: load.sources[1].rate.ramp.begin: unknown field 'begin'", "accepts from, to, over, start")]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 1_500_000, by: 100, every: 20s } }", "30:39: load.sources[2].rate.steps.to: must be at most 1,000,000 tx/s", null)]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 400, by: 0, every: 20s } }", "30:48: load.sources[2].rate.steps.by: must be more than 0 tx/s", null)]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 400, by: -100, every: 20s } }", "30:48: load.sources[2].rate.steps.by: must not be negative", null)]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 400, to: 100, by: 100, every: 20s } }", "30:39: load.sources[2].rate.steps.to: must be at least from (400 tx/s), got 100", null)]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 400, by: 0.01, every: 20s } }", "30:48: load.sources[2].rate.steps.by: makes more than 10,000 steps from 100 to 400 tx/s", null)]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 400, by: 100 } }", "30:22: load.sources[2].rate.steps.every: is required", null)]
    [DataRow("      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", "      rate: { burst: { base: 50, peak: 5_000_000, every: 30s, for: 5s } }", "32:40: load.sources[3].rate.burst.peak: must be at most 1,000,000 tx/s", null)]
    [DataRow("      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", "      rate: { burst: { base: 50, peak: 40, every: 30s, for: 5s } }", "32:40: load.sources[3].rate.burst.peak: must be at least base (50 tx/s), got 40", null)]
    [DataRow("      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", "      rate: { burst: { base: 50, peak: 500, every: 30s, for: 30s } }", "32:62: load.sources[3].rate.burst.for: must be shorter than every (30s), got 30s", null)]
    [DataRow("      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", "      rate: { burst: { base: 50, peak: 500, every: 10ms, for: 5ms } }", "32:52: load.sources[3].rate.burst.every: makes 11,999 bursts in the run; at most 5,000", null)]
    [DataRow("  time: 2m", "  blocks: 60", "32:22: load.sources[3].rate.burst: needs duration.time", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 20s: 250, 10s: 50 } }", "34:43: load.sources[4].rate.trace.10s: comes after '20s' (20s) but is earlier: trace times must increase", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 10s: 250, 10000ms: 50 } }", "34:43: load.sources[4].rate.trace.10000ms: is the same time as '10s' at line 34", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 10: 250 } }", "34:33: load.sources[4].rate.trace.10: expected a duration with a unit", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 10s: -250 } }", "34:38: load.sources[4].rate.trace.10s: must not be negative", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 10s: 2_000_000 } }", "34:38: load.sources[4].rate.trace.10s: must be at most 1,000,000 tx/s", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: {} }", "34:22: load.sources[4].rate.trace: must give at least one time: rate", null)]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: [100, 250] }", "34:22: load.sources[4].rate.trace: expected a mapping of times to rates", null)]
    // Mix.
    [DataRow("      mix: { cross_shard: 20%, staking: 0% }", "      mix: { cross_shard: 120% }", "22:27: load.sources[0].mix.cross_shard: expected a share such as 68% or 0.68, got '120%', which is more than 100%", null)]
    [DataRow("      mix: { cross_shard: 20%, staking: 0% }", "      mix: { staking: -5% }", "22:23: load.sources[0].mix.staking: expected a share such as 68% or 0.68, got '-5%'", null)]
    [DataRow("      mix: { cross_shard: 20%, staking: 0% }", "      mix: { cross_shard: 60%, staking: 50% }", "22:41: load.sources[0].mix.staking: and cross_shard add up to 110%, more than 100%", null)]
    [DataRow("      mix: { cross_shard: 20%, staking: 0% }", "      mix: { staking: 5% }", "22:23: load.sources[0].mix.staking: must be 0% for now: load sources send transfers only", null)]
    // Amounts, prices, accounts.
    [DataRow("      amount: 0.5", "      amount: 0", "23:15: load.sources[0].amount: must be more than 0 ONE", null)]
    [DataRow("      gas_price_gwei: 120", "      gas_price_gwei: 40", "24:23: load.sources[0].gas_price_gwei: is 40 gwei, below load.mempool.min_gas_price_gwei (50 gwei): the pool would refuse every transaction", null)]
    [DataRow("  mempool: { capacity: 5000, min_gas_price_gwei: 50, price_bump: 10% }", "  mempool: { min_gas_price_gwei: 150 }", "26:7: load.sources[1].gas_price_gwei: is 100 gwei (the default), below load.mempool.min_gas_price_gwei (150 gwei)", null)]
    [DataRow("      gas_price_gwei: 120", "      gas_price_gwei: 0.0000000001", "24:23: load.sources[0].gas_price_gwei: is finer than 1 atto-ONE", null)]
    [DataRow("      gas_price_gwei: 120", "      gas_price_gwei: 1_000_001", "24:23: load.sources[0].gas_price_gwei: must be at most 1,000,000 gwei", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { count: 0 }", "25:26: load.sources[0].accounts.count: must be between 1 and 1000000, got 0", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { count: 1_000_001 }", "25:26: load.sources[0].accounts.count: must be between 1 and 1000000, got 1000001", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { count: 1 }", "25:26: load.sources[0].accounts.count: is 1 but the source sends on 2 shards", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { funding: 0 }", "25:28: load.sources[0].accounts.funding: cannot be funded: must be more than 0 ONE per account", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { funding: 0.5 }", "25:28: load.sources[0].accounts.funding: cannot be funded: 0.5 ONE per account is less than one transfer's cost", "0.5 + 21,000 × 120 gwei = 0.50252 ONE")]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { count: 1000, funding: 100_000_000_000 }", "18:5: load.sources: fund 100,000,004,000,000 ONE at genesis in all", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { count: 1_000_000 }", "18:5: load.sources: have 1,004,000 accounts in all; at most 1,000,000", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { hot_skew: -1 }", "25:29: load.sources[0].accounts.hot_skew: must not be negative", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { hot_skew: 11 }", "25:29: load.sources[0].accounts.hot_skew: must be at most 10, got 11", null)]
    [DataRow("      accounts: { count: 500, funding: 10, hot_skew: 1.2 }", "      accounts: { cnt: 5 }", "25:19: load.sources[0].accounts.cnt: unknown field 'cnt'", null)]
    public void A_malformed_load_line_is_reported_with_file_line_column_and_field(string line, string replacement, string expected, string? alsoContains)
    {
        Assert.AreEqual(1, Valid.Split(line + "\n").Length - 1, $"the base scenario has the line '{line}' exactly once");
        var result = Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal));
        Assert.IsFalse(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        var match = lines.FirstOrDefault(l => l.StartsWith($"{File}:{expected}", StringComparison.Ordinal));
        Assert.IsNotNull(match, $"expected an error starting '{File}:{expected}', got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        if (alsoContains is not null) StringAssert.Contains(match, alsoContains);
    }

    [TestMethod]
    [DataRow(" []", "17:12: load.sources: must name at least one source")]
    [DataRow(" {}", "17:12: load.sources: expected a list")]
    [DataRow("\n    - oops", "18:7: load.sources[0]: expected a mapping")]
    public void Sources_must_be_a_list_of_at_least_one_source(string sources, string expected)
    {
        var errors = Parse(WithSources(sources)).Errors.Select(e => e.ToString()).ToList();
        Assert.IsTrue(errors.Any(e => e.StartsWith($"{File}:{expected}", StringComparison.Ordinal)), string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void A_load_section_without_sources_is_refused()
    {
        var text = Valid[..Valid.IndexOf("load:\n", StringComparison.Ordinal)] + "load: { signing: real }\n";
        StringAssert.StartsWith(Parse(text).Errors.Single().ToString(), $"{File}:12:7: load.sources: is required");
    }

    [TestMethod]
    public void Cross_shard_transfers_are_refused_in_a_network_of_one_shard()
    {
        var text = Valid.Replace("  shards: 2\n", "  shards: 1\n", StringComparison.Ordinal).Replace("    validators: 8\n", "    validators: 4\n", StringComparison.Ordinal)
            .Replace("      shards: [1, 0]\n", "", StringComparison.Ordinal).Replace("      shards: [1]\n", "", StringComparison.Ordinal);
        var errors = Parse(text).Errors;
        Assert.AreEqual("load.sources[0].mix.cross_shard", errors.Single().Field, string.Join(Environment.NewLine, errors));
        StringAssert.Contains(errors[0].Message, "must be 0 in a network of one shard");
        Assert.IsTrue(Parse(text.Replace("cross_shard: 20%", "cross_shard: 0%", StringComparison.Ordinal)).IsValid);
    }

    [TestMethod]
    [DataRow("      rate: 2000", "      rate: -5", "load.sources[0].rate")]
    [DataRow("      gas_price_gwei: 120", "      gas_price_gwei: 40", "load.sources[0].gas_price_gwei")]
    [DataRow("    - name: ramp", "    - name: transfers", "load.sources[1].name")]
    public void One_mistake_is_one_error(string line, string replacement, string field)
    {
        var errors = Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal)).Errors;
        Assert.AreEqual(field, errors.Single().Field, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    [DataRow("      rate: { steps: { from: 100, to: 400, by: 100, every: 20s } }", "      rate: { steps: { from: 100, to: 400, by: 100, every: 40s } }",
        "30:60: load.sources[2].rate.steps.every: warning: the last step (400 tx/s) begins at 120s, at or after the end of the run")]
    [DataRow("      rate: { ramp: { from: 100, to: 800, over: 60s, start: 10s } }", "      rate: { ramp: { to: 800, over: 3m } }",
        "27:38: load.sources[1].rate.ramp.over: warning: the ramp reaches 800 tx/s at 180s, after the end of the run")]
    [DataRow("      rate: { burst: { base: 50, peak: 500, every: 30s, for: 5s } }", "      rate: { burst: { base: 50, peak: 500, every: 2m, for: 5s } }",
        "32:52: load.sources[3].rate.burst.every: warning: the first burst would begin at 120s")]
    [DataRow("      rate: { trace: { 0s: 100, 10s: 250, 20s: 50 } }", "      rate: { trace: { 0s: 100, 10s: 250, 2m: 50, 3m: 1 } }",
        "34:43: load.sources[4].rate.trace.2m: warning: this and later times are at or after the end of the run")]
    public void A_shape_the_run_ends_before_finishing_is_a_warning(string line, string replacement, string expected)
    {
        var result = Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal));
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        StringAssert.StartsWith(result.Warnings.Single().ToString(), $"{File}:{expected}");
    }
}
