using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Reference §1.8: timeouts, time-slotted view IDs, M1/M2/M3, NEWVIEW, prepared blocks carried over.</summary>
[TestClass]
public sealed class ViewChangeTests
{
    private readonly FbftFixture _f = new(4);

    [TestMethod]
    [DataRow(1UL, 0UL, 27UL, 2UL)]
    [DataRow(1UL, 0UL, 44UL, 2UL)]
    [DataRow(1UL, 0UL, 45UL, 3UL)]
    [DataRow(1UL, 0UL, 120UL, 4UL)]
    [DataRow(10UL, 100UL, 190UL, 13UL)]
    public void The_next_view_id_adds_one_per_45_second_slot_since_the_head_block(ulong stuck, ulong headTime, ulong now, ulong expected) =>
        Assert.AreEqual(expected, LeaderSelection.NextViewId(stuck, headTime, now, TimeSpan.FromSeconds(45), 0));

    [TestMethod]
    public void The_next_view_id_never_falls_below_the_floor_nor_uses_a_clock_before_the_head()
    {
        Assert.AreEqual(9UL, LeaderSelection.NextViewId(1, 0, 30, TimeSpan.FromSeconds(45), 9));
        Assert.AreEqual(2UL, LeaderSelection.NextViewId(1, 100, 50, TimeSpan.FromSeconds(45), 0));
    }

    [TestMethod]
    public void Harmony_keys_only_policy_cycles_through_harmony_slots_from_the_failed_leader()
    {
        var f = new FbftFixture(6, Protocol.Consensus.Quorum.QuorumMode.ByVotingPower,
            slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i), i < 4 ? null : FbftFixture.Ones(10)));
        Assert.AreEqual(4, f.Committee.HarmonySlotCount);
        Assert.AreEqual(1, LeaderSelection.NthNext(f.Committee, 3, 2, ViewChangeLeaderPolicy.HarmonyKeysOnly));
        Assert.AreEqual(3, LeaderSelection.NthNext(f.Committee, 3, 4, ViewChangeLeaderPolicy.HarmonyKeysOnly));
        Assert.AreEqual(5, LeaderSelection.NthNext(f.Committee, 3, 2, ViewChangeLeaderPolicy.AllValidators));
    }

    [TestMethod]
    public void All_validators_policy_skips_keys_of_the_failed_leaders_validator()
    {
        var f = new FbftFixture(5, slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i is 0 or 1 or 3 ? 0 : i)));
        Assert.AreEqual(2, LeaderSelection.NthNext(f.Committee, 0, 1, ViewChangeLeaderPolicy.AllValidators));
        Assert.AreEqual(4, LeaderSelection.NthNext(f.Committee, 0, 2, ViewChangeLeaderPolicy.AllValidators));
        Assert.AreEqual(2, LeaderSelection.NthNext(f.Committee, 0, 3, ViewChangeLeaderPolicy.AllValidators));
    }

    [TestMethod]
    public void A_timeout_starts_a_view_change_with_m2_and_m3_addressed_to_the_gap_th_next_leader()
    {
        var node = _f.Node(1);
        Assert.AreEqual(_f.Config.BootstrapTimeout, node.TimerAt(TimerKind.Consensus));
        node.Fire(TimerKind.Consensus);
        // 120 s after genesis: view 1 + ⌊120/45⌋ + 1 = 4; gap 3 from slot 0 → slot 3.
        var started = node.Of<ViewChangeStarted>().Single();
        Assert.AreEqual(4UL, started.ViewId);
        Assert.AreEqual(_f.Keys[3].Public, started.NextLeader);
        Assert.AreEqual(NodeMode.ViewChanging, node.Node.Mode);
        var send = node.Of<SendTo>().Single();
        Assert.AreEqual(_f.Keys[3].Public, send.Recipient);
        var vc = (ViewChange)send.Message;
        Assert.IsNull(vc.M1);
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, SigningPayloads.Nil, vc.ViewChangeSignature));
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, SigningPayloads.ViewId(4), vc.ViewIdSignature));
        Assert.AreEqual(_f.Config.BootstrapTimeout + _f.Config.ViewChangeTimeout, node.TimerAt(TimerKind.ViewChange));
    }

    [TestMethod]
    public void A_node_that_prepared_a_block_sends_m1_with_the_prepared_certificate()
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        node.Receive(_f.Prepared(block, [0, 2, 3]));
        node.Fire(TimerKind.Consensus);
        var vc = node.Sent<ViewChange>().Single();
        Assert.IsNotNull(vc.M1);
        Assert.AreEqual(block.Hash, vc.M1.BlockHash);
        CollectionAssert.AreEqual(new[] { 0, 2, 3 }, vc.M1.PrepareBitmap.Members().ToArray());
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, vc.M1.Payload, vc.ViewChangeSignature));
    }

    [TestMethod]
    public void A_failed_view_change_asks_for_sync_and_moves_to_a_higher_view()
    {
        var node = _f.Node(1);
        node.Fire(TimerKind.Consensus);
        node.Fire(TimerKind.ViewChange);
        Assert.HasCount(1, node.Of<SyncRequested>());
        var again = node.Of<ViewChangeStarted>().Single();
        Assert.AreEqual(ViewChangeReason.ViewChangeTimeout, again.Reason);
        Assert.AreEqual(5UL, again.ViewId, "147 s after genesis: 1 + ⌊147/45⌋ + 1");
    }

    [TestMethod]
    public void The_new_leader_sends_newview_once_m3_reaches_quorum_then_proposes_in_the_new_view()
    {
        var leader = _f.Node(3);
        leader.Fire(TimerKind.Consensus);
        Assert.IsEmpty(leader.Sent<ViewChange>(), "its own view change is handled locally");
        Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.ViewChange(1, 4, newLeader: 3)));
        Assert.AreEqual(Verdict.Duplicate, leader.Receive(_f.ViewChange(1, 4, newLeader: 3)));
        Assert.IsEmpty(leader.Sent<NewView>());
        Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.ViewChange(2, 4, newLeader: 3)));
        var newView = leader.Sent<NewView>().Single();
        Assert.AreEqual(4UL, newView.ViewId);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, newView.M3Bitmap.Members().ToArray());
        Assert.AreEqual(newView.M3Bitmap, newView.M2Bitmap);
        Assert.IsNull(newView.M1);
        Assert.AreEqual(NodeMode.Normal, leader.Node.Mode);
        Assert.AreEqual(4UL, leader.Node.ViewId);
        leader.Fire(TimerKind.Propose);
        Assert.AreEqual(4UL, leader.Sent<Announce>().Single().Block.Header.ViewId);
    }

    [TestMethod]
    public void View_change_messages_are_checked()
    {
        var leader = _f.Node(3);
        leader.Fire(TimerKind.Consensus);
        Assert.AreEqual(Verdict.NotForThisRole, leader.Receive(_f.ViewChange(1, 4, newLeader: 2)));
        var forged = new ViewChange(0, 4, 1, _f.Keys[1].Public, _f.Keys[3].Public, null, _f.Scheme.Sign(_f.Keys[1].Secret, SigningPayloads.Nil), _f.Scheme.Sign(_f.Keys[2].Secret, SigningPayloads.ViewId(4)));
        Assert.AreEqual(Verdict.BadSignature, leader.Receive(forged));
        var outsider = new FbftFixture(4, seed: 3).Keys[1];
        var fromOutsider = new ViewChange(0, 4, 1, outsider.Public, _f.Keys[3].Public, null, _f.Scheme.Sign(outsider.Secret, SigningPayloads.Nil), _f.Scheme.Sign(outsider.Secret, SigningPayloads.ViewId(4)));
        Assert.AreEqual(Verdict.UnknownSender, leader.Receive(fromOutsider));
        Assert.AreEqual(Verdict.Stale, leader.Receive(_f.ViewChange(1, 4, newLeader: 3, height: 0)));
        // A peer already at a later view change is kept until this node gets there.
        Assert.AreEqual(Verdict.Buffered, leader.Receive(_f.ViewChange(1, 5, newLeader: 3)));
        // An M1 whose certificate lacks quorum is refused.
        var block = _f.FirstBlock();
        var weak = new PreparedCertificate(block, _f.Aggregate(SigningPayloads.Prepare(block.Hash), 0, 2), _f.Bitmap(0, 2));
        Assert.AreEqual(Verdict.NoQuorum, leader.Receive(_f.ViewChange(2, 4, newLeader: 3, m1: weak)));
    }

    [TestMethod]
    public void Newview_is_adopted_and_the_new_leaders_announce_accepted()
    {
        var node = _f.Node(1);
        node.Fire(TimerKind.Consensus);
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.NewView(3, 4, m3: [1, 2, 3], m2: [1, 2, 3])));
        Assert.AreEqual(NodeMode.Normal, node.Node.Mode);
        Assert.AreEqual(4UL, node.Node.ViewId);
        Assert.AreEqual(_f.Keys[3].Public, node.Node.Leader);
        Assert.HasCount(1, node.Of<NewViewEntered>());
        var block = _f.BlockOn(_f.Genesis, proposer: 3, view: 4);
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Announce(block, leader: 3)));
    }

    [TestMethod]
    public void Newview_checks_leader_quorum_signatures_and_demands_the_prepared_block_when_one_was_reported()
    {
        var node = _f.Node(1);
        node.Fire(TimerKind.Consensus);
        Assert.AreEqual(Verdict.WrongLeader, node.Receive(_f.NewView(2, 4, m3: [1, 2, 3], m2: [1, 2, 3])));
        Assert.AreEqual(Verdict.NoQuorum, node.Receive(_f.NewView(3, 4, m3: [2, 3], m2: [2, 3])));
        Assert.AreEqual(Verdict.MissingPreparedBlock, node.Receive(_f.NewView(3, 4, m3: [0, 2, 3], m2: [2, 3])));
        Assert.AreEqual(Verdict.Stale, node.Receive(_f.NewView(0, 1, m3: [0, 2, 3], m2: [0, 2, 3])));
        Assert.AreEqual(NodeMode.ViewChanging, node.Node.Mode);
    }

    [TestMethod]
    public void A_prepared_block_carried_by_newview_is_prepared_again_in_the_new_view_then_committed_with_its_own_view()
    {
        var node = _f.Node(1);
        node.Fire(TimerKind.Consensus);
        var block = _f.FirstBlock();
        var m1 = new PreparedCertificate(block, _f.Aggregate(SigningPayloads.Prepare(block.Hash), 0, 2, 3), _f.Bitmap(0, 2, 3));
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.NewView(3, 4, m3: [0, 2, 3], m2: [2], m1: m1)));
        Assert.IsTrue(node.Of<NewViewEntered>().Single().CarriedPreparedBlock);
        // Not a commit straight away: a prepare in view 4 that names the view, so the certificate it builds ranks at 4.
        var prepare = node.Sent<Vote>().Single();
        Assert.AreEqual(MessageType.Prepare, prepare.Type);
        Assert.AreEqual((block.Hash, 4UL), (prepare.BlockHash, prepare.ViewId));
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, SigningPayloads.Prepare(block.Hash, 4, 1), prepare.Signature));
        Assert.IsFalse(_f.Scheme.Verify(_f.Keys[1].Public, SigningPayloads.Prepare(block.Hash), prepare.Signature), "not the block's own-view prepare");

        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Prepared(block, [1, 2, 3], leader: 3, view: 4)));
        var commit = node.Sent<Vote>().Single();
        Assert.AreEqual((MessageType.Commit, 4UL), (commit.Type, commit.ViewId));
        Assert.IsTrue(_f.Scheme.Verify(_f.Keys[1].Public, SigningPayloads.Commit(1, block.Hash, viewId: 1), commit.Signature));
    }

    [TestMethod]
    public void The_new_leader_carries_the_highest_view_prepared_block_prepares_it_again_and_commits_it()
    {
        var leader = _f.Node(3);
        leader.Fire(TimerKind.Consensus);
        var block = _f.FirstBlock();
        var m1 = new PreparedCertificate(block, _f.Aggregate(SigningPayloads.Prepare(block.Hash), 0, 1, 2), _f.Bitmap(0, 1, 2));
        leader.Receive(_f.ViewChange(1, 4, newLeader: 3, m1: m1));
        leader.Receive(_f.ViewChange(2, 4, newLeader: 3));
        var newView = leader.Sent<NewView>().Single();
        Assert.AreEqual(block.Hash, newView.M1!.BlockHash);
        CollectionAssert.AreEqual(new[] { 2, 3 }, newView.M2Bitmap.Members().ToArray());
        Assert.AreEqual(Phase.Prepare, leader.Node.Phase);
        // A prepare over the block's own-view payload is not a vote in view 4.
        Assert.AreEqual(Verdict.BadSignature, leader.Receive(new Vote(MessageType.Prepare, 0, 4, 1, block.Hash, [_f.Keys[1].Public],
            _f.Scheme.Sign(_f.Keys[1].Secret, SigningPayloads.Prepare(block.Hash)))));
        foreach (var i in new[] { 1, 2 })
            leader.Receive(new Vote(MessageType.Prepare, 0, 4, 1, block.Hash, [_f.Keys[i].Public], _f.Scheme.Sign(_f.Keys[i].Secret, SigningPayloads.Prepare(block.Hash, 4, 1))));
        var prepared = leader.Sent<Prepared>().Single();
        Assert.AreEqual((block.Hash, 4UL), (prepared.BlockHash, prepared.ViewId));
        Assert.AreEqual(Phase.Commit, leader.Node.Phase);
        // Two more commits (own + 2) finalise the carried block.
        leader.Receive(new Vote(MessageType.Commit, 0, 4, 1, block.Hash, [_f.Keys[1].Public], _f.Scheme.Sign(_f.Keys[1].Secret, SigningPayloads.Commit(block.Header))));
        leader.Receive(new Vote(MessageType.Commit, 0, 4, 1, block.Hash, [_f.Keys[2].Public], _f.Scheme.Sign(_f.Keys[2].Secret, SigningPayloads.Commit(block.Header))));
        Assert.AreEqual(block.Hash, leader.Of<BlockCommitted>().Single().Committed.Hash);
    }

    [TestMethod]
    public void A_block_prepared_again_in_a_later_view_outranks_an_older_lock_and_its_certificate_cannot_be_relabelled()
    {
        // The fork the campaigns found (docs/DESIGN-NOTES.md): B1 proposed at view 1 and carried into view 3, where a
        // quorum prepared it again; B2 prepared at view 2. B1's certificate now ranks at 3, above B2's lock at 2.
        var head = _f.Genesis with { CommitViewId = 1 };
        var node = _f.Node(head, 1);
        var b2 = _f.BlockOn(head, proposer: 0, view: 2);
        var b1 = _f.BlockOn(head, proposer: 0, view: 1);
        node.Receive(_f.Announce(b2));
        node.Receive(_f.Prepared(b2, [0, 2, 3]));
        node.Fire(TimerKind.Consensus);
        const ulong view = 4;
        Assert.AreEqual(view, node.Node.ViewChangingId);

        // The same aggregate claimed for a later view (only the block hash signed) is refused.
        var relabelled = new PreparedCertificate(b1, _f.Aggregate(SigningPayloads.Prepare(b1.Hash), 0, 2, 3), _f.Bitmap(0, 2, 3), 3);
        Assert.AreEqual(Verdict.BadSignature, node.Receive(_f.NewView(3, view, m3: [0, 2, 3], m2: [2], m1: relabelled)));

        var carried = _f.CarriedCertificate(b1, 3, 0, 2, 3);
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.NewView(3, view, m3: [0, 2, 3], m2: [2], m1: carried)));
        var prepare = node.Sent<Vote>().Single();
        Assert.AreEqual((MessageType.Prepare, b1.Hash), (prepare.Type, prepare.BlockHash));
    }

    [TestMethod]
    public void A_locked_node_commits_the_carried_block_once_a_quorum_prepared_it_in_the_later_view()
    {
        var head = _f.Genesis with { CommitViewId = 1 };
        var node = _f.Node(head, 1);
        var later = _f.BlockOn(head, proposer: 0, view: 2);
        node.Receive(_f.Announce(later));
        node.Receive(_f.Prepared(later, [0, 2, 3]));
        node.Fire(TimerKind.Consensus);
        var older = _f.BlockOn(head, proposer: 0, view: 1);
        var m1 = new PreparedCertificate(older, _f.Aggregate(SigningPayloads.Prepare(older.Hash), 0, 2, 3), _f.Bitmap(0, 2, 3));
        Assert.AreEqual(Verdict.Locked, node.Receive(_f.NewView(3, 4, m3: [0, 2, 3], m2: [2], m1: m1)));
        Assert.IsEmpty(node.Sent<Vote>(), "locked: no prepare for the older block");
        // A quorum prepared it in view 4 anyway: that certificate outranks the lock from view 2, so the node commits.
        Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Prepared(older, [0, 2, 3], leader: 3, view: 4)));
        Assert.AreEqual(MessageType.Commit, node.Sent<Vote>().Single().Type);
    }

    [TestMethod]
    public void A_node_holding_a_later_prepared_certificate_refuses_to_commit_an_older_carried_block()
    {
        var head = _f.Genesis with { CommitViewId = 1 };
        var node = _f.Node(head, 1);
        Assert.AreEqual(2UL, node.Node.ViewId);
        var later = _f.BlockOn(head, proposer: 0, view: 2);
        node.Receive(_f.Announce(later));
        node.Receive(_f.Prepared(later, [0, 2, 3]));
        node.Fire(TimerKind.Consensus);
        Assert.AreEqual(4UL, node.Node.ViewChangingId);

        // A (byzantine) new leader carries an older block that also has a prepared certificate, from view 1.
        var older = _f.BlockOn(head, proposer: 0, view: 1);
        var m1 = new PreparedCertificate(older, _f.Aggregate(SigningPayloads.Prepare(older.Hash), 0, 2, 3), _f.Bitmap(0, 2, 3));
        Assert.AreEqual(Verdict.Locked, node.Receive(_f.NewView(3, 4, m3: [0, 2, 3], m2: [2], m1: m1)));
        Assert.IsEmpty(node.Sent<Vote>().Where(v => v.BlockHash == older.Hash), "no vote for the older block");
        Assert.AreEqual(4UL, node.Node.ViewId);
    }
}
