using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.Mempool.PoolFixture;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>A full pool makes room only for a better-paying transfer, by dropping the cheapest sender's last one.</summary>
[TestClass]
public sealed class TxPoolEvictionTests
{
    private static readonly ShardLedger Head = Ledger();

    [TestMethod]
    public void A_better_paying_transfer_evicts_the_highest_nonce_of_the_cheapest_sender()
    {
        var pool = Pool(capacity: 3);
        Accepted(pool.Add(Tx(0, 0, price: 100 * Gwei), Head));
        var cheapLast = Tx(0, 1, price: 100 * Gwei);
        Accepted(pool.Add(cheapLast, Head));
        Accepted(pool.Add(Tx(1, 0, price: 150 * Gwei), Head));

        var outcome = pool.Add(Tx(2, 0, price: 120 * Gwei), Head);
        Assert.AreEqual(PoolAddKind.AcceptedWithEviction, outcome.Kind);
        Assert.AreSame(cheapLast, outcome.Evicted);
        Assert.AreEqual(3, pool.Count);
        Assert.HasCount(1, pool.PendingOf(Addr(0)), "only the last nonce went: no gap");
    }

    [TestMethod]
    public void The_price_that_counts_is_the_senders_last_pending_one()
    {
        var pool = Pool(capacity: 3);
        Accepted(pool.Add(Tx(0, 0, price: 100 * Gwei), Head));
        Accepted(pool.Add(Tx(0, 1, price: 300 * Gwei), Head)); // sender 0's tail is dear
        var victim = Tx(1, 0, price: 200 * Gwei);
        Accepted(pool.Add(victim, Head));
        Assert.AreSame(victim, pool.Add(Tx(2, 0, price: 250 * Gwei), Head).Evicted);
    }

    [TestMethod]
    public void Among_equally_cheap_senders_the_most_recently_added_is_evicted()
    {
        var pool = Pool(capacity: 3);
        Accepted(pool.Add(Tx(0, 0), Head));
        Accepted(pool.Add(Tx(1, 0), Head));
        var newest = Tx(2, 0);
        Accepted(pool.Add(newest, Head));
        Assert.AreSame(newest, pool.Add(Tx(3, 0, price: 2 * MinPrice), Head).Evicted);
    }

    [TestMethod]
    public void Only_a_strictly_higher_price_evicts()
    {
        var pool = Pool(capacity: 1);
        Accepted(pool.Add(Tx(0, 0, price: 150 * Gwei), Head));
        Rejected(PoolRejection.PoolFull, pool.Add(Tx(1, 0, price: 150 * Gwei), Head));
        Rejected(PoolRejection.PoolFull, pool.Add(Tx(1, 0, price: 149 * Gwei), Head));
        Assert.AreEqual(PoolAddKind.AcceptedWithEviction, pool.Add(Tx(1, 0, price: 151 * Gwei), Head).Kind);
    }

    [TestMethod]
    public void A_sender_never_evicts_its_own_chain()
    {
        var pool = Pool(capacity: 2);
        Accepted(pool.Add(Tx(0, 0), Head));
        Accepted(pool.Add(Tx(0, 1), Head));
        Rejected(PoolRejection.PoolFull, pool.Add(Tx(0, 2, price: 10 * MinPrice), Head));
        CollectionAssert.AreEqual(new ulong[] { 0, 1 }, pool.PendingOf(Addr(0)).Select(t => t.Message.Nonce).ToArray());
    }

    [TestMethod]
    public void When_the_cheapest_is_the_senders_own_the_next_cheapest_sender_is_evicted()
    {
        var pool = Pool(capacity: 2);
        Accepted(pool.Add(Tx(0, 0), Head));
        var other = Tx(1, 0, price: 110 * Gwei);
        Accepted(pool.Add(other, Head));
        Assert.AreSame(other, pool.Add(Tx(0, 1, price: 120 * Gwei), Head).Evicted);
        Assert.HasCount(2, pool.PendingOf(Addr(0)));
    }

    [TestMethod]
    public void An_evicted_sender_can_come_back_once_there_is_room()
    {
        var pool = Pool(capacity: 1);
        var evicted = Tx(0, 0);
        Accepted(pool.Add(evicted, Head));
        Assert.AreSame(evicted, pool.Add(Tx(1, 0, price: 2 * MinPrice), Head).Evicted);
        Assert.IsEmpty(pool.PendingOf(Addr(0)));
        Rejected(PoolRejection.PoolFull, pool.Add(evicted, Head));
        Assert.AreEqual(PoolAddKind.AcceptedWithEviction, pool.Add(Tx(0, 0, price: 3 * MinPrice), Head).Kind);
    }
}
