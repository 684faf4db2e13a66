using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Commands;

[TestClass]
public sealed class RunCommandTests
{
    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "harmonysim-cmd-" + Guid.NewGuid().ToString("N"));

    [TestMethod]
    public void Run_quickstart_writes_the_run_folder_and_exits_zero()
    {
        var dir = TempDir();
        try
        {
            var (exit, output, error) = Invoke("run", "quickstart", "--out", dir);
            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "PASSED");
            var folder = Directory.GetDirectories(dir).Single();
            StringAssert.StartsWith(Path.GetFileName(folder), "quickstart-");
            foreach (var file in new[] { "report.json", "report.md", "events.jsonl", "quickstart.yaml", "height.png", "block-times.png", "view-changes.png" })
                Assert.IsTrue(File.Exists(Path.Combine(folder, file)), file);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void A_malformed_scenario_exits_2_naming_file_line_and_field_and_nothing_runs()
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, "name: bad\nnetwork:\n  shards: 0\n");
        var (exit, _, error) = Invoke("run", file, "--out", Path.Combine(dir, "runs"));
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.Contains(error, "bad.yaml:3:");
        StringAssert.Contains(error, "network.shards");
        Assert.IsFalse(Directory.Exists(Path.Combine(dir, "runs")), "nothing ran");
        Directory.Delete(dir, recursive: true);
    }

    [TestMethod]
    public void A_missing_file_a_bad_speed_and_bad_silo_counts_are_bad_input()
    {
        Assert.AreEqual(HarmonySimCommand.BadInput, Invoke("run", "no-such-scenario.yaml").Exit);
        var (exit, _, error) = Invoke("run", "quickstart", "--speed", "fast");
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.Contains(error, "--speed");
        Assert.AreEqual(HarmonySimCommand.BadInput, Invoke("run", "quickstart", "--silos", "0").Exit);
        Assert.AreEqual(HarmonySimCommand.BadInput, Invoke("run").Exit);
    }

    [TestMethod]
    [DataRow("--seed", "abc", "--seed: expected a whole number")]
    [DataRow("--seed", "-1", "--seed: expected a whole number")]
    [DataRow("--seed", "18446744073709551616", "--seed: expected a whole number")]
    [DataRow("--speed", "0.000001x", "--speed: expected max, 1x or a multiple from 0.001x")]
    [DataRow("--speed", "1e-300x", "--speed: expected max, 1x or a multiple from 0.001x")]
    [DataRow("--speed", "1e300x", "--speed: expected max, 1x or a multiple from 0.001x")]
    public void A_bad_seed_or_speed_is_bad_input_with_the_option_named_and_no_stack_trace(string option, string value, string message)
    {
        var (exit, _, error) = Invoke("run", "quickstart", option, value);
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.StartsWith(error, message);
        Assert.DoesNotContain("   at ", error);
    }

    [TestMethod]
    public void Speeds_parse_as_max_or_a_multiple_of_real_time()
    {
        Assert.IsTrue(RunCommand.TryParseSpeed("max", out var max));
        Assert.IsNull(max);
        Assert.IsTrue(RunCommand.TryParseSpeed("1x", out var one));
        Assert.AreEqual(1.0, one);
        Assert.IsTrue(RunCommand.TryParseSpeed("2.5x", out var many));
        Assert.AreEqual(2.5, many);
        Assert.IsFalse(RunCommand.TryParseSpeed("0x", out _));
        Assert.IsFalse(RunCommand.TryParseSpeed("x", out _));
    }

    [TestMethod]
    public void A_valid_scenario_asking_for_what_the_runtime_cannot_do_yet_exits_2_naming_it()
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        var quickstart = File.ReadAllText(HarmonySim.Silo.Scenarios.ScenarioFolder.Resolve("quickstart"));
        var file = Path.Combine(dir, "epochs.yaml");
        File.WriteAllText(file, quickstart.Replace("duration:\n  time: 60s", "duration:\n  epochs: 2", StringComparison.Ordinal));
        var (exit, _, error) = Invoke("run", file, "--out", Path.Combine(dir, "runs"));
        Assert.AreEqual(HarmonySimCommand.BadInput, exit, error);
        StringAssert.Contains(error, "duration.epochs");
        Assert.IsFalse(Directory.Exists(Path.Combine(dir, "runs")));
        Directory.Delete(dir, recursive: true);
    }

    [TestMethod]
    [DataRow("duration:\n  time: 60s", "duration:\n  blocks: 1_000_000_000", "block_time: 2s", "block_time: 10m",
        "duration.blocks: 1000000000 at 600 s blocks needs a cap of")]
    [DataRow("latency:\n", "latency:\n  bandwidth_mbps: 0.0000000000000000000001\n", "", "",
        "latency.bandwidth_mbps: expected a bandwidth in Mbit/s from 0.001")]
    public void A_scenario_whose_arithmetic_would_overflow_is_refused_naming_the_field(string from, string to, string from2, string to2, string message)
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(HarmonySim.Silo.Scenarios.ScenarioFolder.Resolve("quickstart")).Replace(from, to, StringComparison.Ordinal);
        if (from2.Length > 0) text = text.Replace(from2, to2, StringComparison.Ordinal);
        var file = Path.Combine(dir, "overflow.yaml");
        File.WriteAllText(file, text);
        var (exit, _, error) = Invoke("run", file, "--out", Path.Combine(dir, "runs"));
        Assert.AreEqual(HarmonySimCommand.BadInput, exit, error);
        StringAssert.Contains(error, message);
        Assert.DoesNotContain("   at ", error);
        Directory.Delete(dir, recursive: true);
    }

    [TestMethod]
    public void An_unwritable_out_folder_exits_2_naming_out_before_anything_runs()
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        // A path under a regular file: no one, root included, can create a folder there.
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "");
        var (exit, output, error) = Invoke("run", "quickstart", "--out", Path.Combine(file, "runs"));
        Assert.AreEqual(HarmonySimCommand.BadInput, exit, error);
        StringAssert.Contains(error, "--out");
        Assert.DoesNotContain("t=", output, "nothing ran");
        Directory.Delete(dir, recursive: true);
    }

    [TestMethod]
    public void Run_help_lists_the_exit_codes()
    {
        var (exit, output, _) = Invoke("run", "--help");
        Assert.AreEqual(0, exit);
        foreach (var code in new[] { "0 every check passed", "1 a check failed", "2 bad input", "3 an internal error", "130", "143" })
            StringAssert.Contains(output, code);
    }
}
