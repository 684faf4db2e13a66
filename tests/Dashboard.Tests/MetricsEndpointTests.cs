using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using HarmonySim.Dashboard.Tests.Harness;
using HarmonySim.Silo.Tests.Commands;

namespace HarmonySim.Dashboard.Tests;

/// <summary>
/// /metrics of a running harmonysim: the HarmonySim instruments with live values, names by Prometheus' rules (checked
/// by our own rule test and by Debian's promtool), and a run that is watched gives the digest of one that is not.
/// </summary>
[TestClass]
public sealed partial class MetricsEndpointTests
{
    /// <summary>What a label may be: a shard, a message type, a fault kind; never a validator or key (unbounded series).</summary>
    private static readonly HashSet<string> AllowedLabels = ["shard", "type", "kind", "le", "otel_scope_name"];

    private static readonly string[] Expected =
    [
        "harmonysim_blocks_committed_total", "harmonysim_block_interval_seconds_bucket", "harmonysim_finality_seconds_bucket",
        "harmonysim_consensus_messages_total", "harmonysim_signatures_verified_total", "harmonysim_signing_power_ratio",
        "harmonysim_missing_power_ratio", "harmonysim_height", "harmonysim_epoch", "harmonysim_simulated_time_seconds",
    ];

    [TestMethod]
    public async Task Two_scrapes_during_a_run_see_the_HarmonySim_counters_rise_and_the_Orleans_meter()
    {
        var dir = Served.TempFolder("metrics");
        try
        {
            using var served = await Served.Start("run", Served.Scenario("watch"), "--dashboard=0", "--speed", "10x", "--out", dir);
            using var http = new HttpClient { BaseAddress = served.Address };
            var first = await ScrapeWhen(http, s => Exposition.Total(s, "harmonysim_blocks_committed_total") > 0);
            var blocks = Exposition.Total(first, "harmonysim_blocks_committed_total");
            var messages = Exposition.Total(first, "harmonysim_consensus_messages_total");
            var time = Exposition.Total(first, "harmonysim_simulated_time_seconds");
            var second = await ScrapeWhen(http, s => Exposition.Total(s, "harmonysim_simulated_time_seconds") > time);

            Assert.IsGreaterThan(blocks, Exposition.Total(second, "harmonysim_blocks_committed_total"), "blocks committed rose");
            Assert.IsGreaterThan(messages, Exposition.Total(second, "harmonysim_consensus_messages_total"), "messages rose");
            foreach (var name in Expected) Assert.IsTrue(second.Any(s => s.Name == name), $"{name} is exported");
            Assert.IsTrue(second.Any(s => s.Name.StartsWith("orleans_", StringComparison.Ordinal)), "Orleans' own meter is exported");
            Assert.IsTrue(second.Where(s => s.Name == "harmonysim_consensus_messages_total").Select(s => s.Labels["type"]).Contains("prepare"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task HarmonySim_metric_names_follow_the_Prometheus_rules_and_pass_promtool()
    {
        var dir = Served.TempFolder("names");
        try
        {
            using var served = await Served.Start("run", Served.Scenario("watch"), "--dashboard=0", "--speed", "10x", "--out", dir);
            using var http = new HttpClient { BaseAddress = served.Address };
            await ScrapeWhen(http, s => Exposition.Total(s, "harmonysim_block_interval_seconds_count") > 0);
            var text = await http.GetStringAsync("metrics");
            var ours = OnlyHarmonySim(text);
            var (types, samples) = Exposition.Parse(ours);
            Assert.IsNotEmpty(types);
            foreach (var (family, type) in types)
            {
                Assert.IsTrue(Name().IsMatch(family), $"{family}: a Prometheus metric name");
                Assert.IsFalse(family.Contains("milli", StringComparison.Ordinal), $"{family}: base units only");
                if (type == "counter") StringAssert.EndsWith(family, "_total", $"{family}: a counter ends in _total");
                else Assert.IsFalse(family.EndsWith("_total", StringComparison.Ordinal), $"{family}: only counters end in _total");
                if (type == "histogram") StringAssert.EndsWith(family, "_seconds", $"{family}: our histograms are durations in seconds");
            }
            foreach (var sample in samples)
                foreach (var label in sample.Labels.Keys)
                    Assert.Contains(label, AllowedLabels, $"{sample.Name}: label {label} is not one of {string.Join(", ", AllowedLabels)}");

            // Debian's promtool lints the same text (Orleans' own families are left out: their millisecond units are Orleans').
            using var promtool = Process.Start(new ProcessStartInfo("promtool", ["check", "metrics"])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            }) ?? throw new AssertFailedException("promtool did not start");
            await promtool.StandardInput.WriteAsync(ours);
            promtool.StandardInput.Close();
            var lint = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
            await promtool.WaitForExitAsync();
            Assert.AreEqual(0, promtool.ExitCode, $"promtool check metrics:\n{lint}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_run_with_the_dashboard_and_nobody_touching_it_has_the_digest_of_a_run_without()
    {
        var dir = Served.TempFolder("digest");
        try
        {
            string Digest(string output)
            {
                var folder = Directory.GetDirectories(Path.Combine(dir, output)).Single();
                using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
                return report.RootElement.GetProperty("digest").GetString()!;
            }
            using (var plain = HarmonySimProcess.Start("run", "leader-isolation", "--out", Path.Combine(dir, "plain")))
                Assert.AreEqual(0, await plain.WaitForExit(), plain.Output + plain.Error);
            using (var watched = HarmonySimProcess.Start("run", "leader-isolation", "--dashboard=0", "--speed", "max", "--out", Path.Combine(dir, "watched")))
            {
                Assert.AreEqual(0, await watched.WaitForExit(), watched.Output + watched.Error);
                StringAssert.Contains(watched.Output, "Dashboard: http://127.0.0.1:");
            }
            Assert.AreEqual(Digest("plain"), Digest("watched"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Scrapes until the condition holds (the run moves on meanwhile); a run that never gets there fails after a guard.</summary>
    private static async Task<IReadOnlyList<Sample>> ScrapeWhen(HttpClient http, Func<IReadOnlyList<Sample>, bool> condition)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var (_, samples) = Exposition.Parse(await http.GetStringAsync("metrics"));
            if (condition(samples)) return samples;
            if (DateTime.UtcNow > guard) throw new AssertFailedException("the metrics never reached the awaited values");
            await Task.Delay(200);
        }
    }

    /// <summary>The exposition's HarmonySim families only (their HELP, TYPE and sample lines).</summary>
    private static string OnlyHarmonySim(string text) => string.Join('\n', text.Split('\n').Where(l =>
        l.StartsWith("harmonysim_", StringComparison.Ordinal) || l.StartsWith("# HELP harmonysim_", StringComparison.Ordinal)
        || l.StartsWith("# TYPE harmonysim_", StringComparison.Ordinal) || l.StartsWith("# UNIT harmonysim_", StringComparison.Ordinal))) + "\n";

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex Name();
}
