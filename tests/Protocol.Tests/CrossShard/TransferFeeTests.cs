using System.Numerics;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>Gas on transfers: the sender must cover the whole allowance, pays the intrinsic gas, and the fee is burned.</summary>
[TestClass]
public sealed class TransferFeeTests
{
    private const long Funds = 10_000_000;

    // Shard 1 of 3; account 0 holds 10,000,000 atto.
    private static readonly ShardLedger Ledger = ShardLedger.Genesis(1, 3, ChainId).Fund(Addr(0), Funds);

    private static SignedTransfer Paid(int from, int to, uint toShard, BigInteger amount, ulong nonce, BigInteger gasPrice, ulong gasLimit = Protocol.Chain.Transactions.Transfer.IntrinsicGas) =>
        SignedTransfer.Sign(new Protocol.Chain.Transactions.Transfer(Addr(from), Addr(to), 1, toShard, amount, nonce) { GasPrice = gasPrice, GasLimit = gasLimit }, Account(from), ChainId);

    [TestMethod]
    public void A_transfer_pays_the_intrinsic_gas_and_the_fee_is_burned()
    {
        var r = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 100));
        Assert.IsTrue(r.Accepted, r.Rejection);
        var l = r.Ledger!;
        Assert.AreEqual(new BigInteger(Funds - 1000 - 2_100_000), l.AccountOf(Addr(0)).Balance);
        Assert.AreEqual(new BigInteger(1000), l.AccountOf(Addr(1)).Balance);
        Assert.AreEqual(new BigInteger(2_100_000), l.BurnedFees);
        Assert.AreEqual(new BigInteger(Funds - 2_100_000), l.TotalBalance, "the burned fee leaves the supply");
        Assert.AreEqual(new BigInteger(Funds), l.TotalBalance + l.BurnedFees);
    }

    [TestMethod]
    public void A_higher_gas_limit_is_reserved_but_only_the_gas_used_is_charged()
    {
        var l = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 100, gasLimit: 50_000)).Ledger!;
        Assert.AreEqual(new BigInteger(Funds - 1000 - 2_100_000), l.AccountOf(Addr(0)).Balance);
        Assert.AreEqual(new BigInteger(2_100_000), l.BurnedFees);
    }

    [TestMethod]
    public void The_balance_must_cover_the_whole_gas_allowance_not_just_the_fee()
    {
        // 10,000,000 covers 1,000 + 21,000 × 100 but not 1,000 + 100,000 × 100.
        var r = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 100, gasLimit: 100_000));
        Assert.IsFalse(r.Accepted);
        StringAssert.Contains(r.Rejection, "Amount: 1000 plus gas 100000 × 100 exceeds the balance 10000000");
        Assert.IsTrue(Ledger.ApplyTransfer(Paid(0, 1, 1, Funds - 2_100_000, 0, gasPrice: 100)).Accepted, "exactly the balance");
        Assert.IsFalse(Ledger.ApplyTransfer(Paid(0, 1, 1, Funds - 2_100_000 + 1, 0, gasPrice: 100)).Accepted, "one atto more");
    }

    [TestMethod]
    [DataRow(0UL)]
    [DataRow(20_999UL)]
    public void A_gas_limit_below_the_intrinsic_gas_is_refused(ulong gasLimit)
    {
        var r = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 1, gasLimit: gasLimit));
        Assert.IsFalse(r.Accepted);
        StringAssert.Contains(r.Rejection, "GasLimit: intrinsic gas too low");
    }

    [TestMethod]
    public void A_negative_gas_price_is_refused()
    {
        var r = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: -1));
        Assert.IsFalse(r.Accepted);
        StringAssert.Contains(r.Rejection, "GasPrice: must not be negative");
    }

    [TestMethod]
    public void A_cross_shard_transfer_burns_its_fee_at_the_source_and_the_receipt_carries_only_the_amount()
    {
        var r = Ledger.ApplyTransfer(Paid(0, 1, 2, 1000, 0, gasPrice: 10));
        Assert.IsTrue(r.Accepted, r.Rejection);
        Assert.AreEqual(new BigInteger(1000), r.Receipt!.Amount);
        var l = r.Ledger!;
        Assert.AreEqual(new BigInteger(210_000), l.BurnedFees);
        Assert.AreEqual(new BigInteger(1000), l.OutgoingTotal);
        Assert.AreEqual(new BigInteger(Funds), l.TotalBalance + l.OutgoingTotal + l.BurnedFees, "conservation with burn");
    }

    [TestMethod]
    public void The_gas_fields_are_signed_so_a_relayer_cannot_change_them()
    {
        var tx = Paid(0, 1, 1, 1000, 0, gasPrice: 100);
        var cheaper = new SignedTransfer(tx.Message with { GasPrice = 1 }, tx.ChainId, tx.Signature);
        var higher = new SignedTransfer(tx.Message with { GasLimit = 30_000 }, tx.ChainId, tx.Signature);
        Assert.AreNotEqual(Addr(0), cheaper.RecoverSender());
        Assert.AreNotEqual(Addr(0), higher.RecoverSender());
        StringAssert.Contains(Ledger.ApplyTransfer(cheaper).Rejection, "Signature:");
    }

    [TestMethod]
    public void Burned_fees_are_part_of_the_ledger_root()
    {
        var free = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 0)).Ledger!;
        Assert.AreEqual(BigInteger.Zero, free.BurnedFees);
        var paid = Ledger.ApplyTransfer(Paid(0, 1, 1, 1000, 0, gasPrice: 1)).Ledger!;
        Assert.AreNotEqual(LedgerRoot.Of(free), LedgerRoot.Of(paid));
    }
}
