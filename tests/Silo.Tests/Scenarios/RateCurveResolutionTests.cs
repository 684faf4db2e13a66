using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>How each rate shape of a load source resolves to the kernel's <see cref="RateCurve"/>: its points, and the rate it gives over time.</summary>
[TestClass]
public sealed class RateCurveResolutionTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static RatePoint P(double seconds, double perSecond) => new(S(seconds), perSecond);

    /// <summary>The rate of the single source whose <c>rate:</c> is <paramref name="rate"/>, in a <paramref name="duration"/> run, as the plan carries it.</summary>
    private static RateCurve Resolve(string rate, string duration = "10m")
    {
        var text = string.Join('\n',
            "description: test", "network: { shards: 2, slots_per_shard: 4, harmony_slots_per_shard: 4 }",
            "cohorts: [{ name: h, validators: 8, harmony_operated: true }]", $"duration: {{ time: {duration} }}",
            "load:", "  sources:", "    - name: s", $"      rate: {rate}", "");
        var result = ScenarioLoader.Parse(text, "x.yaml");
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return Silo.Runs.RunPlanBuilder.Build(result.Scenario!, "x").Load!.Sources.Single().Rate;
    }

    private static void AssertRates(RateCurve curve, params (double Seconds, double PerSecond)[] expected)
    {
        foreach (var (seconds, perSecond) in expected)
            Assert.AreEqual(perSecond, curve.At(S(seconds)), 1e-9, $"rate at {seconds} s");
    }

    [TestMethod]
    public void A_number_is_one_point_at_zero_held_for_the_whole_run()
    {
        var curve = Resolve("2_000.5");
        CollectionAssert.AreEqual(new[] { P(0, 2000.5) }, curve.Points.ToArray());
        AssertRates(curve, (0, 2000.5), (599, 2000.5), (10_000, 2000.5));
    }

    [TestMethod]
    public void A_ramp_is_zero_before_its_start_then_linear_then_holds_to()
    {
        var curve = Resolve("{ ramp: { from: 1000, to: 8000, over: 60s, start: 20s } }");
        CollectionAssert.AreEqual(new[] { P(20, 1000), P(80, 8000) }, curve.Points.ToArray());
        AssertRates(curve, (0, 0), (19.999, 0), (20, 1000), (50, 4500), (80, 8000), (500, 8000));
    }

    [TestMethod]
    public void A_ramp_may_fall_and_from_defaults_to_zero()
    {
        AssertRates(Resolve("{ ramp: { from: 800, to: 200, over: 60s } }"), (0, 800), (30, 500), (60, 200), (90, 200));
        CollectionAssert.AreEqual(new[] { P(0, 0), P(10, 100) }, Resolve("{ ramp: { to: 100, over: 10s } }").Points.ToArray());
    }

    [TestMethod]
    public void Steps_are_two_points_at_each_step_time_and_hold_the_last_step()
    {
        var curve = Resolve("{ steps: { from: 6000, to: 6600, by: 200, every: 30s, start: 10s } }");
        CollectionAssert.AreEqual(new[] { P(10, 6000), P(40, 6000), P(40, 6200), P(70, 6200), P(70, 6400), P(100, 6400), P(100, 6600) }, curve.Points.ToArray());
        AssertRates(curve, (0, 0), (10, 6000), (39.9, 6000), (40, 6200), (69, 6200), (70, 6400), (99.99, 6400), (100, 6600), (599, 6600));
    }

    [TestMethod]
    public void Steps_stop_at_the_highest_step_not_above_to()
    {
        var curve = Resolve("{ steps: { from: 100, to: 350, by: 100, every: 10s } }");
        CollectionAssert.AreEqual(new[] { P(0, 100), P(10, 100), P(10, 200), P(20, 200), P(20, 300) }, curve.Points.ToArray());
        AssertRates(curve, (5, 100), (15, 200), (25, 300), (300, 300));
        CollectionAssert.AreEqual(new[] { P(0, 100) }, Resolve("{ steps: { from: 100, to: 100, by: 5, every: 10s } }").Points.ToArray(), "from = to is one step");
    }

    [TestMethod]
    public void The_ramp_scenarios_staircase_crosses_the_gas_ceiling()
    {
        // throughput-ramp.yaml: 6,000 → 8,400 tx/s by 200 every 30 s over 4 shards: 13 steps, 1,500 → 2,100 per shard.
        var steps = new StepsRate(6000, 8400, 200, S(30), TimeSpan.Zero);
        Assert.AreEqual(13, steps.Levels);
        Assert.AreEqual(S(360), steps.LastStepAt);
        Assert.AreEqual(8400m, steps.Peak);
        var ceiling = 4 * (80_000_000.0 / 21_000) / 2; // 4 shards × 3,809.5 transfers per 2 s block
        var curve = steps.ToCurve(S(390));
        Assert.IsTrue(curve.At(S(0)) < ceiling && curve.At(S(360)) > ceiling, $"the staircase starts below and ends above {ceiling:0} tx/s");
    }

    [TestMethod]
    public void A_burst_is_base_with_peak_for_a_while_every_period_until_the_run_ends()
    {
        var curve = Resolve("{ burst: { base: 500, peak: 5000, every: 60s, for: 5s, start: 10s } }", "3m");
        // Bursts begin at 70 s and 130 s; the one at 190 s would be after the 180 s run.
        CollectionAssert.AreEqual(new[]
        {
            P(10, 500),
            P(70, 500), P(70, 5000), P(75, 5000), P(75, 500),
            P(130, 500), P(130, 5000), P(135, 5000), P(135, 500),
        }, curve.Points.ToArray());
        AssertRates(curve, (0, 0), (10, 500), (69.9, 500), (70, 5000), (74.9, 5000), (75, 500), (100, 500), (132, 5000), (135, 500), (179, 500), (1_000, 500));
    }

    [TestMethod]
    public void Bursts_are_counted_without_expanding_them()
    {
        var burst = new BurstRate(1, 2, S(60), S(5), S(10));
        Assert.AreEqual(2, burst.Bursts(S(180)));
        Assert.AreEqual(1, burst.Bursts(S(130)), "a burst beginning at the end of the run is not in it");
        Assert.AreEqual(2, burst.Bursts(S(130.001)));
        Assert.AreEqual(0, burst.Bursts(S(5)), "a run ending before start has none");
        Assert.AreEqual(ScenarioReader.MaxRatePoints / 4, new BurstRate(1, 2, S(1), S(0.5), TimeSpan.Zero).Bursts(S(ScenarioReader.MaxRatePoints / 4 + 1)));
    }

    [TestMethod]
    public void A_trace_holds_each_rate_until_the_next_time_and_is_zero_before_the_first()
    {
        var curve = Resolve("{ trace: { 5s: 100, 10s: 250, 20s: 50 } }");
        CollectionAssert.AreEqual(new[] { P(5, 100), P(10, 100), P(10, 250), P(20, 250), P(20, 50) }, curve.Points.ToArray());
        AssertRates(curve, (0, 0), (4.9, 0), (5, 100), (9.99, 100), (10, 250), (19, 250), (20, 50), (500, 50));
    }

    [TestMethod]
    public void A_one_entry_trace_is_a_constant_from_its_time()
    {
        CollectionAssert.AreEqual(new[] { P(30, 7) }, Resolve("{ trace: { 30s: 7 } }").Points.ToArray());
    }

    [TestMethod]
    public void Each_shapes_peak_bounds_its_curve()
    {
        RateSpec[] shapes =
        [
            new ConstantRate(5), new RampRate(9, 3, S(10), S(1)), new StepsRate(1, 10, 4, S(1), S(0)),
            new BurstRate(2, 8, S(10), S(1), S(0)), new TraceRate([new TraceEntry(S(0), 3), new TraceEntry(S(1), 11), new TraceEntry(S(2), 4)]),
        ];
        decimal[] peaks = [5, 9, 9, 8, 11];
        for (var i = 0; i < shapes.Length; i++)
        {
            Assert.AreEqual(peaks[i], shapes[i].Peak, shapes[i].ToString());
            Assert.AreEqual((double)peaks[i], shapes[i].ToCurve(S(60)).Points.Max(p => p.PerSecond), shapes[i].ToString());
        }
    }
}
