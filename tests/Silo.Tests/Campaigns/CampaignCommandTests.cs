using System.Text.Json;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Campaigns;

/// <summary><c>harmonysim campaign</c>: runs seeds in-process, writes its report, prints a violation's seed and replay command.</summary>
[TestClass]
public sealed class CampaignCommandTests
{
    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Folder() => Directory.CreateTempSubdirectory("harmonysim-campaign-").FullName;

    [TestMethod]
    public void A_campaign_without_violations_exits_0_and_writes_its_report()
    {
        var folder = Folder();
        var (exit, output, error) = Invoke("campaign", "gos-twins-4", "--seeds", "50", "--jobs", "2", "--out", folder);
        Assert.AreEqual(0, exit, error + output);
        StringAssert.StartsWith(output, "50 runs in ");
        StringAssert.Contains(output, "violations: 0");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "campaign.json")));
        Assert.AreEqual(50, json.RootElement.GetProperty("runs").GetInt32());
        Assert.AreEqual(0, json.RootElement.GetProperty("violations").GetArrayLength());
        Assert.IsTrue(json.RootElement.GetProperty("scenarios_per_hour").GetDouble() > 0);
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "campaign.md")), "| safety | 0 |");
    }

    [TestMethod]
    public void A_violation_exits_1_and_prints_the_seed_and_the_command_that_replays_it()
    {
        var scenario = WithheldScenario();
        var (exit, output, error) = Invoke("campaign", scenario, "--seeds", "3", "--jobs", "1", "--out", Folder());
        Assert.AreEqual(1, exit, error + output);
        StringAssert.Contains(output, "first violation: seed 1: liveness: shard 0 committed nothing");
        StringAssert.Contains(output, $"replay: harmonysim campaign {scenario} --first-seed 1 --seeds 1");

        var (replayExit, replay, _) = Invoke("campaign", scenario, "--first-seed", "1", "--seeds", "1", "--out", Folder());
        Assert.AreEqual(1, replayExit);
        StringAssert.Contains(replay, "first violation: seed 1: liveness");
    }

    [TestMethod]
    public void A_bad_scenario_or_seed_count_is_bad_input()
    {
        Assert.AreEqual(ExitCodes.BadInput, Invoke("campaign", "gos-twins-4", "--seeds", "0").Exit);
        var bad = Path.Combine(Folder(), "bad.yaml");
        File.WriteAllText(bad, "name: bad\nnetwork:\n  shards: -1\n");
        var (exit, _, error) = Invoke("campaign", bad, "--seeds", "1");
        Assert.AreEqual(ExitCodes.BadInput, exit);
        StringAssert.Contains(error, "bad.yaml");
    }

    [TestMethod]
    public void Exploration_options_reach_the_runs_and_every_replay_command()
    {
        var scenario = WithheldScenario();
        var (exit, output, error) = Invoke("campaign", scenario, "--seeds", "1", "--jobs", "1", "--out", Folder(),
            "--byzantine-leaders", "1", "--commit-cuts", "0", "--lossy-rounds", "0.125");
        Assert.AreEqual(1, exit, error + output);
        // The replay command keeps the options, so a printed seed names the same schedule.
        StringAssert.Contains(output, $"replay: harmonysim campaign {scenario} --first-seed 1 --seeds 1 --byzantine-leaders 1 --commit-cuts 0 --lossy-rounds 0.125");
        Assert.AreEqual(ExitCodes.BadInput, Invoke("campaign", scenario, "--seeds", "1", "--lossy-rounds", "0.6").Exit);
        var (badExit, _, badError) = Invoke("campaign", scenario, "--seeds", "1", "--byzantine-leaders", "-0.1");
        Assert.AreEqual(ExitCodes.BadInput, badExit);
        StringAssert.Contains(badError, "--byzantine-leaders must lie between 0 and 1");
    }

    /// <summary>Three of four nodes withhold their votes: whichever node the campaign makes byzantine, no quorum is left.</summary>
    private static string WithheldScenario()
    {
        var scenario = Path.Combine(Folder(), "withheld.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Bundled("gos-twins-4.yaml"))
            .Replace("name: gos-twins-4", "name: withheld", StringComparison.Ordinal)
            .Replace("""
              - name: harmony
                validators: 4
                harmony_operated: true
                region: us-east
            """, """
              - name: harmony
                validators: 1
                harmony_operated: true
                region: us-east
              - name: withholders
                validators: 3
                harmony_operated: true
                region: us-east
                behaviour: withhold-votes
            """, StringComparison.Ordinal));
        return scenario;
    }

    private static string Bundled(string file) =>
        Path.Combine(ScenarioFolder.Find(AppContext.BaseDirectory) ?? throw new AssertFailedException("no scenarios/ folder"), file);
}
