using System.CommandLine;

namespace HarmonySim.Silo.Commands;

/// <summary>The <c>harmonysim</c> command line and its subcommands.</summary>
public static class HarmonySimCommand
{
    /// <summary>Exit code for bad input (all exit codes: <see cref="ExitCodes"/>).</summary>
    public const int BadInput = ExitCodes.BadInput;

    /// <summary>Parses and runs a command line; a malformed command line exits with <see cref="BadInput"/>.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        // No ProcessTerminationTimeout: `run` handles SIGINT/SIGTERM itself (StopSignals says why). No default
        // exception handler: it would exit 1, which means "a check failed"; an unexpected exception is exit 3.
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out, Error = error ?? Console.Error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count == 0 || parse.Action is not System.CommandLine.Invocation.ParseErrorAction) return Invoke(parse, configuration);
        foreach (var e in parse.Errors) configuration.Error.WriteLine($"harmonysim: {e.Message}");
        configuration.Error.WriteLine("Run 'harmonysim --help' for usage.");
        return BadInput;
    }

    /// <summary>Runs the parsed command; an exception no command handled is an internal error (exit 3, trace in a log file).</summary>
    private static int Invoke(ParseResult parse, InvocationConfiguration configuration)
    {
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            var log = ErrorLog.Write(Path.GetTempPath(), e);
            configuration.Error.WriteLine(ErrorLog.Line(e, log));
            return ExitCodes.InternalError;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("HarmonySim: a network simulator and testnet for the Harmony protocol.");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(ScenariosCommand.Build());
        root.Subcommands.Add(SiloCommand.Build());
        root.Subcommands.Add(DashboardCommand.Build());
        root.Subcommands.Add(RunsCommand.Build());
        root.Subcommands.Add(CampaignCommand.Build());
        root.Subcommands.Add(TestnetCommand.Build());
        root.Subcommands.Add(ScoreboardCommand.Build());
        return root;
    }
}
