using System.Diagnostics;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>
/// A guard against accidentally quadratic pool operations, with bounds far looser than the measured speed
/// (bench <c>pool-quick</c>: about 50,000–100,000 adds/s and a 3,809-of-100,000 selection in a few ms) so a busy
/// shared machine does not fail it.
/// </summary>
[TestClass]
public sealed class TxPoolScaleTests
{
    [TestMethod]
    public void Twenty_thousand_adds_and_a_full_block_selection_stay_fast()
    {
        const int senders = 2_000, perSender = 10;
        var ledger = ShardLedger.Genesis(0, 1, 2, acceptSimulatedSignatures: true);
        var addresses = new Address[senders];
        for (var i = 0; i < senders; i++)
        {
            addresses[i] = new Address(Keccak256.Hash(BitConverter.GetBytes(i)).ToArray().AsSpan(0, Address.Size));
            ledger = ledger.Fund(addresses[i], BigInteger.Pow(10, 21));
        }
        var txs = new List<SignedTransfer>(senders * perSender);
        for (var n = 0; n < perSender; n++)
            for (var i = 0; i < senders; i++)
            {
                var price = new BigInteger(100_000_000_000L + ((i * 7919L) + (n * 104_729L)) % 1000 * 1_000_000_000L);
                var tx = SignedTransfer.SignSimulated(new Transfer(addresses[i], addresses[(i + 1) % senders], 0, 0, 1, (ulong)n) { GasPrice = price }, 2);
                _ = tx.Hash;
                txs.Add(tx);
            }

        var pool = new TxPool(0, TxPoolRules.Harmony with { Capacity = txs.Count, BlockGasLimit = 80_000_000 });
        var watch = Stopwatch.StartNew();
        foreach (var tx in txs) Assert.IsTrue(pool.Add(tx, ledger).IsAccepted);
        var addsPerSecond = txs.Count / watch.Elapsed.TotalSeconds;
        Assert.IsGreaterThan(5_000.0, addsPerSecond, $"{addsPerSecond:N0} adds/s");

        watch.Restart();
        var block = pool.Select(ledger, 80_000_000);
        Assert.IsLessThan(500.0, watch.Elapsed.TotalMilliseconds, $"select took {watch.Elapsed.TotalMilliseconds:N1} ms");
        Assert.HasCount(3_809, block);

        foreach (var tx in block) ledger = ledger.ApplyTransfer(tx).Ledger!;
        watch.Restart();
        Assert.AreEqual(3_809, pool.Prune(ledger).IncludedCount);
        Assert.IsLessThan(500.0, watch.Elapsed.TotalMilliseconds, $"prune took {watch.Elapsed.TotalMilliseconds:N1} ms");
        Assert.AreEqual(txs.Count - 3_809, pool.Count);
    }
}
