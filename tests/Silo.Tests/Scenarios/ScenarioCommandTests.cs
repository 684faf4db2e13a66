using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class ScenarioCommandTests
{
    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Bundled(string file) =>
        Path.Combine(ScenarioFolder.Find(AppContext.BaseDirectory) ?? throw new AssertFailedException("no scenarios/ folder"), file);

    [TestMethod]
    public void Validate_prints_a_summary_and_an_estimate_and_exits_0_for_a_valid_scenario()
    {
        var path = Bundled("quickstart.yaml");
        var (exit, output, error) = Invoke("validate", path);
        Assert.AreEqual(0, exit, error);
        Assert.AreEqual("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(2, lines.Length, "the summary and the estimate");
        StringAssert.StartsWith(lines[0], $"{path}: valid: 'quickstart': 1 shard × 16 slots");
        StringAssert.StartsWith(lines[1], "estimate: 30 blocks, 2,880 message deliveries, ");
    }

    [TestMethod]
    public void Validate_finds_a_bundled_scenario_by_name()
    {
        var (exit, output, _) = Invoke("validate", "partition-no-quorum");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, $"scenarios{Path.DirectorySeparatorChar}partition-no-quorum.yaml: valid: 'partition-no-quorum'");
        Assert.IsFalse(Path.IsPathRooted(output.Split(':')[0]), "the file is named relative to the current directory");
    }

    [TestMethod]
    public void Validate_prints_every_error_on_stderr_and_exits_2_for_a_malformed_scenario()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmonysim-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "description: bad\nnetwork:\n  shards: 0\n  slots_per_shard: 4\n  harmony_slots_per_shard: 4\ncohorts:\n  - name: a\n    validators: 4\n    harmony_operated: true\nduration:\n  tme: 60s\n");
        try
        {
            var (exit, output, error) = Invoke("validate", path);
            Assert.AreEqual(HarmonySimCommand.BadInput, exit);
            Assert.AreEqual("", output);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            CollectionAssert.Contains(lines, $"{path}:3:11: network.shards: must be between 1 and 64, got 0");
            Assert.IsTrue(lines.Any(l => l.StartsWith($"{path}:11:3: duration.tme: unknown field 'tme' (did you mean 'time'?)", StringComparison.Ordinal)), error);
            Assert.AreEqual($"{path}: 3 errors; the scenario is not valid.", lines[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Validate_of_a_missing_file_exits_2_naming_the_file()
    {
        var (exit, _, error) = Invoke("validate", "nowhere/missing.yaml");
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.StartsWith(error, "nowhere/missing.yaml:1:1: file: cannot read the scenario file");
    }

    [TestMethod]
    public void Validate_without_a_scenario_is_a_usage_error()
    {
        var (exit, _, error) = Invoke("validate");
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.Contains(error, "'validate'");
    }

    [TestMethod]
    public void Scenarios_lists_each_bundled_scenario_with_its_description()
    {
        var (exit, output, error) = Invoke("scenarios");
        Assert.AreEqual(0, exit, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var files = ScenarioFolder.Bundled(AppContext.BaseDirectory);
        Assert.AreEqual(files.Count, lines.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var scenario = ScenarioLoader.LoadFile(files[i]).Scenario!;
            StringAssert.StartsWith(lines[i], Path.GetFileNameWithoutExtension(files[i]) + " ");
            StringAssert.EndsWith(lines[i], scenario.Description);
        }
    }

    [TestMethod]
    public void The_scenarios_folder_is_found_from_a_subfolder_of_the_repository()
    {
        var folder = ScenarioFolder.Find(AppContext.BaseDirectory);
        Assert.IsNotNull(folder);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "..", ScenarioFolder.SolutionFile)));
        Assert.IsNull(ScenarioFolder.Find(Path.GetPathRoot(AppContext.BaseDirectory)));
    }
}
