using System.Numerics;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>What a shard's ledger accepts as a transfer, what it refuses and why, and what an accepted one changes.</summary>
[TestClass]
public sealed class TransferRulesTests
{
    // Shard 1 of 3; account 0 holds 1000 atto.
    private static readonly ShardLedger Ledger = ShardLedger.Genesis(1, 3, ChainId).Fund(Addr(0), 1000);

    private static ShardLedger Accepted(TransferResult r)
    {
        Assert.IsTrue(r.Accepted, r.Rejection);
        return r.Ledger!;
    }

    private static void Rejected(TransferResult r, string reason)
    {
        Assert.IsFalse(r.Accepted);
        Assert.IsNull(r.Ledger);
        StringAssert.Contains(r.Rejection, reason);
    }

    [TestMethod]
    public void A_same_shard_transfer_moves_the_amount_and_bumps_the_nonce()
    {
        var r = Ledger.ApplyTransfer(Transfer(0, 1, 1, 1, 300, 0));
        var l = Accepted(r);
        Assert.IsNull(r.Receipt);
        Assert.AreEqual(new BigInteger(700), l.AccountOf(Addr(0)).Balance);
        Assert.AreEqual(1UL, l.AccountOf(Addr(0)).Nonce);
        Assert.AreEqual(new BigInteger(300), l.AccountOf(Addr(1)).Balance);
        Assert.AreEqual(0UL, l.AccountOf(Addr(1)).Nonce);
        Assert.AreEqual(new BigInteger(1000), l.TotalBalance);
        Assert.AreEqual(BigInteger.Zero, l.OutgoingTotal);
    }

    [TestMethod]
    public void A_transfer_to_oneself_changes_only_the_nonce()
    {
        var l = Accepted(Ledger.ApplyTransfer(Transfer(0, 0, 1, 1, 1000, 0)));
        Assert.AreEqual(new BigInteger(1000), l.AccountOf(Addr(0)).Balance);
        Assert.AreEqual(1UL, l.AccountOf(Addr(0)).Nonce);
    }

    [TestMethod]
    public void A_cross_shard_transfer_debits_the_source_and_emits_a_receipt()
    {
        var tx = Transfer(0, 1, 1, 2, 250, 0);
        var r = Ledger.ApplyTransfer(tx);
        var l = Accepted(r);
        Assert.AreEqual(new Protocol.Chain.Receipts.CXReceipt(tx.Hash, Addr(0), Addr(1), 1, 2, 250), r.Receipt);
        Assert.AreEqual(new BigInteger(750), l.AccountOf(Addr(0)).Balance);
        Assert.IsFalse(l.Accounts.ContainsKey(Addr(1)), "the recipient lives on another shard");
        Assert.AreEqual(new BigInteger(750), l.TotalBalance);
        Assert.AreEqual(new BigInteger(250), l.OutgoingTotal);
    }

    [TestMethod]
    public void The_whole_balance_can_be_sent_but_not_one_atto_more()
    {
        Accepted(Ledger.ApplyTransfer(Transfer(0, 1, 1, 0, 1000, 0)));
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 0, 1001, 0)), "exceeds the balance");
        Rejected(Ledger.ApplyTransfer(Transfer(1, 0, 1, 1, 1, 0)), "exceeds the balance 0");
    }

    [TestMethod]
    public void Zero_and_negative_amounts_are_refused()
    {
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 1, 0, 0)), "Amount: must be positive");
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 2, -5, 0)), "Amount: must be positive");
    }

    [TestMethod]
    public void Only_the_next_nonce_is_accepted_so_a_replayed_transfer_is_refused()
    {
        var tx = Transfer(0, 1, 1, 2, 10, 0);
        var l = Accepted(Ledger.ApplyTransfer(tx));
        Rejected(l.ApplyTransfer(tx), "Nonce: expected 1, got 0");
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 2, 10, 1)), "Nonce: expected 0, got 1");
        Accepted(l.ApplyTransfer(Transfer(0, 1, 1, 2, 10, 1)));
    }

    [TestMethod]
    public void A_transfer_signed_by_another_key_or_tampered_after_signing_is_refused()
    {
        var forged = SignedTransfer.Sign(new Transfer(Addr(0), Addr(1), 1, 1, 10, 0), Account(5), ChainId);
        Rejected(Ledger.ApplyTransfer(forged), "Signature: is not a signature by the sender");
        var honest = Transfer(0, 1, 1, 1, 10, 0);
        var raised = new SignedTransfer(honest.Message with { Amount = 999 }, ChainId, honest.Signature);
        Rejected(Ledger.ApplyTransfer(raised), "Signature");
        var redirected = new SignedTransfer(honest.Message with { To = Addr(5) }, ChainId, honest.Signature);
        Rejected(Ledger.ApplyTransfer(redirected), "Signature");
    }

    [TestMethod]
    public void A_transfer_for_another_shard_or_chain_or_to_a_missing_shard_is_refused()
    {
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 0, 1, 10, 0)), "ShardId: sent on shard 0, this is shard 1");
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 3, 10, 0)), "ToShardId: no shard 3");
        Rejected(Ledger.ApplyTransfer(Transfer(0, 1, 1, 1, 10, 0, chainId: 1)), "ChainId: signed for chain 1");
    }

    [TestMethod]
    public void A_refused_transfer_leaves_the_ledger_as_it_was()
    {
        var before = Ledger;
        Ledger.ApplyTransfer(Transfer(0, 1, 1, 2, 5000, 0));
        Assert.AreEqual(new BigInteger(1000), before.AccountOf(Addr(0)).Balance);
        Assert.AreEqual(0UL, before.AccountOf(Addr(0)).Nonce);
    }
}
