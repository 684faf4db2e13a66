using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.Mempool.PoolFixture;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>Pruning against a committed ledger: used nonces leave as included, what can no longer apply is dropped.</summary>
[TestClass]
public sealed class TxPoolPruneTests
{
    private static readonly ShardLedger Head = Ledger();

    [TestMethod]
    public void Included_transfers_leave_the_pool_and_the_rest_stay()
    {
        var pool = Pool();
        for (var n = 0UL; n < 3; n++) Accepted(pool.Add(Tx(0, n), Head));
        Accepted(pool.Add(Tx(1, 0), Head));
        var block = pool.Select(Head, 2 * Protocol.Chain.Transactions.Transfer.IntrinsicGas);
        var committed = Head;
        foreach (var tx in block) committed = committed.ApplyTransfer(tx).Ledger!;

        var pruned = pool.Prune(committed);
        CollectionAssert.AreEquivalent(block.ToArray(), pruned.Included.ToArray());
        Assert.AreEqual(0, pruned.DroppedCount);
        Assert.AreEqual(2, pool.Count);
        foreach (var tx in block) Assert.IsFalse(pool.Contains(tx.Hash));
        Assert.IsEmpty(pool.Prune(committed).Included, "pruning twice removes nothing more");
    }

    [TestMethod]
    public void A_sender_whose_balance_fell_elsewhere_loses_what_it_can_no_longer_pay()
    {
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0), Head));
        Accepted(pool.Add(Tx(0, 1), Head));
        Accepted(pool.Add(Tx(0, 2), Head));
        // Another node's block carried a different nonce 0 that spent almost everything.
        var fee = MinPrice * Protocol.Chain.Transactions.Transfer.IntrinsicGas;
        var other = Tx(0, 0, amount: (1000 * OneOne) - (2 * fee));
        var committed = Head.ApplyTransfer(other).Ledger!;

        var pruned = pool.Prune(committed);
        Assert.AreEqual(1, pruned.IncludedCount, "nonce 0 is used, whichever transfer used it");
        Assert.AreEqual(2, pruned.DroppedCount, "nonce 1 is no longer covered, and nonce 2 could not follow it");
        Assert.AreEqual(0, pool.Count);
        Assert.IsEmpty(pool.PendingOf(Addr(0)));
    }

    [TestMethod]
    public void Pending_transfers_after_a_gap_are_dropped()
    {
        var pool = Pool();
        var head = Head.ApplyTransfer(Tx(0, 0)).Ledger!;
        Accepted(pool.Add(Tx(0, 1), head));
        Accepted(pool.Add(Tx(0, 2), head));
        // Pruned against a ledger from before nonce 0 was used: nonces 1 and 2 cannot apply on it.
        var pruned = pool.Prune(Head);
        Assert.AreEqual(2, pruned.DroppedCount);
        Assert.AreEqual(0, pool.Count);
    }

    [TestMethod]
    public void A_pruned_pool_takes_the_next_nonces()
    {
        var pool = Pool();
        var tx = Tx(0, 0);
        Accepted(pool.Add(tx, Head));
        var committed = Head.ApplyTransfer(tx).Ledger!;
        pool.Prune(committed);
        Rejected(PoolRejection.NonceTooLow, pool.Add(Tx(0, 0, price: 2 * MinPrice), committed));
        Accepted(pool.Add(Tx(0, 1), committed));
    }
}
