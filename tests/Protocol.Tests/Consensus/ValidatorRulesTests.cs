using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Reference §1.4 and §1.6 from a validator's side: ANNOUNCE, PREPARED and COMMITTED checks.</summary>
[TestClass]
public sealed class ValidatorRulesTests
{
    private readonly FbftFixture _f = new(4);

    [TestMethod]
    public void A_valid_announce_is_answered_with_one_prepare_over_the_block_hash_sent_to_the_leader()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Announce(block)));
        var send = node.Of<SendTo>().Single();
        Assert.AreEqual(_f.Keys[0].Public, send.Recipient);
        var vote = (Vote)send.Message;
        Assert.AreEqual(MessageType.Prepare, vote.Type);
        Assert.AreEqual(block.Hash, vote.BlockHash);
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, block.Hash.ToArray(), vote.Signature));
        Assert.AreEqual(Phase.Prepare, node.Node.Phase);
    }

    [TestMethod]
    public void Announce_checks_reject_wrong_leader_bad_envelope_wrong_shard_and_a_repeat()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock(proposer: 2);
        Assert.AreEqual(Verdict.WrongLeader, node.Receive(_f.Announce(block, leader: 2)));
        var forged = new Announce(0, 1, 1, block.Hash, block, _f.Keys[0].Public, _f.Scheme.Sign(_f.Keys[2].Secret, "x"u8));
        Assert.AreEqual(Verdict.BadSignature, node.Receive(forged));
        var otherShard = new Announce(1, 1, 1, block.Hash, block, _f.Keys[0].Public, FbftFixture.Zero);
        Assert.AreEqual(Verdict.WrongShard, node.Receive(otherShard));
        Assert.IsEmpty(node.Sent<Vote>());

        var good = _f.Announce(_f.FirstBlock());
        Assert.AreEqual(Verdict.Accepted, node.Receive(good));
        Assert.AreEqual(Verdict.Duplicate, node.Receive(good));
        Assert.IsEmpty(node.Sent<Vote>());
    }

    [TestMethod]
    public void Announce_whose_hash_does_not_match_its_block_is_invalid()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        var other = _f.FirstBlock(extra: [9]);
        var unsigned = new Announce(0, 1, 1, other.Hash, block, _f.Keys[0].Public, FbftFixture.Zero);
        var lying = new Announce(0, 1, 1, other.Hash, block, _f.Keys[0].Public, _f.Scheme.Sign(_f.Keys[0].Secret, unsigned.SigningBytes.ToArray()));
        Assert.AreEqual(Verdict.InvalidBlock, node.Receive(lying));
    }

    [TestMethod]
    public void Announces_outside_the_block_window_or_from_stale_views_are_dropped_and_near_future_ones_kept()
    {
        var node = _f.Node(_f.Genesis with { CommitViewId = 10 }, 1);
        Assert.AreEqual(11UL, node.Node.ViewId);
        var stale = _f.BlockOn(_f.Genesis with { CommitViewId = 10 }, view: 5);
        Assert.AreEqual(Verdict.StaleView, node.Receive(_f.Announce(stale)));

        var far = new BlockHeader { Number = 102, ViewId = 11 };
        Assert.AreEqual(Verdict.OutOfWindow, node.Receive(_f.Announce(new Block(far))));
        var near = new BlockHeader { Number = 5, ViewId = 11 };
        Assert.AreEqual(Verdict.Buffered, node.Receive(_f.Announce(new Block(near))));
        Assert.IsNotEmpty(node.Of<SyncRequested>());
    }

    [TestMethod]
    public void A_second_announce_for_the_same_view_with_another_block_is_equivocation_and_starts_a_view_change()
    {
        var node = _f.Node(1);
        node.Receive(_f.Announce(_f.FirstBlock()));
        Assert.AreEqual(Verdict.Equivocation, node.Receive(_f.Announce(_f.FirstBlock(extra: [1]))));
        var evidence = (LeaderEquivocationEvidence)node.Of<EvidenceObserved>().Single().Evidence;
        Assert.AreEqual(_f.Keys[0].Public, evidence.Leader);
        Assert.AreNotEqual(evidence.First.BlockHash, evidence.Second.BlockHash);
        Assert.AreEqual(ViewChangeReason.LeaderEquivocation, node.Of<ViewChangeStarted>().Single().Reason);
        Assert.AreEqual(NodeMode.ViewChanging, node.Node.Mode);
    }

    [TestMethod]
    public void Validators_prepare_before_full_validation_but_never_commit_an_invalid_block()
    {
        var rejecting = new RejectAll();
        var node = _f.NodeWith(_f.Genesis, rejecting, 1);
        var block = _f.FirstBlock();
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Announce(block)));
        Assert.HasCount(1, node.Sent<Vote>());
        Assert.AreEqual(0, rejecting.Calls, "no validation before PREPARE");

        Assert.AreEqual(Verdict.InvalidBlock, node.Receive(_f.Prepared(block, [0, 2, 3])));
        Assert.AreEqual(1, rejecting.Calls);
        Assert.IsEmpty(node.Sent<Vote>());
    }

    [TestMethod]
    public void A_valid_prepared_is_answered_with_a_commit_over_number_hash_and_view()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Prepared(block, [0, 2, 3])));
        var vote = node.Sent<Vote>().Single();
        Assert.AreEqual(MessageType.Commit, vote.Type);
        var payload = SigningPayloads.Commit(block.Header);
        CollectionAssert.AreEqual(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, payload[..8]);
        CollectionAssert.AreEqual(block.Hash.ToArray(), payload[8..40]);
        CollectionAssert.AreEqual(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, payload[40..]);
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, payload, vote.Signature));
        Assert.AreEqual(Phase.Commit, node.Node.Phase);
    }

    [TestMethod]
    public void Prepared_without_quorum_or_with_a_false_aggregate_or_a_wrong_leader_gets_no_commit()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        Assert.AreEqual(Verdict.NoQuorum, node.Receive(_f.Prepared(block, [0, 2])));
        var wrongSigners = _f.Aggregate(SigningPayloads.Prepare(block.Hash), 0, 1, 2);
        Assert.AreEqual(Verdict.BadSignature, node.Receive(_f.Prepared(block, [0, 2, 3], aggregate: wrongSigners)));
        var wrongMessage = _f.Aggregate(SigningPayloads.Commit(block.Header), 0, 2, 3);
        Assert.AreEqual(Verdict.BadSignature, node.Receive(_f.Prepared(block, [0, 2, 3], aggregate: wrongMessage)));
        Assert.AreEqual(Verdict.WrongLeader, node.Receive(_f.Prepared(block, [0, 2, 3], leader: 2)));
        Assert.IsEmpty(node.Sent<Vote>());
    }

    [TestMethod]
    public void Committed_finalises_the_block_and_moves_to_the_next_height_and_view()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        node.Receive(_f.Prepared(block, [0, 2, 3]));
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Committed(block, [0, 1, 2])));
        var committed = node.Of<BlockCommitted>().Single().Committed;
        Assert.AreEqual(block.Hash, committed.Hash);
        Assert.AreEqual(3, committed.CommitBitmap!.Count);
        Assert.AreEqual(2UL, node.Node.Height);
        Assert.AreEqual(2UL, node.Node.ViewId);
        Assert.AreEqual(Phase.Announce, node.Node.Phase);
    }

    [TestMethod]
    public void A_later_committed_with_more_signers_improves_the_head_and_one_with_fewer_is_ignored()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        node.Receive(_f.Committed(block, [0, 1, 2]));
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Committed(block, [0, 1, 2, 3])));
        Assert.AreEqual(4, node.Of<CommitSignatureImproved>().Single().Committed.CommitBitmap!.Count);
        Assert.AreEqual(4, node.Node.Head.CommitBitmap!.Count);
        Assert.AreEqual(Verdict.Duplicate, node.Receive(_f.Committed(block, [0, 2, 3])));
    }

    [TestMethod]
    public void Committed_for_an_unknown_block_asks_for_sync_and_a_non_quorum_one_is_refused()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        Assert.AreEqual(Verdict.UnknownBlock, node.Receive(_f.Committed(block, [0, 1, 2])));
        Assert.HasCount(1, node.Of<SyncRequested>());
        node.Receive(_f.Announce(block));
        Assert.AreEqual(Verdict.NoQuorum, node.Receive(_f.Committed(block, [0, 1])));
        Assert.IsEmpty(node.Of<BlockCommitted>());
    }

    [TestMethod]
    public void An_announce_for_the_next_height_finalises_a_prepared_block_from_its_last_commit_signature()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        node.Receive(_f.Prepared(block, [0, 2, 3]));
        // COMMITTED for block 1 was lost; block 2's header carries block 1's commit aggregate.
        var next = _f.BlockOn(_f.Finalised(block, 0, 2, 3));
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Announce(next)));
        Assert.AreEqual(block.Hash, node.Of<BlockCommitted>().Single().Committed.Hash);
        Assert.AreEqual(2UL, node.Node.Height);
        Assert.AreEqual(next.Hash, node.Sent<Vote>().Single().BlockHash);
    }

    [TestMethod]
    public void Sync_applies_only_blocks_that_extend_the_head_with_a_valid_quorum_certificate()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        Assert.AreEqual(Verdict.NoQuorum, node.Node.CatchUp(_f.Finalised(block, 0, 2), TimeSpan.Zero));
        var forged = _f.Finalised(block, 0, 2, 3) with { CommitBitmap = _f.Bitmap(0, 1, 2) };
        Assert.AreEqual(Verdict.BadSignature, node.Node.CatchUp(forged, TimeSpan.Zero));
        var orphan = _f.Finalised(_f.BlockOn(_f.Finalised(block, 0, 1, 2)), 0, 1, 2);
        Assert.AreEqual(Verdict.OutOfWindow, node.Node.CatchUp(orphan, TimeSpan.Zero));
        Assert.AreEqual(Verdict.Accepted, node.Node.CatchUp(_f.Finalised(block, 0, 2, 3), TimeSpan.Zero));
        Assert.AreEqual(2UL, node.Node.Height);
    }

    private sealed class RejectAll : IBlockValidator
    {
        public int Calls { get; private set; }

        public string? Validate(Block block)
        {
            Calls++;
            return "state transition failed";
        }
    }
}
