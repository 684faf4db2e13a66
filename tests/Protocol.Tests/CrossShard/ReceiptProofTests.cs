using System.Numerics;
using System.Reflection;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>
/// A proof built from a real committed block (a quorum's aggregate commit signature) credits the destination once;
/// every kind of replay or tampering is refused with its own reason.
/// </summary>
[TestClass]
public sealed class ReceiptProofTests
{
    private static readonly CrossShardNetwork Net = new(4);

    // Shard 1's block 9: account 0 sends 100 to account 1 and 200 to account 2 on shard 2, 50 to account 3 on shard 3,
    // and 5 to account 1 on its own shard.
    private static readonly Lazy<(CommittedBlock Block, IReadOnlyList<CXReceipt> Outgoing)> Source = new(() =>
    {
        SignedTransfer[] txs = [Transfer(0, 1, 1, 2, 100, 0), Transfer(0, 2, 1, 2, 200, 1), Transfer(0, 3, 1, 3, 50, 2), Transfer(0, 1, 1, 1, 5, 3)];
        var ledger = ShardLedger.Genesis(1, 4, ChainId).Fund(Addr(0), 10_000);
        var outgoing = new List<CXReceipt>();
        foreach (var tx in txs)
        {
            var r = ledger.ApplyTransfer(tx);
            Assert.IsTrue(r.Accepted, r.Rejection);
            ledger = r.Ledger!;
            if (r.Receipt is { } receipt) outgoing.Add(receipt);
        }
        return (Net.Commit(1, 9, outgoing, txs), outgoing);
    });

    private static CommittedBlock Block => Source.Value.Block;
    private static IReadOnlyList<CXReceipt> Outgoing => Source.Value.Outgoing;
    private static CXReceiptsProof ToShard2 => Proof(Block, Outgoing, 2);
    private static ShardLedger Shard2 => ShardLedger.Genesis(2, 4, ChainId);

    private static void Rejected(CXReceiptsProof proof, string reason, uint destination = 2, ICommitteeProvider? committees = null)
    {
        var r = ShardLedger.Genesis(destination, 4, ChainId).ApplyIncoming(proof, committees ?? Net);
        Assert.IsFalse(r.Accepted, $"expected a rejection containing '{reason}'");
        StringAssert.Contains(r.Rejection, reason);
        Assert.AreEqual(r.Rejection, ReceiptProofVerifier.Verify(proof, destination, committees ?? Net));
    }

    [TestMethod]
    public void A_proof_from_a_committed_block_verifies_and_credits_each_recipient()
    {
        Assert.IsNull(ReceiptProofVerifier.Verify(ToShard2, 2, Net));
        var r = Shard2.ApplyIncoming(ToShard2, Net);
        Assert.IsTrue(r.Accepted, r.Rejection);
        var l = r.Ledger!;
        Assert.AreEqual(new BigInteger(100), l.AccountOf(Addr(1)).Balance);
        Assert.AreEqual(new BigInteger(200), l.AccountOf(Addr(2)).Balance);
        Assert.AreEqual(new BigInteger(300), l.IncomingTotal);
        Assert.AreEqual(new BigInteger(300), l.TotalBalance);
        Assert.IsTrue(l.IsSpent(1, Block.Hash));
        Assert.AreEqual(0UL, l.AccountOf(Addr(1)).Nonce, "a credit is not a transaction of the recipient");
    }

    [TestMethod]
    public void The_builder_makes_one_proof_per_destination_with_receipts()
    {
        var all = CXReceiptsProofBuilder.BuildAll(Block, Outgoing);
        CollectionAssert.AreEqual(new uint[] { 2, 3 }, all.Select(p => p.Receipts[0].ToShardId).ToArray());
        Assert.IsNull(CXReceiptsProofBuilder.Build(Block, Outgoing, 0));
        Assert.IsNull(ReceiptProofVerifier.Verify(all[1], 3, Net));
        Assert.HasCount(2, ToShard2.Receipts);
        CollectionAssert.AreEqual(new uint[] { 2, 3 }, ToShard2.MerkleProof.ShardIds.ToArray());
        Assert.AreEqual(Block.Hash, ToShard2.MerkleProof.BlockHash);
    }

    [TestMethod]
    public void The_builder_refuses_receipts_the_header_does_not_commit_to_or_a_block_without_a_certificate()
    {
        Assert.ThrowsExactly<ArgumentException>(() => CXReceiptsProofBuilder.Build(Block, Outgoing.Take(2).ToList(), 2));
        Assert.ThrowsExactly<ArgumentException>(() => CXReceiptsProofBuilder.Build(Block with { CommitSignature = null }, Outgoing, 2));
    }

    [TestMethod]
    public void A_replayed_proof_is_refused_as_already_spent()
    {
        var once = Shard2.ApplyIncoming(ToShard2, Net).Ledger!;
        var again = once.ApplyIncoming(ToShard2, Net);
        Assert.IsFalse(again.Accepted);
        StringAssert.Contains(again.Rejection, "already spent");
        // A rebuilt (equal but distinct) proof object is the same proof.
        StringAssert.Contains(once.ApplyIncoming(Proof(Block, Outgoing, 2), Net).Rejection, "already spent");
    }

    [TestMethod]
    public void Proofs_of_different_blocks_are_spent_independently()
    {
        var second = Net.Commit(1, 10, Outgoing);
        var l = Shard2.ApplyIncoming(ToShard2, Net).Ledger!;
        var r = l.ApplyIncoming(Proof(second, Outgoing, 2), Net);
        Assert.IsTrue(r.Accepted, r.Rejection);
        Assert.AreEqual(new BigInteger(600), r.Ledger!.IncomingTotal);
    }

    [TestMethod]
    public void A_tampered_receipt_amount_or_recipient_breaks_the_receipts_root()
    {
        var p = ToShard2;
        Rejected(p with { Receipts = [p.Receipts[0] with { Amount = 1_000_000 }, p.Receipts[1]] }, "receipts root does not match");
        Rejected(p with { Receipts = [p.Receipts[0] with { To = Addr(7) }, p.Receipts[1]] }, "receipts root does not match");
        Rejected(p with { Receipts = [p.Receipts[0] with { From = Addr(7) }, p.Receipts[1]] }, "receipts root does not match");
        Rejected(p with { Receipts = [p.Receipts[1], p.Receipts[0]] }, "receipts root does not match");
        Rejected(p with { Receipts = [.. p.Receipts, p.Receipts[0]] }, "receipts root does not match");
    }

    [TestMethod]
    public void A_removed_receipt_is_caught_however_many_hashes_the_forger_recomputes()
    {
        var p = ToShard2;
        var fewer = p with { Receipts = [p.Receipts[0]] };
        Rejected(fewer, "receipts root does not match");

        var newRoot = OutgoingReceipts.Root(fewer.Receipts);
        Rejected(fewer with { MerkleProof = p.MerkleProof with { CXReceiptHash = newRoot } }, "is not its CXReceiptHash");

        var hashes = p.MerkleProof.CXShardHashes.ToArray();
        hashes[0] = newRoot;
        Rejected(fewer with { MerkleProof = p.MerkleProof with { CXReceiptHash = newRoot, CXShardHashes = hashes } }, "does not match the header's OutgoingReceiptHash");
    }

    [TestMethod]
    public void A_receipt_for_another_destination_is_refused()
    {
        var toShard3 = Proof(Block, Outgoing, 3);
        Rejected(toShard3, "receipt 0 is for shard 3, not destination shard 2");
        var p = ToShard2;
        Rejected(p with { Receipts = [p.Receipts[0], p.Receipts[1] with { ToShardId = 3 }] }, "receipt 1 is for shard 3");
        Rejected(p, "the destination itself", destination: 1);
    }

    [TestMethod]
    public void A_proof_without_receipts_or_over_the_cap_is_refused()
    {
        Rejected(ToShard2 with { Receipts = [] }, "no receipts");
        var r = ReceiptProofVerifier.Verify(ToShard2, 2, Net, maxReceipts: 1);
        StringAssert.Contains(r, "more than the cap of 1");
        Assert.IsNull(ReceiptProofVerifier.Verify(ToShard2, 2, Net, maxReceipts: 2));
    }

    [TestMethod]
    public void A_malformed_merkle_proof_is_refused()
    {
        var m = ToShard2.MerkleProof;
        Rejected(ToShard2 with { MerkleProof = m with { ShardIds = [2] } }, "2 shard hashes");
        Rejected(ToShard2 with { MerkleProof = m with { ShardIds = [3, 2], CXShardHashes = [m.CXShardHashes[1], m.CXShardHashes[0]] } }, "not strictly ascending");
        Rejected(ToShard2 with { MerkleProof = m with { ShardIds = [0, 3] } }, "no receipts hash for destination shard 2");
    }

    [TestMethod]
    public void Changing_any_header_field_is_caught()
    {
        var fields = typeof(BlockHeader).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.IsGreaterThanOrEqualTo(24, fields.Count);
        foreach (var field in fields)
        {
            var tampered = ToShard2 with { Header = Changed(ToShard2.Header, field) };
            Assert.AreNotEqual(Block.Hash, tampered.Header.Hash, field.Name);
            var expected = field.Name switch
            {
                nameof(BlockHeader.ShardId) => "header is from shard 2, but the proof claims source shard 1",
                nameof(BlockHeader.Number) => "header is block 10, but the proof claims block 9",
                _ => "does not match the proof's block hash",
            };
            Rejected(tampered, expected);
        }
    }

    [TestMethod]
    public void A_tampered_header_with_a_matching_block_hash_fails_the_commit_signature()
    {
        var header = Block.Header.WithExtra([1, 2, 3]);
        Rejected(ToShard2 with { Header = header, MerkleProof = ToShard2.MerkleProof with { BlockHash = header.Hash } }, "commit signature does not verify");
    }

    [TestMethod]
    public void A_wrong_block_hash_or_number_in_the_merkle_proof_is_refused()
    {
        Rejected(ToShard2 with { MerkleProof = ToShard2.MerkleProof with { BlockHash = Keccak256.Hash([1]) } }, "does not match the proof's block hash");
        Rejected(ToShard2 with { MerkleProof = ToShard2.MerkleProof with { BlockNumber = 8 } }, "proof claims block 8");
    }

    [TestMethod]
    public void A_commit_bitmap_without_quorum_is_refused()
    {
        var four = Net.Commit(1, 9, Outgoing, signers: [0, 1, 2, 3]);
        Rejected(Proof(four, Outgoing, 2), "4 signers are not a quorum");
        Rejected(ToShard2 with { CommitBitmap = [0b0001_1111, 0] }, "does not fit the source committee");
        Rejected(ToShard2 with { CommitBitmap = [0b1001_1111] }, "past the committee");
    }

    [TestMethod]
    public void A_bitmap_claiming_more_signers_than_signed_fails_the_signature()
    {
        var header = Block.Header;
        var fourSigned = Net.Sign(1, SigningPayloads.Commit(header), [0, 1, 2, 3]);
        Rejected(ToShard2 with { CommitSignature = fourSigned }, "commit signature does not verify");
        Rejected(ToShard2 with { CommitBitmap = SignerBitmap.Of(CommitteeSize, 0, 1, 2, 3, 5).ToBytes() }, "commit signature does not verify");
    }

    [TestMethod]
    public void A_signature_by_another_shards_committee_is_refused()
    {
        var byShard3 = Net.Sign(3, SigningPayloads.Commit(Block.Header), Quorum);
        Rejected(ToShard2 with { CommitSignature = byShard3 }, "commit signature does not verify");
    }

    [TestMethod]
    public void A_signature_over_a_different_block_is_refused()
    {
        var other = Net.Commit(1, 10, Outgoing);
        Rejected(ToShard2 with { CommitSignature = other.CommitSignature! }, "commit signature does not verify");
        var otherView = SigningPayloads.Commit(Block.Number, Block.Hash, Block.Header.ViewId + 1);
        Rejected(ToShard2 with { CommitSignature = Net.Sign(1, otherView, Quorum) }, "commit signature does not verify");
    }

    [TestMethod]
    public void A_proof_claiming_another_source_shard_than_its_header_is_refused()
    {
        var p = ToShard2;
        Rejected(p with { MerkleProof = p.MerkleProof with { ShardId = 3 } }, "not the proof's source shard 3");

        // A consistent forgery: receipts, roots and the claim all say shard 3, yet the header is shard 1's.
        CXReceipt[] receipts = [.. p.Receipts.Select(r => r with { ShardId = 3 })];
        var root = OutgoingReceipts.Root(receipts);
        var forged = p with
        {
            Receipts = receipts,
            MerkleProof = p.MerkleProof with { ShardId = 3, CXReceiptHash = root, CXShardHashes = [root, p.MerkleProof.CXShardHashes[1]] },
        };
        Rejected(forged, "header is from shard 1, but the proof claims source shard 3");
    }

    [TestMethod]
    public void A_proof_from_a_shard_without_a_known_committee_is_refused()
    {
        Rejected(ToShard2, "no committee is known for source shard 1", committees: new CrossShardNetwork(1));
    }

    [TestMethod]
    public void A_refused_proof_is_not_marked_spent()
    {
        var p = ToShard2;
        var bad = p with { Receipts = [p.Receipts[0] with { Amount = 1 }, p.Receipts[1]] };
        Assert.IsFalse(Shard2.ApplyIncoming(bad, Net).Accepted);
        Assert.IsTrue(Shard2.ApplyIncoming(p, Net).Accepted);
    }

    // A copy of the header with one field set to a different value.
    private static BlockHeader Changed(BlockHeader original, PropertyInfo field)
    {
        var copy = new BlockHeader();
        foreach (var p in typeof(BlockHeader).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            p.SetValue(copy, p.GetValue(original));
        object? value = field.GetValue(original) switch
        {
            Hash32 h => Keccak256.Hash(h.ToArray()),
            Address a => new Address(Keccak256.Hash(a.ToArray()).ToArray().AsSpan(0, Address.Size)),
            byte[] b => (byte[])[.. b, 1],
            ulong u => u + 1,
            uint u => u + 1,
            Signature or null when field.PropertyType == typeof(Signature) => new Signature(Enumerable.Repeat((byte)7, Signature.Size).ToArray()),
            var other => throw new InvalidOperationException($"no change defined for {field.Name} of type {other?.GetType()}"),
        };
        field.SetValue(copy, value);
        return copy;
    }
}
