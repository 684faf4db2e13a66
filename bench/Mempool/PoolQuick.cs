using System.Diagnostics;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Bench.Mempool;

/// <summary>
/// A Stopwatch run of the pool at scale (<c>bench -- pool-quick</c>): 100,000 adds, then selecting a block of
/// 80,000,000 gas (3,809 transfers) from them, then pruning after it.
/// </summary>
public static class PoolQuick
{
    public static void Run(TextWriter output)
    {
        var workload = new PoolWorkload();
        for (var round = 0; round < 3; round++)
        {
            var pool = workload.NewPool();
            var watch = Stopwatch.StartNew();
            foreach (var tx in workload.Transactions)
                if (!pool.Add(tx, workload.Head).IsAccepted) throw new InvalidOperationException("workload transaction refused");
            var addSeconds = watch.Elapsed.TotalSeconds;

            // The fastest of ten: the machine is shared, and selection does not change the pool.
            var selectMs = double.MaxValue;
            IReadOnlyList<SignedTransfer> block = [];
            for (var i = 0; i < 10; i++)
            {
                watch.Restart();
                block = pool.Select(workload.Head, 80_000_000);
                selectMs = Math.Min(selectMs, watch.Elapsed.TotalMilliseconds);
            }

            var ledger = workload.Head;
            foreach (var tx in block) ledger = ledger.ApplyTransfer(tx).Ledger!;
            watch.Restart();
            var pruned = pool.Prune(ledger);
            var pruneMs = watch.Elapsed.TotalMilliseconds;

            output.WriteLine($"round {round}: {workload.Transactions.Length / addSeconds:N0} adds/s; select {block.Count} of {pool.Count + pruned.IncludedCount} in {selectMs:N1} ms (best of 10); prune {pruned.IncludedCount} in {pruneMs:N1} ms ({(ulong)block.Count * Transfer.IntrinsicGas:N0} gas)");
        }
    }
}
