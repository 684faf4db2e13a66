using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>
/// Routing around split-brain nodes. Six nodes, 4 and 5 equivocating. With seed 1 the honest nodes' sides are
/// 0 → 0 and 1, 2, 3 → 1; with seed 3 node 0 is on side 1.
/// </summary>
[TestClass]
public sealed class SplitBrainRoutingTests
{
    [TestMethod]
    public void The_sides_the_tables_assume_are_the_seeds_sides()
    {
        CollectionAssert.AreEqual(new[] { 0, 1, 1, 1 }, Enumerable.Range(0, 4).Select(n => RunSeeds.Side(1, n)).ToArray());
        Assert.AreEqual(1, RunSeeds.Side(3, 0));
    }

    [TestMethod]
    [DataRow(1UL, 0, 0, 1, true, 0, DisplayName = "honest to honest: replica 0")]
    [DataRow(1UL, 1, 0, 0, true, 0, DisplayName = "honest to honest across sides: replica 0")]
    [DataRow(1UL, 0, 0, 4, true, 0, DisplayName = "honest on side 0 to a split node: its replica 0")]
    [DataRow(1UL, 1, 0, 4, true, 1, DisplayName = "honest on side 1 to a split node: its replica 1")]
    [DataRow(1UL, 2, 0, 5, true, 1, DisplayName = "another side-1 node to the other split node: replica 1")]
    [DataRow(3UL, 0, 0, 4, true, 1, DisplayName = "with another seed node 0 is on side 1")]
    [DataRow(1UL, 4, 0, 0, true, 0, DisplayName = "split replica 0 to an honest side-0 node: delivered")]
    [DataRow(1UL, 4, 0, 1, false, 0, DisplayName = "split replica 0 to an honest side-1 node: cut")]
    [DataRow(1UL, 4, 1, 1, true, 0, DisplayName = "split replica 1 to an honest side-1 node: delivered")]
    [DataRow(1UL, 4, 1, 0, false, 0, DisplayName = "split replica 1 to an honest side-0 node: cut")]
    [DataRow(1UL, 5, 1, 3, true, 0, DisplayName = "other split node's replica 1 to side 1: delivered")]
    [DataRow(1UL, 4, 0, 5, true, 0, DisplayName = "split to split: replica 0 reaches replica 0")]
    [DataRow(1UL, 4, 1, 5, true, 1, DisplayName = "split to split: replica 1 reaches replica 1")]
    [DataRow(1UL, 5, 0, 4, true, 0, DisplayName = "split to split the other way: replica 0")]
    public void A_message_reaches_only_the_replica_on_its_senders_side(ulong seed, int from, int fromReplica, int to, bool delivered, int toReplica)
    {
        var plan = new PlanBuilder().WithSeed(seed).WithNodes(6)
            .WithBehaviour(4, NodeBehaviour.Equivocate).WithBehaviour(5, NodeBehaviour.Equivocate).Build();
        var routing = new SplitBrainRouting(plan);
        Assert.AreEqual(delivered, routing.Route(from, fromReplica, to, out var replica));
        if (delivered) Assert.AreEqual(toReplica, replica);
    }

    [TestMethod]
    public void Without_split_brain_nodes_every_message_reaches_replica_0_even_behind_other_misbehaviour()
    {
        var plan = new PlanBuilder().WithNodes(6).WithBehaviour(4, NodeBehaviour.SilentLeader).WithBehaviour(5, NodeBehaviour.DoubleSign).Build();
        var routing = new SplitBrainRouting(plan);
        for (var from = 0; from < 6; from++)
            for (var to = 0; to < 6; to++)
            {
                Assert.IsTrue(routing.Route(from, 0, to, out var replica), $"{from} → {to}");
                Assert.AreEqual(0, replica, $"{from} → {to}");
            }
    }
}
