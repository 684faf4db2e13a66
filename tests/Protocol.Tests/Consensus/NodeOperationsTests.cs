using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>
/// The node counts each signature-scheme call it makes (the basis of the host's CPU cost model): k signs for a
/// vote with k keys, a verify per envelope or single-key vote, an aggregate verify only when a bitmap got that far.
/// </summary>
[TestClass]
public sealed class NodeOperationsTests
{
    private readonly FbftFixture _f = new(4);

    private static NodeOperations During(NodeUnderTest node, Action step)
    {
        var before = node.Node.Operations;
        step();
        return node.Node.Operations.Since(before);
    }

    [TestMethod]
    public void A_validator_counts_what_it_checks_and_signs_through_a_round()
    {
        var node = _f.Node(1);
        Assert.AreEqual(NodeOperations.None, node.Node.Operations, "starting signs nothing");
        var block = _f.FirstBlock();

        // ANNOUNCE: the envelope, then the prepare vote.
        Assert.AreEqual(new NodeOperations(1, 1, 0), During(node, () => node.Receive(_f.Announce(block))));
        // PREPARED: the envelope and the certificate (genesis's child carries no parent seal), then the commit vote.
        Assert.AreEqual(new NodeOperations(1, 1, 1), During(node, () => node.Receive(_f.Prepared(block, [0, 1, 2]))));
        // COMMITTED: the envelope and the certificate; the block was validated already.
        Assert.AreEqual(new NodeOperations(0, 1, 1), During(node, () => Assert.AreEqual(Verdict.Accepted, node.Receive(_f.Committed(block, [0, 1, 2])))));
        Assert.AreEqual(new NodeOperations(2, 3, 2), node.Node.Operations);
    }

    [TestMethod]
    [DataRow(new[] { 0, 1 }, Verdict.NoQuorum)]
    [DataRow(new[] { 0, 1, 2, 3 }, Verdict.Accepted)]
    public void An_aggregate_counts_only_when_the_bitmap_checks_let_it_reach_the_scheme(int[] signers, Verdict verdict)
    {
        var node = _f.Node(1);
        var block = _f.FirstBlock();
        node.Receive(_f.Announce(block));
        var ops = During(node, () => Assert.AreEqual(verdict, node.Receive(_f.Prepared(block, signers))));
        Assert.AreEqual(verdict == Verdict.Accepted ? new NodeOperations(1, 1, 1) : new NodeOperations(0, 1, 0), ops);
    }

    [TestMethod]
    public void A_leader_counts_its_own_votes_envelopes_and_each_vote_it_checks()
    {
        var leader = _f.Node(0);
        // ANNOUNCE envelope and the leader's own prepare.
        Assert.AreEqual(new NodeOperations(2, 0, 0), During(leader, () => leader.Fire(TimerKind.Propose)));
        var block = leader.Sent<Announce>().Single().Block;
        Assert.AreEqual(new NodeOperations(0, 1, 0), During(leader, () => leader.Receive(_f.Prepare(block, 1))));
        // The quorum-making prepare: PREPARED's envelope and the leader's own commit.
        Assert.AreEqual(new NodeOperations(2, 1, 0), During(leader, () => leader.Receive(_f.Prepare(block, 2))));
        Assert.AreEqual(new NodeOperations(0, 1, 0), During(leader, () => leader.Receive(_f.Commit(block, 1))));
        // The quorum-making commit: COMMITTED's envelope (pipelining finalises at once).
        Assert.AreEqual(new NodeOperations(1, 1, 0), During(leader, () => leader.Receive(_f.Commit(block, 2))));
        Assert.HasCount(1, leader.Of<BlockCommitted>());
    }

    [TestMethod]
    public void A_multi_key_vote_is_one_aggregate_verify_at_the_leader()
    {
        var leader = _f.Node(0);
        leader.Fire(TimerKind.Propose);
        var block = leader.Sent<Announce>().Single().Block;
        var ops = During(leader, () => Assert.AreEqual(Verdict.Accepted, leader.Receive(_f.Prepare(block, 1, 2))));
        Assert.AreEqual(new NodeOperations(2, 0, 1), ops, "one aggregate check, then PREPARED's envelope and the own commit");
    }

    [TestMethod]
    [DataRow(new[] { 1 }, 1)]
    [DataRow(new[] { 1, 2 }, 2)]
    [DataRow(new[] { 1, 2, 3 }, 3)]
    public void A_node_with_k_keys_signs_k_times_per_vote(int[] keys, int k)
    {
        var node = _f.Node(keys);
        var block = _f.FirstBlock();
        Assert.AreEqual(new NodeOperations(k, 1, 0), During(node, () => node.Receive(_f.Announce(block))));
        Assert.AreEqual(new NodeOperations(k, 1, 1), During(node, () => node.Receive(_f.Prepared(block, [0, 1, 2, 3]))));
    }

    [TestMethod]
    public void A_view_change_signs_m2_and_m3_with_every_key()
    {
        var node = _f.Node(1, 2);
        var ops = During(node, () => node.Fire(TimerKind.Consensus));
        Assert.HasCount(2, node.Sent<ViewChange>());
        Assert.AreEqual(new NodeOperations(4, 0, 0), ops);
    }

    [TestMethod]
    public void Differences_subtract_each_count()
    {
        var after = new NodeOperations(5, 7, 3);
        var before = new NodeOperations(2, 3, 1);
        Assert.AreEqual(new NodeOperations(3, 4, 2), after - before);
        Assert.AreEqual(after - before, after.Since(before));
        Assert.AreEqual(after, before + (after - before));
    }
}
