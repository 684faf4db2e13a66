using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo;

public static class Program
{
    public static int Main(string[] args) => HarmonySimCommand.Run(args);
}
