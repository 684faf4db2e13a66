using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Adversaries;

/// <summary>
/// A denial of service on the next k leaders (issue 13): an adversary that knows the rotation cuts off each node as it
/// takes the lead. Seven single-key nodes, quorum 5: up to two cut off leave a quorum, so each costs one view change and
/// the third leader goes on; three leave four voters, so the shard halts until the attack ends.
/// </summary>
[TestClass]
public sealed class NextLeadersDosTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private static ShardRun Attack(int k) =>
        ShardRun.ToEnd(new PlanBuilder().WithNodes(7).WithDuration(TimeSpan.FromSeconds(120)).WithIsolateNextLeaders(20, k, Window).Build());

    /// <summary>The longest time without a commit from the attack's start.</summary>
    private static TimeSpan Halt(ShardRun run)
    {
        var start = TimeSpan.FromSeconds(20);
        var times = run.Commits.Select(c => c.CommittedAt).Where(t => t > start).Order().Prepend(start).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).Max();
    }

    private static IReadOnlyList<string> Targeted(ShardRun run) =>
        [.. run.Events.Where(e => e.Kind == "fault").Select(e => e.Fields.Single(f => f.Key == "nodes").Value)];

    [TestMethod]
    public void Each_targeted_leader_costs_a_view_change_and_the_halt_grows_with_k()
    {
        var halts = new List<TimeSpan>();
        for (var k = 1; k <= 2; k++)
        {
            var run = Attack(k);
            var targeted = Targeted(run);
            TestContext.WriteLine($"k={k}: cut off {string.Join(",", targeted)}, view changes started {run.Result.ViewChangesStarted}, completed {run.ViewChanges}, halt {Halt(run).TotalSeconds:0.###} s");
            Assert.HasCount(k, targeted, "the current leader, then each next one as it takes the lead");
            Assert.HasCount(k, targeted.Distinct());
            Assert.AreEqual(k, run.Result.ViewChangesStarted, "one view change per leader cut off");
            Assert.AreEqual(1, run.ViewChanges, "only the last completes: a targeted new leader's NEWVIEW never leaves");
            Assert.IsTrue(run.Commits.Where(c => c.CommittedAt > TimeSpan.FromSeconds(20)).All(c => !targeted.Contains(c.LeaderNode.ToString())),
                "no block led by a targeted node after the attack starts");
            Assert.IsNotEmpty(run.Commits.Where(c => c.CommittedAt > TimeSpan.FromSeconds(20) && c.CommittedAt < TimeSpan.FromSeconds(20) + Window),
                "liveness returns inside the window: the (k+1)-th leader has a quorum");
            Assert.IsEmpty(run.SafetyViolations);
            halts.Add(Halt(run));
        }
        Assert.IsGreaterThan(halts[0], halts[1], "two leaders cut off halt the shard longer than one");
    }

    [TestMethod]
    public void Cutting_off_more_than_a_third_halts_the_shard_until_the_attack_ends()
    {
        var run = Attack(3);
        var end = TimeSpan.FromSeconds(20) + Window;
        TestContext.WriteLine($"k=3: cut off {string.Join(",", Targeted(run))}, view changes started {run.Result.ViewChangesStarted}, halt {Halt(run).TotalSeconds:0.###} s");
        Assert.HasCount(3, Targeted(run));
        Assert.IsEmpty(run.Commits.Where(c => c.CommittedAt > TimeSpan.FromSeconds(21) && c.CommittedAt < end), "four voters are short of a quorum");
        Assert.IsNotEmpty(run.Commits.Where(c => c.CommittedAt > end), "liveness returns when the attack ends");
        Assert.IsEmpty(run.SafetyViolations);
    }

    [TestMethod]
    public void A_recurring_attack_strikes_k_new_leaders_each_time()
    {
        var plan = new PlanBuilder().WithNodes(7).WithDuration(TimeSpan.FromSeconds(120))
            .WithIsolateNextLeaders(20, 2, TimeSpan.FromSeconds(20)).WithIsolateNextLeaders(70, 2, TimeSpan.FromSeconds(20)).Build();
        var run = ShardRun.ToEnd(plan);
        Assert.HasCount(4, Targeted(run));
        Assert.AreEqual(4, run.Result.ViewChangesStarted);
        Assert.AreEqual(2, run.ViewChanges, "one completed view change per occurrence");
        Assert.IsEmpty(run.SafetyViolations);
    }
}
