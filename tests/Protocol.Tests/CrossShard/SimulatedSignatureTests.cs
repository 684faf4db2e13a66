using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;
using T = HarmonySim.Protocol.Chain.Transactions.Transfer;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>Simulated transfer signatures: a checksum binding sender, fields and chain, accepted only where allowed.</summary>
[TestClass]
public sealed class SimulatedSignatureTests
{
    private static readonly T Message = new(Addr(0), Addr(1), 1, 1, 500, 0) { GasPrice = 3, GasLimit = 25_000 };
    private static readonly ShardLedger Refusing = ShardLedger.Genesis(1, 3, ChainId).Fund(Addr(0), 1_000_000);
    private static readonly ShardLedger Accepting = ShardLedger.Genesis(1, 3, ChainId, acceptSimulatedSignatures: true).Fund(Addr(0), 1_000_000);

    [TestMethod]
    public void A_simulated_signature_recovers_to_the_sender_only_when_allowed()
    {
        var tx = SignedTransfer.SignSimulated(Message, ChainId);
        Assert.IsTrue(tx.IsSimulated);
        Assert.AreEqual(Addr(0), tx.RecoverSender(allowSimulated: true));
        Assert.AreNotEqual(Addr(0), tx.RecoverSender());
        Assert.IsFalse(Transfer(0, 1, 1, 1, 500, 0).IsSimulated, "a real signature is not mistaken for one");
    }

    [TestMethod]
    public void An_altered_field_or_another_sender_breaks_the_checksum()
    {
        var tx = SignedTransfer.SignSimulated(Message, ChainId);
        T[] altered =
        [
            Message with { Amount = 501 },
            Message with { Nonce = 1 },
            Message with { To = Addr(2) },
            Message with { ToShardId = 2 },
            Message with { GasPrice = 4 },
            Message with { GasLimit = 21_000 },
            Message with { From = Addr(3) },
        ];
        foreach (var m in altered)
        {
            var forged = new SignedTransfer(m, ChainId, tx.Signature);
            Assert.IsNull(forged.RecoverSender(allowSimulated: true), m.ToString());
        }
    }

    [TestMethod]
    public void A_simulated_signature_is_bound_to_its_chain_id()
    {
        var tx = SignedTransfer.SignSimulated(Message, ChainId);
        var replayed = new SignedTransfer(Message, ChainId + 1, tx.Signature);
        Assert.IsNull(replayed.RecoverSender(allowSimulated: true));
        var onOtherChain = ShardLedger.Genesis(1, 3, ChainId + 1, acceptSimulatedSignatures: true).Fund(Addr(0), 1_000_000);
        StringAssert.Contains(onOtherChain.ApplyTransfer(replayed).Rejection, "Signature:");
    }

    [TestMethod]
    public void A_ledger_that_refuses_simulated_signatures_rejects_one_as_a_bad_signature()
    {
        var tx = SignedTransfer.SignSimulated(Message, ChainId);
        var r = Refusing.ApplyTransfer(tx);
        Assert.IsFalse(r.Accepted);
        StringAssert.Contains(r.Rejection, "Signature: is not a signature by the sender");
        Assert.IsTrue(Accepting.ApplyTransfer(tx).Accepted);
        Assert.IsFalse(Refusing.AcceptsSimulatedSignatures);
        Assert.IsTrue(Accepting.ApplyTransfer(tx).Ledger!.AcceptsSimulatedSignatures, "the setting survives changes");
    }

    [TestMethod]
    public void A_ledger_that_accepts_simulated_signatures_still_checks_real_ones()
    {
        Assert.IsTrue(Accepting.ApplyTransfer(SignedTransfer.Sign(Message, Account(0), ChainId)).Accepted);
        var byAnother = SignedTransfer.Sign(Message, Account(1), ChainId);
        StringAssert.Contains(Accepting.ApplyTransfer(byAnother).Rejection, "Signature:");
    }

    [TestMethod]
    public void A_simulated_transfer_round_trips_through_the_encoding()
    {
        var tx = SignedTransfer.SignSimulated(Message, ChainId);
        var back = SignedTransfer.Decode(tx.Encode());
        Assert.IsTrue(back.Ok, back.Error);
        Assert.AreEqual(tx.Hash, back.Value!.Hash);
        Assert.AreEqual(Addr(0), back.Value.RecoverSender(allowSimulated: true));
    }
}
