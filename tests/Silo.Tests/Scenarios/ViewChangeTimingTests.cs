using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// Incoherent view-change timing (timeout against slot) loads with a warning naming both fields and values; a slot
/// that is not whole seconds is refused. Coherent: timeout ≤ slot ≤ 2 × timeout.
/// </summary>
[TestClass]
public sealed class ViewChangeTimingTests
{
    private const string File = "scenarios/x.yaml";

    private static string Scenario(params string[] timing) => string.Join('\n', [
        "description: test",                  // 1
        "network:",                           // 2
        "  shards: 1",                        // 3
        "  slots_per_shard: 4",               // 4
        "  harmony_slots_per_shard: 4",       // 5
        "  timing:",                          // 6
        .. timing.Select(t => "    " + t),    // 7 …
        "cohorts:",
        "  - name: harmony",
        "    validators: 4",
        "    harmony_operated: true",
        "duration:",
        "  time: 60s",
        ""]);

    [TestMethod]
    [DataRow(new[] { "view_change_timeout: 27s", "view_change_slot: 45s" }, DisplayName = "mainnet: 27s in 45s")]
    [DataRow(new[] { "view_change_timeout: 45s" }, DisplayName = "timeout equal to the default slot")]
    [DataRow(new[] { "view_change_timeout: 22500ms" }, DisplayName = "exactly half the slot: two attempts per view")]
    [DataRow(new[] { "view_change_slot: 30s" }, DisplayName = "a slot between the default timeout and twice it")]
    [DataRow(new[] { "phase_timeout: 5s" }, DisplayName = "other timers alone")]
    public void Coherent_timing_loads_without_warnings(string[] timing)
    {
        var result = ScenarioLoader.Parse(Scenario(timing), File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.IsEmpty(result.Warnings, string.Join(Environment.NewLine, result.Warnings));
    }

    [TestMethod]
    [DataRow(new[] { "view_change_timeout: 10s" }, "7:26: network.timing.view_change_timeout: warning: view_change_timeout (10s) is less than half of view_change_slot (45s): " +
        "a view change that times out retries the same leader until the slot ends (up to 5 attempts), so a silent leader holds the shard for up to 50s, not 10s; " +
        "keep view_change_timeout ≤ view_change_slot ≤ 2 × view_change_timeout (mainnet: 27s and 45s)")]
    [DataRow(new[] { "view_change_slot: 60s" }, "7:23: network.timing.view_change_slot: warning: view_change_timeout (27s) is less than half of view_change_slot (60s): " +
        "a view change that times out retries the same leader until the slot ends (up to 3 attempts), so a silent leader holds the shard for up to 81s, not 27s; " +
        "keep view_change_timeout ≤ view_change_slot ≤ 2 × view_change_timeout (mainnet: 27s and 45s)")]
    [DataRow(new[] { "view_change_timeout: 60s" }, "7:26: network.timing.view_change_timeout: warning: view_change_timeout (60s) is longer than view_change_slot (45s): " +
        "view IDs advance every 45s but a view change starts again only every 60s, so each retry moves on 1 or 2 views, skipping up to 1 leader untried; " +
        "keep view_change_timeout ≤ view_change_slot ≤ 2 × view_change_timeout (mainnet: 27s and 45s)")]
    [DataRow(new[] { "view_change_slot: 9s", "view_change_timeout: 27s" }, "8:26: network.timing.view_change_timeout: warning: view_change_timeout (27s) is longer than view_change_slot (9s): " +
        "view IDs advance every 9s but a view change starts again only every 27s, so each retry moves on exactly 3 views, skipping 2 leaders every time; " +
        "keep view_change_timeout ≤ view_change_slot ≤ 2 × view_change_timeout (mainnet: 27s and 45s)")]
    public void Incoherent_timing_loads_with_a_warning_naming_both_fields_and_values(string[] timing, string expected)
    {
        var result = ScenarioLoader.Parse(Scenario(timing), File);
        Assert.IsTrue(result.IsValid, "a warning does not make the scenario invalid: " + string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual($"{File}:{expected}", result.Warnings.Single().ToString());
    }

    [TestMethod]
    [DataRow("view_change_slot: 1500ms", "7:23: network.timing.view_change_slot: must be a whole number of seconds (view IDs count whole seconds since the head block), got 1500ms")]
    [DataRow("view_change_slot: 500ms", "7:23: network.timing.view_change_slot: must be a whole number of seconds (view IDs count whole seconds since the head block), got 500ms")]
    public void A_slot_that_is_not_whole_seconds_is_refused(string line, string expected)
    {
        var result = ScenarioLoader.Parse(Scenario(line), File);
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual($"{File}:{expected}", result.Errors.Single().ToString());
    }

    [TestMethod]
    public void Validate_prints_the_warning_on_stderr_and_still_exits_0()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmonysim-vc-{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(path, Scenario("view_change_timeout: 3s"));
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var exit = HarmonySimCommand.Run(["validate", path], output, error);
            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.StartsWith(error.ToString(), $"{path}:7:26: network.timing.view_change_timeout: warning: view_change_timeout (3s) is less than half of view_change_slot (45s)");
            StringAssert.Contains(output.ToString(), ": valid: ");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
