using HarmonySim.Simulation.Propagation;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// An overlay partition (peers drop routing-table entries and mesh links across a cut, links still work) splits
/// propagation into the groups; healing it gives the tables back and messages cross again by lazy gossip, later than
/// along the mesh; and in a whole run a split without a quorum on either side stops commits until it heals.
/// </summary>
[TestClass]
public sealed class OverlayPartitionTests
{
    private const int Nodes = 40;

    private static int GroupOf(int member) => member < Nodes / 2 ? 0 : 1;

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void A_partition_of_the_overlay_splits_propagation_and_healing_restores_it(int seed)
    {
        var plan = new PlanBuilder().WithNodes(Nodes).WithSeed((ulong)seed).Build() with { Propagation = new PropagationPlan(PropagationKind.Gossip) };
        var members = Enumerable.Range(0, Nodes).ToList();
        var gossip = new GossipPropagation(plan, 0, members, new PropagationStats("gossip", Nodes));
        var links = MeshFixture.Links(Nodes, seed);
        var before = gossip.Route(0, 400, links, 0, null);
        Assert.AreEqual(Nodes, before.Reached, "a settled mesh reaches everyone");

        gossip.PartitionOverlay(GroupOf);
        foreach (var member in members)
        {
            Assert.IsTrue(gossip.Overlay.Peers(member).All(p => GroupOf(p) == GroupOf(member)), $"member {member} knows no one across the cut");
            Assert.IsTrue(gossip.Mesh.MeshOf(member).All(p => GroupOf(p) == GroupOf(member)));
            Assert.IsGreaterThanOrEqualTo(new GossipPlan().DLo, gossip.Mesh.Degree(member), $"member {member} grafted within its side");
        }
        foreach (var source in new[] { 0, 25 })
        {
            var split = gossip.Route(source, 400, links, 0, null);
            var reached = members.Where(m => double.IsFinite(split.ArrivalMs[m])).ToList();
            CollectionAssert.AreEqual(members.Where(m => GroupOf(m) == GroupOf(source)).ToList(), reached, $"from {source}: its side exactly");
        }

        gossip.HealOverlay();
        var healed = gossip.Route(0, 400, links, 0, null);
        Assert.AreEqual(Nodes, healed.Reached, "after the heal every member is reached again");
        var heartbeatMs = new GossipPlan().Heartbeat.TotalMilliseconds;
        foreach (var member in members.Where(m => GroupOf(m) == 1))
        {
            Assert.IsGreaterThanOrEqualTo(heartbeatMs / 2, healed.ArrivalMs[member],
                $"member {member} on the other side waits for an IHAVE (at least half a heartbeat), not a mesh hop");
        }
        Assert.IsTrue(members.Any(m => GroupOf(m) == 1 && GroupOf(healed.Parent[m]) == 0), "some member crossed the cut by lazy gossip");
    }

    [TestMethod]
    public void A_split_overlay_without_a_quorum_on_either_side_stops_commits_until_it_heals()
    {
        var halves = new[] { Enumerable.Range(0, Nodes / 2).ToArray(), Enumerable.Range(Nodes / 2, Nodes / 2).ToArray() };
        var plan = new PlanBuilder().WithNodes(Nodes).WithDuration(90).Build() with
        {
            Propagation = new PropagationPlan(PropagationKind.Gossip),
            Faults =
            [
                new FaultPlan(TimeSpan.FromSeconds(10), FaultKind.OverlayPartition, [], null, null, [halves[0], halves[1]]),
                new FaultPlan(TimeSpan.FromSeconds(40), FaultKind.EndOverlayPartition, [], null, null, []),
            ],
        };
        var run = ShardRun.ToEnd(plan);
        Assert.IsFalse(run.Commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(15) && c.CommittedAt < TimeSpan.FromSeconds(40)), "no side has 27 of 40 votes");
        Assert.IsTrue(run.Commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(45)), "commits resume after the heal");
        Assert.IsEmpty(run.SafetyViolations);
        CollectionAssert.AreEqual(new[] { "overlay-partition", "end-overlay-partition" }, run.LoggedFaults().ToArray());

        // The same cut of links under direct propagation has no overlay to split: commits go on.
        var direct = ShardRun.ToEnd(plan with { Propagation = PropagationPlan.Direct });
        Assert.IsTrue(direct.Commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(15) && c.CommittedAt < TimeSpan.FromSeconds(40)));
    }
}
