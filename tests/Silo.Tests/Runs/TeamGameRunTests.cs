using System.Text.Json;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>The team game (scenarios/gos-team-game.yaml): a deterministic scoreboard, the cartel's attack credited, and <c>harmonysim scoreboard</c> across runs.</summary>
[TestClass]
public sealed class TeamGameRunTests
{
    private static async Task<RunOutcome> Run(int silos, string name = "gos-team-game")
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");
        var outcome = await new Runner(silos).RunAsync(RunPlanBuilder.Build(scenario, $"team-game-{silos}-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        return outcome;
    }

    [TestMethod]
    public async Task The_scoreboard_is_the_same_on_one_and_two_silos_and_credits_the_cartels_halt()
    {
        var one = await Run(1);
        var two = await Run(2);
        Assert.AreEqual(one.Digest, two.Digest);
        Assert.AreEqual(JsonSerializer.Serialize(one.Report.Scoreboard), JsonSerializer.Serialize(two.Report.Scoreboard), "the scoreboard on two silos");

        var board = one.Report.Scoreboard;
        CollectionAssert.AreEquivalent(new[] { "cartel", "steady", "swarm" }, board.Select(s => s.Team).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, board.Select(s => s.Rank).ToArray());
        Assert.IsTrue(board.Zip(board.Skip(1)).All(p => p.First.Score >= p.Second.Score), "ranked by score");
        var cartel = board.Single(s => s.Team == "cartel");
        Assert.IsGreaterThan(1 / 3.0, cartel.MaxShardVotingPower);
        CollectionAssert.Contains(cartel.AttacksAchieved.ToArray(), "capture-1/3");
        CollectionAssert.Contains(cartel.AttacksAchieved.ToArray(), "halt (shard 0)");
        Assert.AreEqual(0, cartel.AttacksPunished, "it signed every block that was made");
        var swarm = board.Single(s => s.Team == "swarm");
        Assert.AreEqual(4, swarm.Validators, "the Sybil's validators are one team");
        Assert.IsEmpty(board.Single(s => s.Team == "steady").AttacksAchieved);
        foreach (var s in board) Assert.IsGreaterThan(0m, s.Rewards, s.Team);
        Assert.AreEqual(1, board.Sum(s => s.RewardShare), 1e-5, "every staked validator plays for a team");
        Assert.IsEmpty(one.Report.Staking.Rejected ?? [], "every team move applied");
        StringAssert.Contains(RunFolder.Markdown(one.Report, []), "## Scoreboard");
    }

    [TestMethod]
    public async Task Punished_teams_lose_their_stake_or_uptime_and_rank_last()
    {
        var slashed = (await Run(1, "gos-slashed-team")).Report.Scoreboard;
        var cheaters = slashed[^1];
        Assert.AreEqual(("cheaters", 30000m, 2), (cheaters.Team, cheaters.StakeLost, cheaters.AttacksPunished), "half of each cheater's 30,000 ONE self-stake");
        var dark = (await Run(1, "gos-dark-team")).Report.Scoreboard;
        var sleepy = dark[^1];
        Assert.AreEqual(("sleepy", 2), (sleepy.Team, sleepy.AttacksPunished), "both jailed");
        Assert.IsLessThan(2 / 3.0, sleepy.Uptime);
        Assert.AreEqual(1, dark[0].Uptime);
    }

    [TestMethod]
    public void The_scoreboard_command_ranks_teams_across_runs_and_refuses_a_folder_without_teams()
    {
        var root = Directory.CreateTempSubdirectory("harmonysim-scoreboard-").FullName;
        string Folder(string name, string scoreboard)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            File.WriteAllText(Path.Combine(folder, "report.json"), $$"""{ "scenario": "game", "seed": 1, "scoreboard": {{scoreboard}} }""");
            return folder;
        }
        static string Team(int rank, string team, double score) =>
            $$"""{ "rank": {{rank}}, "team": "{{team}}", "score": {{score}}, "strategy": "honest", "budget": 1, "validators": 1, "uptime": 1, "rewards": 2, "reward_share": 0.5, "budget_yield": 0, "stake_lost": 0, "max_shard_voting_power": 0.1, "attacks_achieved": [], "attacks_punished": 0 }""";
        var a = Folder("a", $"[{Team(1, "red", 300)}, {Team(2, "blue", 200)}]");
        var b = Folder("b", $"[{Team(1, "blue", 250)}, {Team(2, "red", 100)}]");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.AreEqual(ExitCodes.Passed, HarmonySimCommand.Run(["scoreboard", a, b, "--json"], output, error), error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var standings = json.RootElement.EnumerateArray().ToList();
        Assert.AreEqual("blue", standings[0].GetProperty("team").GetString(), "450 over 400");
        Assert.AreEqual(450, standings[0].GetProperty("total_score").GetDouble());
        Assert.AreEqual(1, standings[0].GetProperty("wins").GetInt32());
        Assert.AreEqual(2, standings[1].GetProperty("runs").GetInt32());

        var noTeams = Folder("c", "[]");
        var empty = Directory.CreateDirectory(Path.Combine(root, "d")).FullName;
        error = new StringWriter();
        Assert.AreEqual(ExitCodes.BadInput, HarmonySimCommand.Run(["scoreboard", a, noTeams, empty], new StringWriter(), error));
        StringAssert.Contains(error.ToString(), "the run has no teams");
        StringAssert.Contains(error.ToString(), "no report.json here");
    }
}
