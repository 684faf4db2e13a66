using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Reference §1.4 from the leader's side: announce, tallies, PREPARED, COMMITTED, grace, pipelining.</summary>
[TestClass]
public sealed class LeaderRulesTests
{
    private readonly FbftFixture _f = new(4);

    private (NodeUnderTest Leader, Announce Announce) Announced()
    {
        var leader = _f.Node(0);
        Assert.IsTrue(leader.HasTimer(TimerKind.Propose));
        leader.Fire(TimerKind.Propose);
        return (leader, leader.Sent<Announce>().Single());
    }

    [TestMethod]
    public void The_leader_announces_a_signed_proposal_with_its_coinbase_and_counts_its_own_prepare()
    {
        var (leader, announce) = Announced();
        var h = announce.Block.Header;
        Assert.AreEqual(1UL, h.Number);
        Assert.AreEqual(1UL, h.ViewId);
        Assert.AreEqual(Address.OfBlsKey(_f.Keys[0].Public.Bytes), h.Coinbase);
        Assert.IsNull(h.LastCommitSignature, "genesis has no commit signature to carry");
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[0].Public, announce.SigningBytes.ToArray(), announce.EnvelopeSignature));
        // Own vote + two more make a quorum of three.
        leader.Receive(_f.Prepare(announce.Block, 1));
        Assert.IsEmpty(leader.Sent<Prepared>());
        leader.Receive(_f.Prepare(announce.Block, 2));
        var prepared = leader.Sent<Prepared>().Single();
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, prepared.Bitmap.Members().ToArray());
        Assert.IsTrue(_f.Scheme.VerifyAggregate(_f.Committee.KeySet, prepared.Bitmap, announce.BlockHash.ToArray(), prepared.Aggregate));
    }

    [TestMethod]
    public void A_single_node_committee_commits_on_its_own_votes()
    {
        var solo = new FbftFixture(1);
        var node = solo.Node(0);
        node.Fire(TimerKind.Propose);
        Assert.HasCount(1, node.Sent<Announce>());
        Assert.HasCount(1, node.Sent<Prepared>());
        Assert.HasCount(1, node.Sent<Committed>());
        Assert.HasCount(1, node.Of<BlockCommitted>());
    }

    [TestMethod]
    public void Prepare_checks_reject_unknown_duplicate_forged_wrong_block_and_wrong_view_votes()
    {
        var (leader, announce) = Announced();
        var outsider = new FbftFixture(4, seed: 2);
        Assert.AreEqual(Verdict.UnknownSender, leader.Receive(outsider.Prepare(announce.Block, 1)));
        Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.Prepare(announce.Block, 1)));
        Assert.AreEqual(Verdict.Duplicate, leader.Receive(_f.Prepare(announce.Block, 1)));
        var forged = new Vote(MessageType.Prepare, 0, 1, 1, announce.BlockHash, [_f.Keys[2].Public], _f.Scheme.Sign(_f.Keys[3].Secret, announce.BlockHash.ToArray()));
        Assert.AreEqual(Verdict.BadSignature, leader.Receive(forged));
        Assert.AreEqual(Verdict.UnknownBlock, leader.Receive(_f.Prepare(_f.FirstBlock(extra: [1]), 2)));
        var otherView = new Vote(MessageType.Prepare, 0, 2, 1, announce.BlockHash, [_f.Keys[2].Public], _f.Scheme.Sign(_f.Keys[2].Secret, announce.BlockHash.ToArray()));
        Assert.AreEqual(Verdict.WrongView, leader.Receive(otherView));
        Assert.IsEmpty(leader.Sent<Prepared>());
    }

    [TestMethod]
    public void Validators_do_not_act_on_votes()
    {
        var validator = _f.Node(1);
        var block = _f.FirstBlock();
        validator.Receive(_f.Announce(block));
        Assert.AreEqual(Verdict.NotForThisRole, validator.Receive(_f.Prepare(block, 2)));
    }

    [TestMethod]
    public void A_multi_key_node_sends_one_aggregated_vote_which_counts_for_each_key()
    {
        var (leader, announce) = Announced();
        var multi = _f.Node(1, 2);
        multi.Receive(announce);
        var vote = multi.Sent<Vote>().Single();
        CollectionAssert.AreEqual(new[] { _f.Keys[1].Public, _f.Keys[2].Public }, vote.Senders.ToArray());
        Assert.AreEqual(Verdict.Accepted, leader.Receive(vote));
        Assert.AreEqual(3, leader.Sent<Prepared>().Single().Bitmap.Count);
    }

    [TestMethod]
    public void In_staking_mode_a_multi_key_vote_must_come_from_one_validator()
    {
        var f = new FbftFixture(4, QuorumMode.ByVotingPower, slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i < 2 ? 0 : i), FbftFixture.Ones(100)));
        var leader = f.Node(0);
        leader.Fire(TimerKind.Propose);
        var block = leader.Sent<Announce>().Single().Block;
        Assert.AreEqual(Verdict.MixedOwners, leader.Receive(f.Prepare(block, 2, 3)));
        var sameOwner = new FbftFixture(4, QuorumMode.ByVotingPower, slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i < 2 ? 0 : 9), FbftFixture.Ones(100)));
        var leader2 = sameOwner.Node(0);
        leader2.Fire(TimerKind.Propose);
        Assert.AreEqual(Verdict.Accepted, leader2.Receive(sameOwner.Prepare(leader2.Sent<Announce>().Single().Block, 2, 3)));
    }

    [TestMethod]
    public void Commit_quorum_finalises_pipelines_and_the_grace_period_gathers_the_final_aggregate_for_the_next_header()
    {
        var (leader, announce) = Announced();
        var block = announce.Block;
        leader.Receive(_f.Prepare(block, 1));
        leader.Receive(_f.Prepare(block, 2));
        leader.Receive(_f.Commit(block, 1), TimeSpan.FromMilliseconds(400));
        Assert.IsEmpty(leader.Of<BlockCommitted>());
        leader.Receive(_f.Commit(block, 2), TimeSpan.FromMilliseconds(500));

        // Quorum: COMMITTED with three signers goes out and the block is final (not an epoch's last block).
        Assert.AreEqual(3, leader.Sent<Committed>().Single().Bitmap.Count);
        Assert.AreEqual(block.Hash, leader.Of<BlockCommitted>().Single().Committed.Hash);
        // Grace = max(1 s, next block due − 200 ms − now) = max(1 s, 2 s − 0.2 s − 0.5 s) = 1.3 s, so it ends at 1.8 s.
        Assert.AreEqual(TimeSpan.FromMilliseconds(1800), leader.TimerAt(TimerKind.CommitGrace));

        Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.Commit(block, 3), TimeSpan.FromMilliseconds(900)));
        leader.Fire(TimerKind.CommitGrace);
        Assert.AreEqual(4, leader.Of<CommitSignatureImproved>().Single().Committed.CommitBitmap!.Count);
        Assert.AreEqual(4, leader.Sent<Committed>().Single().Bitmap.Count);

        leader.Fire(TimerKind.Propose);
        var next = leader.Sent<Announce>().Single().Block.Header;
        Assert.AreEqual(2UL, next.Number);
        Assert.AreEqual(2UL, next.ViewId);
        Assert.AreEqual(TimeSpan.FromSeconds(2), leader.Now, "the next proposal waits for the block period");
        var bitmap = SignerBitmap.FromBytes(next.LastCommitBitmap, 4);
        Assert.AreEqual(4, bitmap.Count);
        Assert.IsTrue(_f.Scheme.VerifyAggregate(_f.Committee.KeySet, bitmap, SigningPayloads.Commit(block.Header), next.LastCommitSignature!));
    }

    [TestMethod]
    public void An_epochs_last_block_is_not_pipelined_it_is_finalised_only_after_the_grace_period()
    {
        var f = new FbftFixture(4, config: new FbftConfig { BlocksPerEpoch = 2 });
        var leader = f.Node(0);
        leader.Fire(TimerKind.Propose);
        var block = leader.Sent<Announce>().Single().Block;
        Assert.IsTrue(block.Header.CarriesShardState, "an epoch's last block carries the next committee");
        leader.Receive(f.Prepare(block, 1));
        leader.Receive(f.Prepare(block, 2));
        leader.Receive(f.Commit(block, 1));
        leader.Receive(f.Commit(block, 2));
        Assert.IsEmpty(leader.Sent<Committed>());
        Assert.IsEmpty(leader.Of<BlockCommitted>());
        leader.Fire(TimerKind.CommitGrace);
        Assert.HasCount(1, leader.Sent<Committed>());
        Assert.HasCount(1, leader.Of<BlockCommitted>());
    }

    [TestMethod]
    public void Two_commit_votes_by_one_key_for_different_blocks_in_one_view_are_double_sign_evidence()
    {
        var (leader, announce) = Announced();
        var block = announce.Block;
        leader.Receive(_f.Prepare(block, 1));
        leader.Receive(_f.Prepare(block, 2));
        Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.Commit(block, 3)));
        var conflicting = _f.FirstBlock(extra: [7]);
        Assert.AreEqual(Verdict.Equivocation, leader.Receive(_f.Commit(conflicting, 3)));
        var evidence = (DoubleSignEvidence)leader.Of<EvidenceObserved>().Single().Evidence;
        Assert.AreEqual(_f.Keys[3].Public, evidence.Offender);
        Assert.AreEqual(1UL, evidence.BlockNumber);
        Assert.AreNotEqual(evidence.First.BlockHash, evidence.Second.BlockHash);
        // A forged conflicting vote is not evidence.
        var forged = new Vote(MessageType.Commit, 0, 1, 1, conflicting.Hash, [_f.Keys[1].Public], _f.Scheme.Sign(_f.Keys[2].Secret, SigningPayloads.Commit(conflicting.Header)));
        Assert.AreEqual(Verdict.BadSignature, leader.Receive(forged));
        Assert.IsEmpty(leader.Of<EvidenceObserved>());
    }

    [TestMethod]
    public void Votes_are_ignored_while_view_changing_and_from_stale_views()
    {
        var (leader, announce) = Announced();
        leader.Fire(TimerKind.Consensus);
        Assert.AreEqual(NodeMode.ViewChanging, leader.Node.Mode);
        Assert.AreEqual(Verdict.NotInThisMode, leader.Receive(_f.Prepare(announce.Block, 1)));

        var high = _f.Node(_f.Genesis with { CommitViewId = 20 }, 0);
        var stale = new Vote(MessageType.Prepare, 0, 3, 1, announce.BlockHash, [_f.Keys[1].Public], _f.Scheme.Sign(_f.Keys[1].Secret, announce.BlockHash.ToArray()));
        Assert.AreEqual(Verdict.StaleView, high.Receive(stale));
    }
}
