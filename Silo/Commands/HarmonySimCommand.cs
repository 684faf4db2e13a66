using System.CommandLine;

namespace HarmonySim.Silo.Commands;

/// <summary>The <c>harmonysim</c> command line. Subcommands appear here as their issues land.</summary>
public static class HarmonySimCommand
{
    /// <summary>Exit code for bad input (DESIGN.md: 0 passed, 1 a check failed, 2 bad input).</summary>
    public const int BadInput = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand("HarmonySim: a network simulator and testnet for the Harmony protocol.");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        return root;
    }
}
