using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.Mempool.PoolFixture;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>Replacing a pending nonce (Harmony's tx_list.go Add: a 1 % price bump, and strictly more than before).</summary>
[TestClass]
public sealed class TxPoolReplacementTests
{
    private static readonly ShardLedger Head = Ledger();

    [TestMethod]
    [DataRow(100L, 101L, true)]
    [DataRow(100L, 100L, false)]
    [DataRow(150L, 151L, false)] // 151 < 150 × 1.01 = 151.5
    [DataRow(150L, 152L, true)]
    [DataRow(200L, 202L, true)]
    [DataRow(200L, 201L, false)]
    public void A_replacement_must_raise_the_price_by_one_percent(long oldGwei, long newGwei, bool accepted)
    {
        var pool = Pool();
        var old = Tx(0, 0, price: oldGwei * Gwei);
        Accepted(pool.Add(old, Head));
        var replacement = Tx(0, 0, price: newGwei * Gwei, amount: 2);
        var outcome = pool.Add(replacement, Head);
        if (accepted)
        {
            Assert.AreEqual(PoolAddKind.Replaced, outcome.Kind);
            Assert.AreSame(old, outcome.Replaced);
            Assert.IsFalse(pool.Contains(old.Hash));
            Assert.IsTrue(pool.Contains(replacement.Hash));
        }
        else
        {
            Rejected(PoolRejection.ReplacementUnderpriced, outcome);
            Assert.IsTrue(pool.Contains(old.Hash));
        }
        Assert.AreEqual(1, pool.Count);
    }

    [TestMethod]
    public void At_tiny_prices_the_bump_still_needs_a_strictly_higher_price()
    {
        // 1 % of 5 rounds to 0: Harmony then still demands more than the old price.
        var pool = new TxPool(0, TxPoolRules.Harmony with { MinGasPrice = 0 });
        Accepted(pool.Add(Tx(0, 0, price: 5), Head));
        Rejected(PoolRejection.ReplacementUnderpriced, pool.Add(Tx(0, 0, price: 5, amount: 2), Head));
        Assert.AreEqual(PoolAddKind.Replaced, pool.Add(Tx(0, 0, price: 6), Head).Kind);
    }

    [TestMethod]
    public void A_replacement_in_the_middle_keeps_the_order_of_nonces()
    {
        var pool = Pool();
        for (var n = 0UL; n < 3; n++) Accepted(pool.Add(Tx(0, n), Head));
        var middle = Tx(0, 1, price: 2 * MinPrice);
        Assert.AreEqual(PoolAddKind.Replaced, pool.Add(middle, Head).Kind);
        var pending = pool.PendingOf(Addr(0));
        CollectionAssert.AreEqual(new ulong[] { 0, 1, 2 }, pending.Select(t => t.Message.Nonce).ToArray());
        Assert.AreSame(middle, pending[1]);
    }

    [TestMethod]
    public void A_replacement_that_would_leave_later_transfers_unaffordable_is_refused()
    {
        var fee = MinPrice * Protocol.Chain.Transactions.Transfer.IntrinsicGas;
        var half = ((1000 * OneOne) / 2) - (2 * fee);
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0, amount: half), Head));
        Accepted(pool.Add(Tx(0, 1, amount: half), Head));
        Rejected(PoolRejection.InsufficientBalance, pool.Add(Tx(0, 0, amount: 2 * half, price: 2 * MinPrice), Head));
        Assert.AreEqual(PoolAddKind.Replaced, pool.Add(Tx(0, 0, amount: half, price: 2 * MinPrice), Head).Kind);
    }

    [TestMethod]
    public void A_replacement_needs_no_room_in_a_full_pool()
    {
        var pool = Pool(capacity: 1);
        Accepted(pool.Add(Tx(0, 0), Head));
        Assert.AreEqual(PoolAddKind.Replaced, pool.Add(Tx(0, 0, price: 2 * MinPrice), Head).Kind);
        Assert.AreEqual(1, pool.Count);
    }
}
