using System.CommandLine;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim run SCENARIO</c>. The simulation runtime (grains, scenarios, the run report) is the
/// runtime issue's work; until it lands this command says so plainly instead of pretending to run.
/// </summary>
public static class RunCommand
{
    public const string NotYetAvailable =
        "harmonysim run: the simulation runtime is not built yet (it is the runtime issue's work). " +
        "This build contains the protocol library: FBFT consensus and the simulated signature scheme, " +
        "exercised by the test suite (see README.md).";

    public static Command Build()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario YAML file to run." };
        var command = new Command("run", "Run one scenario on an embedded silo and write the run folder.") { scenario };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            parse.InvocationConfiguration.Output.WriteLine(NotYetAvailable);
            parse.InvocationConfiguration.Output.WriteLine($"(scenario given: {file.Name})");
            return 0;
        });
        return command;
    }
}
