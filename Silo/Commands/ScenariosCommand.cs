using System.CommandLine;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Commands;

/// <summary><c>harmonysim scenarios</c>: lists the bundled scenario files, one line each, from their <c>description</c>.</summary>
public static class ScenariosCommand
{
    public static Command Build()
    {
        var command = new Command("scenarios", "List the bundled scenarios in scenarios/ with one line each.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var files = ScenarioFolder.Bundled();
            if (files.Count == 0)
            {
                error.WriteLine("harmonysim scenarios: no scenario files found: there is no scenarios/ folder here or at the repository root (the folder holding HarmonySim.slnx).");
                return HarmonySimCommand.BadInput;
            }
            var names = files.Select(Path.GetFileNameWithoutExtension).ToList();
            var width = names.Max(n => n!.Length);
            for (var i = 0; i < files.Count; i++)
            {
                var result = ScenarioLoader.LoadFile(files[i]);
                var line = result.Scenario is { } s
                    ? s.Description
                    : $"(not valid: {result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")}; see harmonysim validate {Path.GetFileName(files[i])})";
                output.WriteLine($"{names[i]!.PadRight(width)}  {line}");
            }
            return 0;
        });
        return command;
    }
}
