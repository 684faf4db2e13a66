using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.Mempool.PoolFixture;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>What <see cref="TxPool.Add"/> admits, and each reason it refuses (Harmony's core/tx_pool.go validateTx and add).</summary>
[TestClass]
public sealed class TxPoolAdmissionTests
{
    private static readonly ShardLedger Head = Ledger();

    [TestMethod]
    public void Harmony_defaults_are_the_rules_defaults()
    {
        var rules = TxPoolRules.Harmony;
        Assert.AreEqual(9_216, rules.Capacity);
        Assert.AreEqual(new BigInteger(100_000_000_000), rules.MinGasPrice);
        Assert.AreEqual(1U, rules.PriceBumpPercent);
        Assert.AreEqual(30_000_000UL, rules.BlockGasLimit);
        Assert.AreEqual(21_000UL, Transfer.IntrinsicGas);
    }

    [TestMethod]
    public void A_valid_transfer_is_accepted_and_pending()
    {
        var pool = Pool();
        var tx = Tx(0, 0);
        Accepted(pool.Add(tx, Head));
        Assert.AreEqual(1, pool.Count);
        Assert.IsTrue(pool.Contains(tx.Hash));
        CollectionAssert.AreEqual(new[] { tx }, pool.PendingOf(Addr(0)).ToArray());
        Assert.IsEmpty(pool.PendingOf(Addr(1)));
    }

    [TestMethod]
    public void Consecutive_nonces_of_one_sender_are_accepted_in_order()
    {
        var pool = Pool();
        for (var n = 0UL; n < 5; n++) Accepted(pool.Add(Tx(0, n), Head));
        CollectionAssert.AreEqual(new ulong[] { 0, 1, 2, 3, 4 }, pool.PendingOf(Addr(0)).Select(t => t.Message.Nonce).ToArray());
    }

    // Each case builds the pool and the head in which the transaction must be refused for exactly that reason.
    [TestMethod]
    [DataRow(PoolRejection.AlreadyKnown)]
    [DataRow(PoolRejection.WrongChainId)]
    [DataRow(PoolRejection.WrongShard)]
    [DataRow(PoolRejection.InvalidAmount)]
    [DataRow(PoolRejection.IntrinsicGasTooLow)]
    [DataRow(PoolRejection.GasAboveBlockLimit)]
    [DataRow(PoolRejection.Underpriced)]
    [DataRow(PoolRejection.BadSignature)]
    [DataRow(PoolRejection.NonceTooLow)]
    [DataRow(PoolRejection.NonceGap)]
    [DataRow(PoolRejection.ReplacementUnderpriced)]
    [DataRow(PoolRejection.InsufficientBalance)]
    [DataRow(PoolRejection.PoolFull)]
    public void Each_invalid_transfer_is_refused_with_its_reason_and_leaves_the_pool_unchanged(PoolRejection reason)
    {
        var pool = Pool(capacity: 2);
        var head = Head;
        SignedTransfer tx;
        switch (reason)
        {
            case PoolRejection.AlreadyKnown:
                tx = Tx(0, 0);
                Accepted(pool.Add(tx, head));
                break;
            case PoolRejection.WrongChainId:
                tx = Tx(0, 0, chainId: ChainId + 1);
                break;
            case PoolRejection.WrongShard:
                tx = Tx(0, 0, shard: 1, toShard: 1);
                break;
            case PoolRejection.InvalidAmount:
                tx = Tx(0, 0, amount: 0);
                break;
            case PoolRejection.IntrinsicGasTooLow:
                tx = Tx(0, 0, gasLimit: Transfer.IntrinsicGas - 1);
                break;
            case PoolRejection.GasAboveBlockLimit:
                tx = Tx(0, 0, gasLimit: 30_000_001);
                break;
            case PoolRejection.Underpriced:
                tx = Tx(0, 0, price: MinPrice - 1);
                break;
            case PoolRejection.BadSignature:
                tx = SignedTransfer.Sign(Message(0, 0), Key(1), ChainId);
                break;
            case PoolRejection.NonceTooLow:
                head = head.ApplyTransfer(Tx(0, 0)).Ledger!;
                tx = Tx(0, 0, price: 2 * MinPrice);
                break;
            case PoolRejection.NonceGap:
                tx = Tx(0, 1);
                break;
            case PoolRejection.ReplacementUnderpriced:
                Accepted(pool.Add(Tx(0, 0), head));
                tx = Tx(0, 0, price: MinPrice + (MinPrice / 100) - 1);
                break;
            case PoolRejection.InsufficientBalance:
                tx = Tx(0, 0, amount: (1000 * OneOne) - (MinPrice * Transfer.IntrinsicGas) + 1);
                break;
            case PoolRejection.PoolFull:
                Accepted(pool.Add(Tx(1, 0), head));
                Accepted(pool.Add(Tx(2, 0), head));
                tx = Tx(0, 0); // pays the same as the cheapest: not strictly more
                break;
            default:
                throw new AssertFailedException($"no case for {reason}");
        }
        var before = pool.Count;
        Rejected(reason, pool.Add(tx, head));
        Assert.AreEqual(before, pool.Count);
        if (reason != PoolRejection.AlreadyKnown) Assert.IsFalse(pool.Contains(tx.Hash));
    }

    [TestMethod]
    public void A_transfer_to_a_shard_that_does_not_exist_is_on_the_wrong_shard() =>
        Rejected(PoolRejection.WrongShard, Pool().Add(Tx(0, 0, toShard: 2), Head));

    [TestMethod]
    public void A_cross_shard_transfer_to_an_existing_shard_is_accepted() =>
        Accepted(Pool().Add(Tx(0, 0, toShard: 1), Head));

    [TestMethod]
    public void A_negative_gas_price_is_underpriced_even_with_no_floor()
    {
        var pool = new TxPool(0, TxPoolRules.Harmony with { MinGasPrice = 0 });
        Accepted(pool.Add(Tx(0, 0, price: 0), Head));
        Rejected(PoolRejection.Underpriced, pool.Add(Tx(1, 0, price: -1), Head));
    }

    [TestMethod]
    public void The_block_gas_limit_itself_is_allowed() =>
        Accepted(Pool().Add(Tx(0, 0, gasLimit: 30_000_000), Head));

    [TestMethod]
    public void A_simulated_signature_is_a_bad_signature_unless_the_head_accepts_them()
    {
        var tx = SignedTransfer.SignSimulated(Message(0, 0), ChainId);
        Rejected(PoolRejection.BadSignature, Pool().Add(tx, Head));
        Accepted(Pool().Add(tx, Ledger(acceptSimulated: true)));
        var forged = new SignedTransfer(Message(0, 0, amount: 2), ChainId, tx.Signature);
        Rejected(PoolRejection.BadSignature, Pool().Add(forged, Ledger(acceptSimulated: true)));
    }

    [TestMethod]
    public void The_sender_check_goes_through_the_callers_hook()
    {
        var calls = 0;
        var pool = new TxPool(0, recoverSender: t =>
        {
            calls++;
            return t.Message.From; // a caller's memo may vouch for bytes it checked before
        });
        Accepted(pool.Add(SignedTransfer.Sign(Message(0, 0), Key(1), ChainId), Head));
        Assert.AreEqual(1, calls);
        Rejected(PoolRejection.Underpriced, pool.Add(Tx(1, 0, price: 1), Head));
        Assert.AreEqual(1, calls, "cheap checks run before the signature");
        var refusing = new TxPool(0, recoverSender: _ => null);
        Rejected(PoolRejection.BadSignature, refusing.Add(Tx(0, 0), Head));
    }

    [TestMethod]
    public void The_balance_must_carry_every_pending_transfer_of_the_sender_up_to_the_new_one()
    {
        // Room for exactly two transfers of `amount` at the minimum price.
        var fee = MinPrice * Transfer.IntrinsicGas;
        var amount = ((1000 * OneOne) - (2 * fee)) / 2;
        var pool = Pool();
        Accepted(pool.Add(Tx(0, 0, amount: amount), Head));
        Accepted(pool.Add(Tx(0, 1, amount: amount), Head));
        Rejected(PoolRejection.InsufficientBalance, pool.Add(Tx(0, 2), Head));
        Accepted(pool.Add(Tx(1, 0), Head)); // another sender's balance is its own
    }

    [TestMethod]
    public void The_whole_gas_allowance_counts_against_the_balance()
    {
        var fee = MinPrice * Transfer.IntrinsicGas;
        var amount = (1000 * OneOne) - fee;
        Accepted(Pool().Add(Tx(0, 0, amount: amount), Head));
        Rejected(PoolRejection.InsufficientBalance, Pool().Add(Tx(0, 0, amount: amount, gasLimit: Transfer.IntrinsicGas + 1), Head));
    }

    [TestMethod]
    public void A_head_that_used_pending_nonces_makes_the_next_free_nonce_follow_the_account()
    {
        var pool = Pool();
        var first = Tx(0, 0);
        Accepted(pool.Add(first, Head));
        Accepted(pool.Add(Tx(0, 1), Head));
        // A block included both, but the pool was not pruned yet.
        var head = Head.ApplyTransfer(first).Ledger!.ApplyTransfer(Tx(0, 1)).Ledger!;
        Rejected(PoolRejection.NonceTooLow, pool.Add(Tx(0, 1, price: 2 * MinPrice), head));
        Rejected(PoolRejection.NonceGap, pool.Add(Tx(0, 3), head));
        Accepted(pool.Add(Tx(0, 2), head));
        Assert.AreEqual(1, pool.Count, "the used ones are discarded once the sender adds");
        var pruned = pool.Prune(head);
        Assert.AreEqual(2, pruned.IncludedCount, "and reported by the next prune");
        Assert.AreEqual(1, pool.Count);
    }

    [TestMethod]
    public void A_pool_refuses_a_ledger_of_another_shard()
    {
        var other = ShardLedger.Genesis(1, 2, ChainId);
        Assert.ThrowsExactly<ArgumentException>(() => Pool().Add(Tx(0, 0), other));
        Assert.ThrowsExactly<ArgumentException>(() => Pool().Select(other, 1_000_000));
        Assert.ThrowsExactly<ArgumentException>(() => Pool().Prune(other));
    }

    [TestMethod]
    public void Unknown_senders_have_nothing_pending() => Assert.IsEmpty(Pool().PendingOf(new Address(new byte[20])));
}
