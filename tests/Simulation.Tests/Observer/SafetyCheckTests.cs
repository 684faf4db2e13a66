using HarmonySim.Simulation.Observer;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Observer;

/// <summary>The observer's safety check: two honest nodes committing different blocks at one height is a fork, and it says so.</summary>
[TestClass]
public sealed class SafetyCheckTests
{
    private readonly CommittedBlocks _blocks = new(new RunContext(new PlanBuilder().Build()));

    [TestMethod]
    public void Two_honest_nodes_committing_different_blocks_at_one_height_is_a_logged_safety_violation()
    {
        using var observer = new ShardObserver(0);
        var a = _blocks.On(_blocks.Genesis, proposer: 0, side: 1, 0, 1, 2);
        var b = _blocks.On(_blocks.Genesis, proposer: 0, side: 2, 1, 2, 3);
        Assert.AreNotEqual(a.Hash, b.Hash);

        Assert.IsTrue(Commit(observer, 1, a, seconds: 2), "the first commit at a height is canonical");
        Assert.IsFalse(Commit(observer, 2, b, seconds: 3), "the second is not");

        var result = observer.Result(4, 4, TimeSpan.FromSeconds(4));
        var records = observer.TakeRecords();
        var violation = result.SafetyViolations.Single();
        StringAssert.Contains(violation, "height 1");
        StringAssert.Contains(violation, b.Hash.ToString());
        StringAssert.Contains(violation, a.Hash.ToString());
        var logged = records.Events.Single(e => e.Kind == "safety_violation");
        Assert.AreEqual(TimeSpan.FromSeconds(3), logged.At);
        CollectionAssert.AreEqual(new[] { "height=1", "node=2", $"hash={b.Hash}" }, logged.Fields.Select(f => $"{f.Key}={f.Value}").ToArray());
        Assert.AreEqual(a, observer.Canonical(1), "the canonical chain keeps the first block");
        var commit = records.Commits.Single();
        Assert.AreEqual(a.Hash.ToString(), commit.Hash);
        Assert.IsTrue(commit.SignatureVerified, "the builder's commit aggregate is a valid quorum certificate");
        Assert.AreEqual(0, commit.LeaderNode);
    }

    [TestMethod]
    public void Every_honest_node_committing_the_same_block_is_no_violation()
    {
        using var observer = new ShardObserver(0);
        var a = _blocks.On(_blocks.Genesis, proposer: 0, side: 1, 0, 1, 2);
        var next = _blocks.On(a, proposer: 0, side: 1, 0, 1, 2, 3);
        for (var node = 0; node < 4; node++)
        {
            Commit(observer, node, a, seconds: 2);
            Commit(observer, node, next, seconds: 4);
        }
        var result = observer.Result(4, 4, TimeSpan.FromSeconds(4));
        var records = observer.TakeRecords();
        Assert.AreEqual(0, result.SafetyViolations.Count);
        Assert.IsFalse(records.Events.Any(e => e.Kind == "safety_violation"));
        CollectionAssert.AreEqual(new[] { 1UL, 2UL }, records.Commits.Select(c => c.Height).ToArray());
        Assert.AreEqual(4, records.Commits[1].Signers);
        Assert.AreEqual(2UL, result.Height);
        Assert.AreEqual(2L, result.Blocks);
        Assert.IsTrue(observer.TakeRecords().IsEmpty, "a take hands the records over once");
    }

    [TestMethod]
    public void A_fork_further_up_the_chain_is_caught_at_its_own_height()
    {
        using var observer = new ShardObserver(0);
        var first = _blocks.On(_blocks.Genesis, proposer: 0, side: 0, 0, 1, 2);
        Commit(observer, 0, first, seconds: 2);
        Commit(observer, 3, first, seconds: 2);
        Commit(observer, 0, _blocks.On(first, proposer: 0, side: 1, 0, 1, 2), seconds: 4);
        Commit(observer, 3, _blocks.On(first, proposer: 1, side: 2, 1, 2, 3), seconds: 5);
        var violation = observer.Result(4, 4, TimeSpan.FromSeconds(4)).SafetyViolations.Single();
        StringAssert.Contains(violation, "shard 0 height 2: node 3 committed");
    }

    private bool Commit(ShardObserver observer, int node, Protocol.Consensus.CommittedBlock block, double seconds) =>
        observer.Committed(TimeSpan.FromSeconds(seconds), node, block, _blocks.Committee, _blocks.NodeOf);
}
