using BenchmarkDotNet.Running;
using HarmonySim.Bench.Crypto;
using HarmonySim.Bench.Mempool;

namespace HarmonySim.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        switch (args)
        {
            case ["secp-quick"]:
                AccountKeyQuick.Run(Console.Out);
                return;
            case ["pool-quick"]:
                PoolQuick.Run(Console.Out);
                return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
