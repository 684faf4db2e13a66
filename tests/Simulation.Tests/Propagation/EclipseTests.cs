using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>
/// An eclipse cuts its victim off only when the attackers hold the victim's whole peer table: with honest entries
/// left, the victim grafts to them and keeps receiving consensus messages (docs/DESIGN-NOTES.md, "Eclipse").
/// </summary>
[TestClass]
public sealed class EclipseTests
{
    private const int Victim = 3;
    private static readonly int[] Attackers = [20, 21, 22, 23, 24, 25, 26, 27];

    [TestMethod]
    [DataRow(1.0, true)]
    [DataRow(0.5, false)]
    public void The_victim_is_isolated_only_when_the_attackers_hold_its_whole_table(double share, bool isolated)
    {
        var plan = new PlanBuilder().WithNodes(40).WithDuration(40).Build() with
        {
            Propagation = new PropagationPlan(PropagationKind.Gossip)
            {
                Eclipses = [new EclipsePlan(TimeSpan.FromSeconds(10), [Victim], Attackers, share)],
            },
        };
        Assert.HasCount(1, plan.Propagation.Eclipses);
        var run = ShardRun.ToEnd(plan);
        Assert.AreEqual("gossip", run.Result.Propagation!.Model);
        Assert.HasCount(1, run.Result.Propagation.Eclipses, string.Join(" ", run.Events.Select(e => e.Kind).Distinct()));
        var eclipse = run.Result.Propagation.Eclipses.Single();
        Assert.AreEqual(Victim, eclipse.Victim);
        Assert.AreEqual(isolated, eclipse.Isolated, $"{eclipse}");
        if (isolated) Assert.AreEqual(0, eclipse.HonestInTable + eclipse.HonestMeshPeers);
        else Assert.IsTrue(eclipse.HonestMeshPeers > 0, $"{eclipse}");
        Assert.IsTrue(run.Events.Any(e => e.Kind == "eclipse"), "the eclipse is in the event log");
        Assert.IsEmpty(run.SafetyViolations);
        // The shard goes on committing either way: one victim is far from a third of the votes.
        Assert.IsTrue(run.Commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void An_eclipse_keeps_routes_cached_with_the_attackers_refusals_in_them()
    {
        var plan = new PlanBuilder().WithNodes(40).Build() with { Propagation = new PropagationPlan(PropagationKind.Gossip) };
        var members = Enumerable.Range(0, 40).ToList();
        var gossip = new HarmonySim.Simulation.Propagation.GossipPropagation(plan, 0, members, new HarmonySim.Simulation.Propagation.PropagationStats("gossip", 40));
        gossip.Eclipse(Victim, Attackers, 1.0, TimeSpan.FromSeconds(10));
        var links = MeshFixture.Links(40, 7);
        var first = gossip.Route(0, 400, links, 0, null);
        Assert.AreSame(first, gossip.Route(0, 400, links, 0, null), "the second message of the shape reuses the route");
        Assert.IsFalse(double.IsFinite(first.ArrivalMs[Victim]), "the victim gets nothing: its attackers relay nothing to it");
        Assert.AreEqual(39, first.Reached, "everyone else is reached: " + string.Join(",", members.Where(m => !double.IsFinite(first.ArrivalMs[m]))));
    }
}
