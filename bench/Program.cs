using BenchmarkDotNet.Running;
using HarmonySim.Bench.Crypto;

namespace HarmonySim.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["secp-quick"])
        {
            AccountKeyQuick.Run(Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
