using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>A block's transfer part: strict execution, and the header commitments (IncomingReceiptHash, ledger root).</summary>
[TestClass]
public sealed class BlockTransfersTests
{
    private static readonly CrossShardNetwork Net = new(3);

    private static ShardLedger Shard1 => ShardLedger.Genesis(1, 3, ChainId).Fund(Addr(0), 1_000);

    [TestMethod]
    public void Transfers_apply_in_order_then_incoming_proofs_and_the_receipts_come_out_in_block_order()
    {
        var transfers = new[] { Transfer(0, 1, 1, 2, 100, 0), Transfer(0, 2, 1, 1, 50, 1), Transfer(0, 3, 1, 0, 25, 2) };
        var outgoing = Receipts(transfers);
        var source = Net.Commit(2, 5, [Receipt(4, 0, 2, 1, 7)]);
        var proof = Proof(source, [Receipt(4, 0, 2, 1, 7)], 1);

        var result = BlockTransfers.Apply(Shard1, transfers, [proof], Net);
        Assert.IsNull(result.Error);
        CollectionAssert.AreEqual(outgoing, result.Outgoing.ToList());
        Assert.AreEqual(1_000 - 175 + 7, (int)result.Ledger!.AccountOf(Addr(0)).Balance);
        Assert.IsTrue(result.Ledger.IsSpent(2, source.Hash));
    }

    private static List<CXReceipt> Receipts(IEnumerable<HarmonySim.Protocol.Chain.Transactions.SignedTransfer> transfers) =>
        [.. transfers.Where(t => t.Message.IsCrossShard).Select(t => new CXReceipt(t.Hash, t.Message.From, t.Message.To, t.Message.ShardId, t.Message.ToShardId, t.Message.Amount))];

    [TestMethod]
    public void One_transfer_or_proof_that_does_not_apply_makes_the_block_invalid()
    {
        StringAssert.Contains(BlockTransfers.Apply(Shard1, [Transfer(0, 1, 1, 2, 100, 1)], [], Net).Error, "transfer 0");
        StringAssert.Contains(BlockTransfers.Apply(Shard1, [Transfer(0, 1, 1, 2, 100, 0), Transfer(0, 1, 1, 2, 5_000, 1)], [], Net).Error, "transfer 1");
        var source = Net.Commit(2, 5, [Receipt(4, 0, 2, 1, 7)]);
        var proof = Proof(source, [Receipt(4, 0, 2, 1, 7)], 1);
        StringAssert.Contains(BlockTransfers.Apply(Shard1, [], [proof, proof], Net).Error, "already spent");
        var unsigned = proof with { CommitBitmap = SignerBitmap.Of(CommitteeSize, 0).ToBytes() };
        StringAssert.Contains(BlockTransfers.Apply(Shard1, [], [unsigned], Net).Error, "incoming proof 0");
        StringAssert.Contains(BlockTransfers.Apply(Shard1, [], [proof], Net, maxIncomingReceipts: 0).Error, "cap");
    }

    [TestMethod]
    public void Transactions_that_are_not_transfers_do_not_decode()
    {
        var good = Transfer(0, 1, 1, 2, 100, 0).Encode();
        Assert.IsTrue(BlockTransfers.Decode([good]).Ok);
        StringAssert.Contains(BlockTransfers.Decode([good, [0xc0]]).Error, "transaction 1");
    }

    [TestMethod]
    public void The_incoming_receipt_hash_covers_every_part_of_every_proof_and_their_order()
    {
        var a = Proof(Net.Commit(2, 5, [Receipt(4, 0, 2, 1, 7)]), [Receipt(4, 0, 2, 1, 7)], 1);
        var b = Proof(Net.Commit(0, 6, [Receipt(4, 0, 0, 1, 9)]), [Receipt(4, 0, 0, 1, 9)], 1);
        Assert.AreEqual(Keccak256.Hash([]), IncomingReceipts.Hash([]));
        var hash = IncomingReceipts.Hash([a, b]);
        Assert.AreNotEqual(hash, IncomingReceipts.Hash([b, a]));
        Assert.AreNotEqual(hash, IncomingReceipts.Hash([a]));
        var variants = new[]
        {
            a with { Receipts = [a.Receipts[0] with { Amount = 8 }] },
            a with { CommitBitmap = [.. a.CommitBitmap.Select(x => (byte)(x ^ 1))] },
            a with { CommitSignature = b.CommitSignature },
            a with { Header = b.Header },
            a with { MerkleProof = a.MerkleProof with { BlockNumber = 4 } },
            a with { MerkleProof = a.MerkleProof with { ShardIds = [1, 2] } },
        };
        foreach (var v in variants) Assert.AreNotEqual(IncomingReceipts.Digest(a), IncomingReceipts.Digest(v));
    }

    [TestMethod]
    public void The_ledger_root_tells_ledgers_apart_and_the_commitments_check_each_header_field()
    {
        var before = Shard1;
        var after = before.ApplyTransfer(Transfer(0, 1, 1, 1, 1, 0)).Ledger!;
        Assert.AreNotEqual(LedgerRoot.Of(before), LedgerRoot.Of(after));
        Assert.AreEqual(LedgerRoot.Of(after), LedgerRoot.Of(before.ApplyTransfer(Transfer(0, 1, 1, 1, 1, 0)).Ledger!));
        Assert.AreNotEqual(LedgerRoot.Of(ShardLedger.Genesis(1, 3, ChainId)), LedgerRoot.Of(ShardLedger.Genesis(2, 3, ChainId)));

        var c = TransferCommitments.Of(after, [], []);
        var header = Header(1, 1, []).WithTransfers(c.Root, c.OutgoingReceiptHash, c.IncomingReceiptHash);
        Assert.IsNull(c.CheckAgainst(header));
        StringAssert.Contains(c.CheckAgainst(header.WithTransfers(LedgerRoot.Of(before), c.OutgoingReceiptHash, c.IncomingReceiptHash)), "Root");
        StringAssert.Contains(c.CheckAgainst(header.WithTransfers(c.Root, c.Root, c.IncomingReceiptHash)), "OutgoingReceiptHash");
        StringAssert.Contains(c.CheckAgainst(header.WithTransfers(c.Root, c.OutgoingReceiptHash, c.Root)), "IncomingReceiptHash");
    }
}
