using System.Diagnostics.Metrics;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Telemetry;
using HarmonySim.Silo.Tests.Runs;

namespace HarmonySim.Silo.Tests.Telemetry;

/// <summary>
/// The run's instruments as an exporter collects them: observable totals that equal the run's own report, a signing
/// power that is a share of voting power, and histograms that got one value per block.
/// </summary>
[TestClass]
public sealed class RunMetricsTests
{
    [TestMethod]
    public async Task Collected_totals_match_the_report_and_histograms_got_one_value_per_block()
    {
        var plan = RunPlans.Small("metrics", shards: 2, duration: TimeSpan.FromSeconds(40));
        using var metrics = new RunMetrics(plan);
        var longs = new Dictionary<(string Name, string Labels), long>();
        var doubles = new Dictionary<(string Name, string Labels), double>();
        var histogramValues = new Dictionary<string, int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter)) l.EnableMeasurementEvents(instrument);
            },
        };
        string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var parts = new List<string>();
            foreach (var t in tags) parts.Add($"{t.Key}={t.Value}");
            return string.Join(",", parts.Order(StringComparer.Ordinal));
        }
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (longs) longs[(instrument.Name, Labels(tags))] = value;
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (doubles)
            {
                if (instrument is Histogram<double>) histogramValues[instrument.Name] = histogramValues.GetValueOrDefault(instrument.Name) + 1;
                else doubles[(instrument.Name, Labels(tags))] = value;
            }
        });
        listener.Start();

        var outcome = await new Runner { Watchers = [metrics] }.RunAsync(plan);
        listener.RecordObservableInstruments();

        var report = outcome.Report;
        for (var s = 0; s < 2; s++)
        {
            var shard = $"shard={s}";
            Assert.AreEqual((long)report.Shards[s].Blocks, longs[("harmonysim.blocks.committed", shard)], $"shard {s} blocks");
            Assert.AreEqual((long)report.Shards[s].Height, longs[("harmonysim.height", shard)], $"shard {s} height");
            Assert.IsGreaterThan(0L, longs[("harmonysim.consensus.messages", $"{shard},type=prepare")]);
            Assert.IsGreaterThan(0L, longs[("harmonysim.signatures.verified", shard)]);
            // Four equal keys, at least three signing: a share of voting power between 3/4 and 1, and its complement.
            var signing = doubles[("harmonysim.signing_power.ratio", shard)];
            Assert.IsGreaterThanOrEqualTo(0.75, signing);
            Assert.IsLessThanOrEqualTo(1.0, signing);
            Assert.AreEqual(1 - signing, doubles[("harmonysim.missing_power.ratio", shard)], 1e-12);
        }
        Assert.AreEqual(report.Consensus.MessagesByType["prepare"], longs[("harmonysim.consensus.messages", "shard=0,type=prepare")] + longs[("harmonysim.consensus.messages", "shard=1,type=prepare")]);
        Assert.AreEqual(report.Consensus.SignaturesVerified, longs[("harmonysim.signatures.verified", "shard=0")] + longs[("harmonysim.signatures.verified", "shard=1")]);
        var blocks = report.Shards.Sum(s => (int)s.Blocks);
        Assert.AreEqual(blocks, histogramValues["harmonysim.finality"], "one finality value per block");
        Assert.AreEqual(blocks - 2, histogramValues["harmonysim.block.interval"], "one interval per block after each shard's first");
        Assert.AreEqual(plan.Duration.TotalSeconds, doubles[("harmonysim.simulated_time", "")]);
    }
}
