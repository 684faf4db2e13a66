using CsCheck;
using HarmonySim.Simulation.Load;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Simulation.Tests.Load;

/// <summary>
/// Open-loop arrivals follow the rate curve exactly: the k-th uniform arrival is where the curve's integral reaches k,
/// so the count by any time is the integral rounded down, whatever shape the curve has; Poisson arrivals match it
/// within chance and repeat with their seed.
/// </summary>
[TestClass]
public sealed class ArrivalStreamTests
{
    private static RateCurve Curve(params (double Seconds, double Rate)[] points) =>
        new([.. points.Select(p => new RatePoint(TimeSpan.FromSeconds(p.Seconds), p.Rate))]);

    private static long CountBy(ArrivalStream stream, TimeSpan t)
    {
        while (stream.Next <= t) stream.Take();
        return stream.Taken;
    }

    [TestMethod]
    [DataRow(100.0, 10.0, 1.0, 1_000L, DisplayName = "constant 100/s for 10 s")]
    [DataRow(1_904.5, 60.0, 1.0, 114_270L, DisplayName = "a shard at the mainnet gas ceiling for a minute")]
    [DataRow(8_000.0, 30.0, 0.25, 60_000L, DisplayName = "a quarter of 8,000/s for 30 s")]
    public void A_constant_rate_offers_rate_times_time(double rate, double seconds, double share, long expected)
    {
        var stream = new ArrivalStream(RateCurve.Constant(rate), share, ArrivalProcess.Uniform, seed: 1);
        Assert.AreEqual(expected, CountBy(stream, TimeSpan.FromSeconds(seconds)));
    }

    [TestMethod]
    public void A_ramp_offers_its_integral()
    {
        // 0 → 100/s over 10 s: 500 by 10 s, then 100/s: 1,500 by 20 s.
        var stream = new ArrivalStream(Curve((0, 0), (10, 100)), 1, ArrivalProcess.Uniform, 1);
        Assert.AreEqual(500L, CountBy(stream, TimeSpan.FromSeconds(10)));
        Assert.AreEqual(1_500L, CountBy(stream, TimeSpan.FromSeconds(20)));
    }

    [TestMethod]
    public void Steps_change_the_rate_at_their_time()
    {
        var stream = new ArrivalStream(Curve((0, 10), (5, 10), (5, 1_000), (6, 1_000), (6, 0)), 1, ArrivalProcess.Uniform, 1);
        Assert.AreEqual(50L, CountBy(stream, TimeSpan.FromSeconds(5)));
        Assert.AreEqual(1_050L, CountBy(stream, TimeSpan.FromSeconds(6)));
        Assert.AreEqual(TimeSpan.MaxValue, stream.Next, "after a final zero rate nothing more arrives");
    }

    [TestMethod]
    public void Nothing_arrives_before_the_first_point()
    {
        var stream = new ArrivalStream(Curve((10, 100)), 1, ArrivalProcess.Uniform, 1);
        Assert.IsGreaterThan(TimeSpan.FromSeconds(10), stream.Next);
    }

    [TestMethod]
    public void Poisson_arrivals_match_the_rate_within_chance_and_repeat_with_their_seed()
    {
        var a = new ArrivalStream(RateCurve.Constant(1_000), 1, ArrivalProcess.Poisson, 7);
        var b = new ArrivalStream(RateCurve.Constant(1_000), 1, ArrivalProcess.Poisson, 7);
        var count = CountBy(a, TimeSpan.FromSeconds(100));
        // 100,000 expected; the standard deviation is √100,000 ≈ 316, so 5σ ≈ 1,600.
        Assert.IsLessThan(1_600L, Math.Abs(count - 100_000), $"{count} arrivals");
        Assert.AreEqual(count, CountBy(b, TimeSpan.FromSeconds(100)));
    }

    [TestMethod]
    public void Uniform_arrivals_by_any_time_are_the_curves_integral_rounded_down()
    {
        var point = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 5_000]);
        Gen.Select(point.Array[1, 8], Gen.Int[1, 60]).Sample((raw, end) =>
        {
            var points = raw.OrderBy(p => p.Item1).Select(p => new RatePoint(TimeSpan.FromSeconds(p.Item1), p.Item2)).ToList();
            var curve = new RateCurve(points);
            var stream = new ArrivalStream(curve, 1, ArrivalProcess.Uniform, 1);
            var t = TimeSpan.FromSeconds(end);
            var expected = Integral(curve, t);
            var count = CountBy(stream, t);
            // Arrival times are rounded up to the next tick and the reference integral reads the rate a tick before each
            // cut, so an integral within a hair of a whole number may fall either side.
            return Math.Abs(count - Math.Floor(expected + 1e-3)) <= 1 && count <= expected + 1e-3;
        }, iter: 300);
    }

    /// <summary>The integral of the curve from 0 to <paramref name="t"/> by the trapezoid rule on its points (exact for a piecewise-linear curve).</summary>
    private static double Integral(RateCurve curve, TimeSpan t)
    {
        var cuts = curve.Points.Select(p => p.At).Where(x => x < t).Append(t).Distinct().Order().ToList();
        var sum = 0.0;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (a, b) = (cuts[i], cuts[i + 1]);
            sum += (curve.At(a) + curve.At(b - TimeSpan.FromTicks(1))) / 2 * (b - a).TotalSeconds;
        }
        return sum;
    }
}
