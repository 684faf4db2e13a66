using HarmonySim.Protocol.Consensus.Mutants;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Simulation.Tests.Campaigns;

/// <summary>
/// Campaigns over many seeds (issue 13): the protocol as written survives Twins-style exploration on 4 and 100 nodes,
/// and the same campaign finds a planted bug and names a seed whose replay shows the same violation.
/// </summary>
[TestClass]
public sealed class CampaignTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_protocol_survives_1000_seeds_of_Twins_style_exploration_on_4_nodes()
    {
        var result = Campaign.Run(CampaignPlans.Shard(4), CampaignPlans.Seeds(1000));
        Assert.AreEqual(1000, result.Runs);
        Assert.IsNull(result.FirstViolation, result.FirstViolation?.Detail);
        Assert.IsTrue(result.Halts.Max > 0, "every run reports its longest halt");
    }

    [TestMethod]
    public void The_protocol_survives_200_seeds_of_exploration_on_100_nodes()
    {
        var result = Campaign.Run(CampaignPlans.Shard(100), CampaignPlans.Seeds(200));
        Assert.AreEqual(200, result.Runs);
        Assert.IsNull(result.FirstViolation, result.FirstViolation?.Detail);
    }

    [TestMethod]
    [DataRow(1, DisplayName = "quorum lowered to 1/2")]
    [DataRow(2, DisplayName = "view-change lock removed")]
    [DataRow(3, DisplayName = "M1 not required")]
    public void The_100_node_campaign_finds_a_planted_bug_and_its_seed_replays_it(int bugNumber)
    {
        var bug = (PlantedBug)bugNumber;
        var template = CampaignPlans.Shard(100);
        var result = Campaign.Run(template, CampaignPlans.Seeds(200), bug);
        var found = result.FirstViolation;
        Assert.IsNotNull(found, $"{bug}: {result.Runs} runs found nothing");
        Assert.AreEqual(ViolationKind.Safety, found.Violation);
        TestContext.WriteLine($"{bug}: seed {found.Seed} after {result.Runs} runs: {found.Detail}");
        Assert.AreEqual(found, CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, CampaignPlans.Exploration, bug), found.Seed, CampaignPlans.Exploration));
        Assert.IsFalse(CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, CampaignPlans.Exploration), found.Seed, CampaignPlans.Exploration).Violated,
            "the same schedule is safe without the planted bug");
    }

    [TestMethod]
    [DataRow(1, DisplayName = "quorum lowered to 1/2")]
    [DataRow(2, DisplayName = "view-change lock removed")]
    [DataRow(3, DisplayName = "M1 not required")]
    public void The_4_node_campaign_finds_a_planted_bug_and_its_seed_replays_it(int bugNumber)
    {
        var bug = (PlantedBug)bugNumber;
        var template = CampaignPlans.Shard(4);
        // 5,000 seeds at most; the campaign stops at the first violation (M1NotRequired shows about once in 20 runs,
        // NoViewChangeLock about once in 500: docs/DESIGN-NOTES.md, campaigns).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Campaign.Run(template, CampaignPlans.Seeds(5000), bug);
        var found = result.FirstViolation;
        Assert.IsNotNull(found, $"{bug}: {result.Runs} runs found nothing");
        Assert.AreEqual(ViolationKind.Safety, found.Violation);
        TestContext.WriteLine($"{bug}: seed {found.Seed} after {result.Runs} runs in {clock.Elapsed.TotalSeconds:0.0} s: {found.Detail}");

        var replay = CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, CampaignPlans.Exploration, bug), found.Seed, CampaignPlans.Exploration);
        Assert.AreEqual(found, replay, "the printed seed replays the same violation");
        var unmutated = CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, CampaignPlans.Exploration), found.Seed, CampaignPlans.Exploration);
        Assert.IsFalse(unmutated.Violated, "the same schedule is safe without the planted bug");
    }

    /// <summary>
    /// The lock only matters against a byzantine new leader carrying an older certificate, a schedule the mixed
    /// catalogue reaches about once in 500 seeds (docs/DESIGN-NOTES.md); a campaign whose byzantine node is always a
    /// stale-certificate leader finds the missing lock sooner.
    /// </summary>
    [TestMethod]
    public void A_campaign_of_stale_certificate_leaders_finds_the_missing_view_change_lock_and_its_seed_replays_it()
    {
        var template = CampaignPlans.Shard(4);
        var exploration = StaleLeaders;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Campaign.Run(template, new CampaignSettings(1, 10_000, 2, false, exploration), PlantedBug.NoViewChangeLock);
        var found = result.FirstViolation;
        Assert.IsNotNull(found, $"{result.Runs} runs found nothing");
        Assert.AreEqual(ViolationKind.Safety, found.Violation);
        TestContext.WriteLine($"NoViewChangeLock: seed {found.Seed} after {result.Runs} runs in {clock.Elapsed.TotalSeconds:0.0} s: {found.Detail}");
        Assert.AreEqual(found, CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, exploration, PlantedBug.NoViewChangeLock), found.Seed, exploration));
        Assert.IsFalse(CampaignJudge.Run(Campaign.PlanOf(template, found.Seed, exploration), found.Seed, exploration).Violated,
            "with the lock, honest nodes answer the stale certificate with Locked");
        var mutated = Campaign.PlanOf(template, found.Seed, exploration, PlantedBug.NoViewChangeLock);
        var idle = mutated with { Nodes = [.. mutated.Nodes.Select(n => n.Behaviour == NodeBehaviour.StaleCertificateLeader ? n with { BehaviourUntil = TimeSpan.Zero } : n)] };
        Assert.IsFalse(CampaignJudge.Run(idle, found.Seed, exploration).Violated,
            "outside its active window the stale-certificate leader sends what its honest node sends, and nothing forks");
    }

    /// <summary>
    /// The fork this exploration found (docs/DESIGN-NOTES.md, "A fork the lock did not stop"), now closed: seed 1321 of the
    /// stale-certificate campaign had a byzantine leader carry a view-8 block into view 11, where unlocked honest nodes
    /// committed it without preparing it again, so it kept ranking at view 8 and a view-10 certificate for another block
    /// outranked it at view 14. Prepared again in view 11, it ranks at 11. The same campaign over 5,000 seeds at 4 nodes
    /// and 300 at 100 nodes finds neither a fork nor a halt the view-change locks cause.
    /// </summary>
    [TestMethod]
    public void A_stale_certificate_leader_no_longer_forks_a_block_committed_in_a_later_view()
    {
        var template = CampaignPlans.Shard(4);
        var run = CampaignJudge.Run(Campaign.PlanOf(template, 1321, StaleLeaders), 1321, StaleLeaders);
        Assert.IsFalse(run.Violated, run.Detail);
        var campaign = Campaign.Run(template, new CampaignSettings(1, 5000, 2, false, StaleLeaders));
        Assert.AreEqual(5000, campaign.Runs);
        Assert.IsNull(campaign.FirstViolation, campaign.FirstViolation?.Detail);
        var large = Campaign.Run(CampaignPlans.Shard(100), new CampaignSettings(1, 300, 2, false, StaleLeaders));
        Assert.AreEqual(300, large.Runs);
        Assert.IsNull(large.FirstViolation, large.FirstViolation?.Detail);
    }

    private static ExplorationSettings StaleLeaders => CampaignPlans.Exploration with { Behaviours = [NodeBehaviour.StaleCertificateLeader] };

    [TestMethod]
    public void A_campaign_stops_at_its_first_violation_unless_told_to_go_on()
    {
        var template = CampaignPlans.Shard(4);
        var stopped = Campaign.Run(template, new CampaignSettings(1, 200, 1, false, CampaignPlans.Exploration), PlantedBug.HalfQuorum);
        var all = Campaign.Run(template, new CampaignSettings(1, 200, 1, true, CampaignPlans.Exploration), PlantedBug.HalfQuorum);
        Assert.AreEqual(1, stopped.Violations.Count);
        Assert.AreEqual((int)(stopped.FirstViolation!.Seed - 1 + 1), stopped.Runs, "one job runs the seeds in order and stops at the first violation");
        Assert.AreEqual(200, all.Runs);
        Assert.IsTrue(all.Violations.Count > 1);
        Assert.AreEqual(stopped.FirstViolation, all.FirstViolation);
        Assert.AreEqual(all.Violations.Count, all.ViolationsByKind.Values.Sum());
    }

    [TestMethod]
    public void A_seed_names_its_schedule()
    {
        var template = CampaignPlans.Shard(4);
        var a = Campaign.PlanOf(template, 42, CampaignPlans.Exploration);
        var b = Campaign.PlanOf(template, 42, CampaignPlans.Exploration);
        var c = Campaign.PlanOf(template, 43, CampaignPlans.Exploration);
        CollectionAssert.AreEqual(a.Nodes.ToList(), b.Nodes.ToList());
        Assert.AreEqual(Schedule(a), Schedule(b));
        Assert.AreNotEqual(Schedule(a), Schedule(c));
        Assert.AreEqual(1, a.Nodes.Count(n => n.Behaviour != NodeBehaviour.Honest), "f = 1 of 4 nodes is byzantine");
    }

    private static string Schedule(RunPlan plan) =>
        string.Join(";", plan.Faults.Select(f => $"{f.At} {f.Kind} {string.Join("|", f.Groups.Select(g => string.Join(",", g)))}"));
}
