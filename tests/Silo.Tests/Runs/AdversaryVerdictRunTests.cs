using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Adversaries;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Tests.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// The verdict per adversary (report.json <c>adversaries[]</c>, report.md "Adversaries") on the gos-* scenarios and on
/// stake-sized withholders: halts, captures, punishments, costs and the honest network's answer.
/// </summary>
[TestClass]
public sealed class AdversaryVerdictRunTests
{
    private static async Task<RunReport> Run(Scenario scenario)
    {
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"verdict-{Guid.NewGuid():N}"));
        StringAssert.Contains(RunFolder.Markdown(outcome.Report, []), "## Adversaries");
        return outcome.Report;
    }

    private static Scenario Load(string name) => ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");

    private static Scenario Parse(string text)
    {
        var result = ScenarioLoader.Parse(text, "verdict.yaml");
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    private static AimResult Aim(AdversaryVerdict v, string prefix) => v.Aims.Single(a => a.Aim.StartsWith(prefix, StringComparison.Ordinal));

    [TestMethod]
    public async Task A_double_signing_team_is_caught_slashed_banned_and_pays_for_it()
    {
        var cheaters = (await Run(Load("gos-slashed-team"))).Adversaries.Single();
        Assert.AreEqual(("cheaters", "cheaters", "double-sign-from", 25.0, (double?)null), (cheaters.Cohort, cheaters.Team, cheaters.Behaviour, cheaters.Window.FromS, cheaters.Window.UntilS));
        Assert.AreEqual(new VerdictPunishment(2, 30000m, 0, 2), cheaters.Punishment, "both caught, half of each 30,000 ONE self-stake, banned");
        Assert.AreEqual(30000m, cheaters.Cost.StakeLost);
        Assert.AreEqual(60000m, cheaters.Cost.Stake);
        Assert.IsGreaterThan(0m, cheaters.Cost.RewardsForgone, "banned validators stop earning: less than the same stake earned honestly");
        Assert.AreEqual(cheaters.Cost.HonestRewards - cheaters.Cost.Rewards, cheaters.Cost.RewardsForgone);
        Assert.IsEmpty(cheaters.Achieved, "two of seven validators: no halt, no capture, no fork");
        Assert.AreEqual((2, 2), (cheaters.Size.Nodes, cheaters.Size.Keys));
    }

    [TestMethod]
    public async Task A_team_that_goes_dark_is_jailed_and_the_shard_keeps_committing()
    {
        var sleepy = (await Run(Load("gos-dark-team"))).Adversaries.Single();
        Assert.AreEqual(("dark-from", 2, 0), (sleepy.Behaviour, sleepy.Punishment.Jailed, sleepy.Punishment.EvidenceIncluded));
        Assert.IsFalse(Aim(sleepy, "halt").Achieved);
        Assert.IsGreaterThan(0L, sleepy.Answer.CommitsInWindow);
    }

    [TestMethod]
    public async Task A_cartel_over_a_third_withholding_in_a_window_halts_its_shard_then_the_shard_recovers()
    {
        var cartel = (await Run(Load("gos-cartel-window"))).Adversaries.Single();
        Assert.AreEqual(("withhold-power", 20.0, (double?)40.0), (cartel.Behaviour, cartel.Window.FromS, cartel.Window.UntilS));
        CollectionAssert.AreEqual(new[] { "halt", "capture-1/3" }, cartel.Achieved.ToArray());
        Assert.IsGreaterThanOrEqualTo(15.0, Aim(cartel, "halt").Measure, "halted from ~22 s (the last commit plus the liveness bound) to 40 s");
        Assert.AreEqual(3 / 7.0, cartel.Size.ShardVotingPower[0], 1e-6);
        Assert.IsNotNull(cartel.Answer.RecoveryS);
        Assert.IsLessThan(30.0, cartel.Answer.RecoveryS!.Value, "the first commit after the window comes within a view change or two");
        Assert.IsGreaterThanOrEqualTo(18.0, cartel.Answer.LongestStallS);
    }

    [TestMethod]
    public async Task The_bundled_stake_sized_cartel_halts_its_shard_in_its_window_and_the_shard_recovers()
    {
        var report = await Run(Load("gos-stake-share"));
        Assert.IsTrue(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var cartel = report.Adversaries.Single();
        Assert.AreEqual(0.34, cartel.Size.ShardVotingPower[0], (double)StakeShareSizing.Tolerance);
        CollectionAssert.AreEqual(new[] { "halt", "capture-1/3" }, cartel.Achieved.ToArray());
        Assert.IsNotNull(cartel.Answer.RecoveryS);
        Assert.IsLessThanOrEqualTo(2L, cartel.Answer.CommitsInWindow, "at most the blocks under way when it began withholding");
    }

    [TestMethod]
    public async Task A_censor_achieves_its_aim_while_it_leads_and_the_rotation_lets_its_victims_in_later()
    {
        var report = await Run(Load("gos-censorship"));
        var censored = Aim(report.Adversaries.Single(), "censored");
        var shard = report.Shards.Single(s => s.Censorship is not null).Censorship!;
        Assert.IsTrue(censored.Achieved);
        Assert.AreEqual(shard.CensoredTransactions, censored.Measure);
        StringAssert.Contains(censored.Detail, $"{shard.IncludedLater} included later");
        Assert.IsNull(report.Adversaries.Single().Aims.FirstOrDefault(a => a.Aim == "forged-accepted"), "a censor has no forgery aim");
    }

    [TestMethod]
    public async Task Forgers_achieve_nothing_and_their_refused_forgeries_are_counted()
    {
        var forgers = (await Run(Load("gos-forgers"))).Adversaries.Single();
        var refused = Aim(forgers, "forged-accepted");
        Assert.IsFalse(refused.Achieved);
        Assert.IsGreaterThan(0.0, refused.Measure);
        StringAssert.Contains(refused.Detail, "bad_signature");
    }

    [TestMethod]
    public async Task A_silent_leader_is_replaced_by_view_changes_without_halting_the_shard()
    {
        var silent = (await Run(Parse("""
            name: silent
            description: one of four Harmony keys, the first leader, never proposes
            network:
              shards: 1
              slots_per_shard: 4
              harmony_slots_per_shard: 4
              quorum: count
              block_time: 2s
              timing:
                phase_timeout: 8s
                view_change_timeout: 8s
                view_change_slot: 15s
                bootstrap_timeout: 8s
            cohorts:
              - name: silent
                validators: 1
                harmony_operated: true
                behaviour: silent-leader
              - name: honest
                validators: 3
                harmony_operated: true
            duration:
              time: 90s
            checks:
              liveness_max_gap: 30s
            """))).Adversaries.Single();
        Assert.IsGreaterThan(0L, silent.Answer.ViewChanges, "its turns end in view changes");
        Assert.IsFalse(Aim(silent, "halt").Achieved);
        Assert.IsLessThanOrEqualTo(8.0 + 8.0 + 2.0, silent.Answer.LongestStallS, "replaced within the phase timeout plus the view-change timeout");
        Assert.IsNull(silent.Answer.RecoveryS, "never halted, and its window runs to the end");
        Assert.AreEqual(0.25, silent.Size.ShardVotingPower[0], 1e-6);
    }

    [TestMethod]
    [DataRow("34%", true), DataRow("32%", false)]
    public async Task Withholding_sized_by_stake_halts_a_shard_above_a_third_and_not_below(string share, bool halts)
    {
        var report = await Run(Parse(StakeShareScenarioTests.Scenario(share, behaviour: "withhold-power")));
        var withholders = report.Adversaries.Single();
        Assert.AreEqual(double.Parse(share[..^1], System.Globalization.CultureInfo.InvariantCulture) / 100, withholders.Size.ShardVotingPower[0], (double)StakeShareSizing.Tolerance);
        Assert.AreEqual(halts, Aim(withholders, "halt").Achieved, $"{share}: {Aim(withholders, "halt").Detail}");
        var blocks = report.Shards[0].Blocks;
        Assert.IsTrue(halts ? blocks == 0 : blocks >= 20, $"{share}: {blocks} blocks in 60 s");
    }
}
