using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.Mempool.PoolFixture;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>Block selection: gas price across senders, nonce order within one, the gas limit, and no change to the pool.</summary>
[TestClass]
public sealed class TxPoolSelectionTests
{
    private static readonly ShardLedger Head = Ledger();
    private const ulong Roomy = 30_000_000;

    private static string Order(IReadOnlyList<SignedTransfer> txs) =>
        string.Join(" ", txs.Select(t => $"{Enumerable.Range(0, 8).First(i => Addr(i) == t.Message.From)}:{t.Message.Nonce}"));

    [TestMethod]
    public void Senders_go_by_the_price_of_their_next_nonce_and_each_sender_in_nonce_order()
    {
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0, price: 100 * Gwei), Head));
        Accepted(pool.Add(Tx(0, 1, price: 300 * Gwei), Head));
        Accepted(pool.Add(Tx(1, 0, price: 200 * Gwei), Head));
        Accepted(pool.Add(Tx(2, 0, price: 150 * Gwei), Head));
        // Sender 0's dear nonce 1 must wait for its cheap nonce 0.
        Assert.AreEqual("1:0 2:0 0:0 0:1", Order(pool.Select(Head, Roomy)));
    }

    [TestMethod]
    public void Equal_prices_go_in_arrival_order()
    {
        var pool = Pool();
        Accepted(pool.Add(Tx(3, 0), Head));
        Accepted(pool.Add(Tx(1, 0), Head));
        Accepted(pool.Add(Tx(2, 0), Head));
        Assert.AreEqual("3:0 1:0 2:0", Order(pool.Select(Head, Roomy)));
    }

    [TestMethod]
    [DataRow(0UL, 0)]
    [DataRow(20_999UL, 0)]
    [DataRow(21_000UL, 1)]
    [DataRow(62_999UL, 2)]
    [DataRow(63_000UL, 3)]
    [DataRow(1_000_000UL, 5)]
    public void Selection_stops_when_the_gas_runs_out(ulong gasLimit, int expected)
    {
        var pool = Pool();
        for (var i = 0; i < 5; i++) Accepted(pool.Add(Tx(i, 0), Head));
        Assert.HasCount(expected, pool.Select(Head, gasLimit));
    }

    [TestMethod]
    public void A_sender_whose_next_gas_limit_does_not_fit_is_skipped_and_others_continue()
    {
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0, price: 300 * Gwei), Head));
        Accepted(pool.Add(Tx(0, 1, price: 300 * Gwei, gasLimit: 50_000), Head));
        Accepted(pool.Add(Tx(0, 2, price: 300 * Gwei), Head));
        Accepted(pool.Add(Tx(1, 0, price: 200 * Gwei), Head));
        Accepted(pool.Add(Tx(2, 0, price: 100 * Gwei), Head));
        // 84,000 gas: 0:0 uses 21,000; 0:1 may use up to 50,000 of the 63,000 left, so it goes in and uses 21,000.
        Assert.AreEqual("0:0 0:1 0:2 1:0", Order(pool.Select(Head, 84_000)));
        // 63,000 gas: after 0:0, 0:1's 50,000 does not fit the 42,000 left: sender 0 is done, the others go on.
        Assert.AreEqual("0:0 1:0 2:0", Order(pool.Select(Head, 63_000)));
    }

    [TestMethod]
    public void Selecting_does_not_change_the_pool()
    {
        var pool = Pool();
        for (var i = 0; i < 4; i++)
            for (var n = 0UL; n < 3; n++) Accepted(pool.Add(Tx(i, n, price: (100 + (10 * i)) * Gwei), Head));
        var first = pool.Select(Head, 5 * Transfer.IntrinsicGas);
        Assert.AreEqual(12, pool.Count);
        CollectionAssert.AreEqual(first.ToArray(), pool.Select(Head, 5 * Transfer.IntrinsicGas).ToArray());
    }

    [TestMethod]
    public void The_selection_applies_on_the_parent_ledger()
    {
        var pool = Pool();
        for (var i = 0; i < 4; i++)
            for (var n = 0UL; n < 3; n++) Accepted(pool.Add(Tx(i, n, price: (100 + (37 * (int)n) + (10 * i)) * Gwei, toShard: (uint)(n % 2)), Head));
        var block = pool.Select(Head, Roomy);
        Assert.HasCount(12, block);
        var ledger = Head;
        foreach (var tx in block)
        {
            var r = ledger.ApplyTransfer(tx);
            Assert.IsTrue(r.Accepted, r.Rejection);
            ledger = r.Ledger!;
        }
    }

    [TestMethod]
    public void Selection_starts_at_each_senders_nonce_in_the_parent()
    {
        var pool = Pool();
        var first = Tx(0, 0);
        Accepted(pool.Add(first, Head));
        Accepted(pool.Add(Tx(0, 1), Head));
        Accepted(pool.Add(Tx(1, 0), Head));
        var parent = Head.ApplyTransfer(first).Ledger!; // committed, not yet pruned
        Assert.AreEqual("0:1 1:0", Order(pool.Select(parent, Roomy)));
    }

    [TestMethod]
    public void A_sender_the_parent_cannot_carry_is_left_out_from_that_nonce_on()
    {
        var fee = MinPrice * Transfer.IntrinsicGas;
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0, amount: OneOne), Head));
        Accepted(pool.Add(Tx(0, 1, amount: OneOne), Head));
        Accepted(pool.Add(Tx(1, 0), Head));
        // A parent where sender 0 holds enough for one transfer only.
        var poorer = ShardLedger.Genesis(0, 2, ChainId).Fund(Addr(0), OneOne + fee + 1).Fund(Addr(1), OneOne);
        Assert.AreEqual("0:0 1:0", Order(pool.Select(poorer, Roomy)));
    }

    [TestMethod]
    public void An_empty_pool_selects_nothing() => Assert.IsEmpty(Pool().Select(Head, Roomy));
}
