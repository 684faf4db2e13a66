using System.Diagnostics;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Bench.Crypto;

/// <summary>
/// A Stopwatch loop over sign and recover (<c>bench -- secp-quick</c>): a rough ops/s in seconds, where a full
/// BenchmarkDotNet run takes minutes on a small machine.
/// </summary>
public static class AccountKeyQuick
{
    public static void Run(TextWriter output)
    {
        var key = AccountKey.FromSecret(Keccak256.Hash("bench signer"u8).ToArray());
        var hashes = new byte[256][];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = Keccak256.Hash([(byte)i, 7]).ToArray();
        var signatures = new RecoverableSignature[hashes.Length];
        for (var i = 0; i < hashes.Length; i++) signatures[i] = key.Sign(hashes[i]);

        output.WriteLine($"sign:    {Measure(i => key.Sign(hashes[i % hashes.Length])):N0} ops/s");
        output.WriteLine($"recover: {Measure(i => AccountKey.RecoverAddress(hashes[i % hashes.Length], signatures[i % hashes.Length])):N0} ops/s");
    }

    // Runs the operation for about two seconds after a short warm-up and returns operations per second.
    private static double Measure(Func<int, object?> operation)
    {
        for (var i = 0; i < 200; i++) operation(i);
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.ElapsedMilliseconds < 2000)
            for (var j = 0; j < 50; j++) operation(n++);
        return n / watch.Elapsed.TotalSeconds;
    }
}
