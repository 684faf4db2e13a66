using System.Text.Json;
using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>The game-of-stakes scenarios run on the embedded silo: their checks pass and the report counts refused forgeries.</summary>
[TestClass]
public sealed class GameOfStakesRunTests
{
    private static JsonElement Run(string scenario)
    {
        var folder = Directory.CreateTempSubdirectory("harmonysim-gos-").FullName;
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(["run", scenario, "--out", folder], output, error);
        Assert.AreEqual(0, exit, $"{scenario}: {output}{error}");
        var report = Directory.GetFiles(folder, "report.json", SearchOption.AllDirectories).Single();
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.Clone();
    }

    [TestMethod]
    public void Forgeries_are_refused_counted_in_the_report_and_cost_the_shard_nothing()
    {
        var shard = Run("gos-forgers").GetProperty("shards")[0];
        Assert.IsGreaterThan(0L, shard.GetProperty("rejected_messages").GetProperty("bad_signature").GetInt64());
        Assert.IsGreaterThanOrEqualTo(29UL, shard.GetProperty("height").GetUInt64());
    }

    [TestMethod]
    public void A_cartel_withholding_its_power_in_a_window_halts_the_shard_only_then()
    {
        var report = Run("gos-cartel-window");
        Assert.IsTrue(report.GetProperty("passed").GetBoolean());
        var checks = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(checks, "expected_outage_22s_40s");
    }
    [TestMethod]
    public void Votes_delayed_to_the_timeout_by_a_third_stretch_every_block_without_a_view_change()
    {
        var shard = Run("gos-delay-votes").GetProperty("shards")[0];
        Assert.AreEqual(0, shard.GetProperty("view_changes").GetInt32());
        var height = shard.GetProperty("height").GetUInt64();
        Assert.IsTrue(height is >= 10 and <= 30, $"{height} blocks in 120 s: one every ~6 s instead of 2 s");
    }

    [TestMethod]
    public void A_flapping_validator_and_a_denial_of_service_on_the_leader_cost_at_most_one_view_change_each()
    {
        var flapping = Run("gos-flapping").GetProperty("shards")[0];
        Assert.IsGreaterThanOrEqualTo(50UL, flapping.GetProperty("height").GetUInt64(), "one of four down: the others commit through");
        var dos = Run("gos-leader-dos").GetProperty("shards")[0];
        Assert.AreEqual(4, dos.GetProperty("view_changes").GetInt32(), "isolations at 15, 45, 75 and 105 s");
        Assert.IsGreaterThanOrEqualTo(50UL, dos.GetProperty("height").GetUInt64());
    }

    [TestMethod]
    public void A_denial_of_service_on_the_next_two_leaders_costs_two_view_changes_each_time_and_commits_resume()
    {
        var report = Run("gos-next-leaders-dos");
        Assert.IsTrue(report.GetProperty("passed").GetBoolean(), "safe, and no gap above 20 s");
        var shard = report.GetProperty("shards")[0];
        Assert.AreEqual(4, shard.GetProperty("view_changes_started").GetInt32(), "two leaders cut off at 20 s and two at 60 s");
        Assert.AreEqual(2, shard.GetProperty("view_changes").GetInt32(), "the first new leader of each is cut off too: one completes each time");
        Assert.IsGreaterThanOrEqualTo(40UL, shard.GetProperty("height").GetUInt64());
    }

    [TestMethod]
    public void A_censoring_leader_is_counted_in_the_report_and_its_victims_get_in_under_the_next_leader()
    {
        var report = Run("gos-censorship");
        Assert.IsTrue(report.GetProperty("passed").GetBoolean(), "every load transaction accounted for, no gap above 10 s");
        var shard = report.GetProperty("shards")[0];
        var censorship = shard.GetProperty("censorship");
        var censored = censorship.GetProperty("censored_transactions").GetInt32();
        Assert.IsGreaterThan(50, censored, "half of 20 tx/s, while the censor leads a quarter of 40 s");
        Assert.AreEqual(censored, censorship.GetProperty("included_later").GetInt32(), "every victim got in once an honest leader proposed");
        Assert.IsLessThanOrEqualTo(6.0, censorship.GetProperty("max_extra_latency_s").GetDouble(), "one censor's turn of two 2 s blocks, and the next proposal");
        Assert.AreEqual(0, shard.GetProperty("view_changes_started").GetInt32(), "nothing for a view change to answer");
        Assert.IsFalse(Run("gos-next-leaders-dos").GetProperty("shards")[0].TryGetProperty("censorship", out _), "left out of report.json without a censor");
    }
}
