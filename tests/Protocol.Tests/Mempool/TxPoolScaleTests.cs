using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>
/// The pool at the size of a mainnet block: 20,000 transactions from 2,000 senders, a full 80 M gas block selected
/// and pruned. Its speed is measured by the benchmark (bench <c>pool-quick</c>, bench/RESULTS.md), never here: tests
/// assert no wall-clock times.
/// </summary>
[TestClass]
public sealed class TxPoolScaleTests
{
    [TestMethod]
    public void Twenty_thousand_adds_fill_a_block_of_3809_transfers_that_prunes_cleanly()
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
        foreach (var tx in txs) Assert.IsTrue(pool.Add(tx, ledger).IsAccepted);

        var block = pool.Select(ledger, 80_000_000);
        Assert.HasCount(3_809, block);

        foreach (var tx in block) ledger = ledger.ApplyTransfer(tx).Ledger!;
        Assert.AreEqual(3_809, pool.Prune(ledger).IncludedCount);
        Assert.AreEqual(txs.Count - 3_809, pool.Count);
    }
}
