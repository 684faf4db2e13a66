using CsCheck;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Tests.Reports;

/// <summary>The streamed report parts give exactly what holding every record would, in bounded memory.</summary>
[TestClass]
public sealed class StreamingTests
{
    [TestMethod]
    public void The_histogram_gives_the_percentiles_and_mean_of_sorting_every_sample()
    {
        Gen.Int[0, 20_000].Array[1, 400].Sample(ms =>
        {
            var histogram = new DurationHistogram();
            foreach (var m in ms) histogram.Add(TimeSpan.FromMilliseconds(m));
            var sorted = ms.Select(m => m / 1000.0).Order().ToList();
            foreach (var p in new[] { 1, 50, 95, 99, 100 })
            {
                var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
                Assert.AreEqual(Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 6), histogram.PercentileSeconds(p), $"p{p}");
            }
            // Exact decimal mean against a double average: both rounded to microseconds, they may differ by one in the last place.
            Assert.AreEqual(Math.Round(sorted.Average(), 6), histogram.MeanSeconds, 1.5e-6);
            Assert.AreEqual(ms.Length, histogram.Count);
        });
    }

    [TestMethod]
    public void A_plot_line_keeps_at_most_its_capacity_spread_over_the_whole_stream_and_the_latest_point()
    {
        foreach (var n in new[] { 1, 10, PlotSeries.Capacity, PlotSeries.Capacity + 1, 100_000 })
        {
            var series = new PlotSeries();
            for (var i = 0; i < n; i++) series.Add(i, 2 * i);
            var points = series.Points;
            Assert.IsLessThanOrEqualTo(PlotSeries.Capacity + 1, points.Count, $"{n} points");
            Assert.AreEqual((0.0, 0.0), points[0]);
            Assert.AreEqual((n - 1.0, 2.0 * (n - 1)), points[^1]);
            Assert.IsTrue(points.Zip(points.Skip(1)).All(p => p.First.X < p.Second.X), "in order");
            if (n > PlotSeries.Capacity) Assert.IsGreaterThan(PlotSeries.Capacity / 4, points.Count, "still dense");
        }
    }

    [TestMethod]
    public void The_event_log_is_the_same_however_the_run_is_cut_into_steps()
    {
        // Events at whole seconds on three shards; a step ends at a whole second and holds every event up to it,
        // except that an event at a step's very end may come with the next step (an operator's control between steps).
        var gen = Gen.Select(Gen.Int[0, 60].Array[1, 80], Gen.Int[0, 2].Array[80], Gen.Int[1, 60].Array[1, 10], Gen.Bool.Array[80]);
        gen.Sample((times, shards, cuts, late) =>
        {
            // Each shard logs in time order.
            var events = times.Order().Select((t, i) => new LoggedEvent(TimeSpan.FromSeconds(t), shards[i], "k", [new("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToList();
            var whole = Write([(events, TimeSpan.FromSeconds(61))]);
            var ends = cuts.Distinct().Order().Select(c => TimeSpan.FromSeconds(c)).Append(TimeSpan.FromSeconds(61)).ToList();
            var steps = ends.Select((end, k) => (Events: new List<LoggedEvent>(), End: end)).ToList();
            for (var i = 0; i < events.Count; i++)
            {
                var k = ends.FindIndex(end => events[i].At <= end);
                // An event at exactly a step's end may arrive one step late, when its shard logs nothing after it then.
                var lastOfItsInstant = !events.Skip(i + 1).Any(e => e.Shard == events[i].Shard && e.At == events[i].At);
                if (late[i] && lastOfItsInstant && events[i].At == ends[k] && k + 1 < steps.Count) k++;
                steps[k].Events.Add(events[i]);
            }
            Assert.AreEqual(whole, Write([.. steps.Select(s => (s.Events, s.End))]));
        });
    }

    /// <summary>The log lines and digest written from these steps, each step's events in the order each shard logged them.</summary>
    private static string Write(IReadOnlyList<(List<LoggedEvent> Events, TimeSpan End)> steps)
    {
        using var output = new StringWriter();
        var writer = new EventLogWriter(output);
        foreach (var (events, end) in steps)
            writer.Add([.. events.GroupBy(e => e.Shard).Select(g => new ShardRecords(g.Key, [], [], [.. g]))], end);
        var digest = writer.Finish(TimeSpan.FromSeconds(61), []);
        return output + digest;
    }
}
