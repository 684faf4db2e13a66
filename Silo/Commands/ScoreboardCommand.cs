using System.CommandLine;
using System.Text.Json;
using HarmonySim.Silo.Reports;

namespace HarmonySim.Silo.Commands;

/// <summary><c>harmonysim scoreboard RUN_FOLDER...</c>: ranks the teams of game-of-stakes runs across the runs (docs/GAME-OF-STAKES.md).</summary>
public static class ScoreboardCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Build()
    {
        var folders = new Argument<string[]>("run-folders") { Description = "Run folders written by harmonysim run of scenarios with teams.", Arity = ArgumentArity.OneOrMore };
        var asJson = new Option<bool>("--json") { Description = "Print the standings as JSON instead of a table." };
        var command = new Command("scoreboard", "Rank the teams of game-of-stakes runs across runs (each run's report.json scoreboard). Exit codes: 0, 2 bad input.")
        {
            folders, asJson,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var runs = new List<CrossRunScoreboard.RunScores>();
            var problems = new List<string>();
            foreach (var folder in parse.GetValue(folders) ?? [])
            {
                if (CrossRunScoreboard.Read(folder, out var problem) is { } run) runs.Add(run);
                else problems.Add(problem!);
            }
            if (problems.Count > 0)
            {
                foreach (var p in problems) error.WriteLine($"harmonysim scoreboard: {p}");
                return ExitCodes.BadInput;
            }
            var standings = CrossRunScoreboard.Rank(runs);
            output.Write(parse.GetValue(asJson)
                ? JsonSerializer.Serialize(standings, Json) + "\n"
                : CrossRunScoreboard.Table(runs, standings));
            return ExitCodes.Passed;
        });
        return command;
    }
}
