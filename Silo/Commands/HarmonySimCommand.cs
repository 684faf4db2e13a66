using System.CommandLine;

namespace HarmonySim.Silo.Commands;

/// <summary>The <c>harmonysim</c> command line and its subcommands.</summary>
public static class HarmonySimCommand
{
    /// <summary>Exit code for bad input (README: 0 passed, 1 a check failed, 2 bad input).</summary>
    public const int BadInput = 2;

    /// <summary>Parses and runs a command line; a malformed command line exits with <see cref="BadInput"/>.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (parse.Errors.Count == 0 || parse.Action is not System.CommandLine.Invocation.ParseErrorAction) return parse.Invoke(configuration);
        foreach (var e in parse.Errors) configuration.Error.WriteLine($"harmonysim: {e.Message}");
        configuration.Error.WriteLine("Run 'harmonysim --help' for usage.");
        return BadInput;
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("HarmonySim: a network simulator and testnet for the Harmony protocol.");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(ScenariosCommand.Build());
        return root;
    }
}
