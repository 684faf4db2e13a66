using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>The bundled scenarios run end to end and show what their comments say they show.</summary>
[TestClass]
public sealed class BundledScenarioRunTests
{
    private static async Task<RunOutcome> Run(string name, ulong? seed = null, int silos = 1, Func<Silo.Scenarios.Model.Scenario, Silo.Scenarios.Model.Scenario>? change = null)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");
        if (change is not null) scenario = change(scenario);
        var plan = RunPlanBuilder.Build(scenario, $"{name}-{seed}-{silos}-{Guid.NewGuid():N}", seed);
        return await new Runner(silos) { Step = TimeSpan.FromSeconds(60) }.RunAsync(plan);
    }

    private static string Failures(RunOutcome o) => string.Join("; ", o.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));

    [TestMethod]
    public async Task Mainnet_2020_commits_a_hundred_blocks_per_shard_with_every_check_passing()
    {
        var outcome = await Run("mainnet-2020");
        Assert.IsTrue(outcome.Report.Passed, Failures(outcome));
        Assert.HasCount(4, outcome.Report.Shards);
        foreach (var shard in outcome.Report.Shards) Assert.IsGreaterThanOrEqualTo(100UL, shard.Height, $"shard {shard.Id}");
        Assert.AreEqual(1000, outcome.Report.Keys);
    }

    [TestMethod]
    public async Task Leader_isolation_shows_view_changes_and_recovery()
    {
        var outcome = await Run("leader-isolation");
        Assert.IsTrue(outcome.Report.Passed, Failures(outcome));
        var isolated = outcome.Result.Shards.Where(s => s.ViewChanges > 0).ToList();
        Assert.IsNotEmpty(isolated, "the isolated leader's shard changed view");
        var newViews = outcome.Events.Where(e => e.Contains("\"kind\":\"new_view\"", StringComparison.Ordinal)).ToList();
        foreach (var shard in isolated)
        {
            var first = newViews.First(e => e.Contains($"\"shard\":{shard.Shard},", StringComparison.Ordinal));
            var viewChangeAt = TimeSpan.FromSeconds(double.Parse(System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("t").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.IsTrue(outcome.Commits(shard.Shard).Any(c => c.CommittedAt > viewChangeAt), "commits resumed after the view change");
        }
        Assert.IsTrue(outcome.Events.Any(e => e.Contains("\"fault\":\"isolate-leader\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Partition_without_quorum_halts_commits_then_resumes_after_the_heal_with_safety_intact()
    {
        var outcome = await Run("partition-no-quorum");
        Assert.IsTrue(outcome.Report.Passed, Failures(outcome));
        var commits = outcome.Commits(0);
        Assert.IsFalse(commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(65) && c.CommittedAt < TimeSpan.FromSeconds(180)), "no commits during the partition");
        Assert.IsTrue(commits.Any(c => c.CommittedAt > TimeSpan.FromSeconds(180)), "commits after the heal");
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "safety").Passed);
        Assert.IsTrue(outcome.Checks.Any(c => c.Name.StartsWith("expected_outage", StringComparison.Ordinal) && c.Passed));
    }

    [TestMethod]
    public async Task Cross_shard_transfers_credit_every_receipt_once_and_conserve_balances()
    {
        var outcome = await Run("cross-shard-transfers");
        Assert.IsTrue(outcome.Report.Passed, Failures(outcome));
        var t = outcome.Report.Transactions;
        Assert.AreEqual(13, t.Submitted);
        Assert.AreEqual(3, t.Rejected, "dave's 10,000 ONE and the two transfers it holds back");
        Assert.AreEqual(10, t.Committed);
        Assert.AreEqual(8, t.CrossShardCommitted, "every cross-shard transfer that committed is credited");
        StringAssert.Contains(outcome.Checks.Single(c => c.Name == "balances").Detail, "in flight 0 + fees burned 0 = genesis 1001750 ONE");
        var credited = outcome.Result.Shards.SelectMany(s => s.Transfers!.Credited.Select(c => (s.Shard, c.SourceShard, c.BlockHash))).ToList();
        Assert.AreEqual(credited.Count, credited.Distinct().Count());
        Assert.IsTrue(outcome.Result.Shards.SelectMany(s => s.Transfers!.Credited).Any(c => c.CreditedAtHeight >= 16), "proofs are credited after the first epoch too");
        var two = await Run("cross-shard-transfers", silos: 2);
        Assert.AreEqual(outcome.Digest, two.Digest, "receipt proofs and beacon bodies cross silos");
    }

    [TestMethod]
    public async Task Quickstart_has_one_digest_on_one_silo_twice_and_on_two_silos_and_another_for_another_seed()
    {
        var a = await Run("quickstart");
        var b = await Run("quickstart");
        var two = await Run("quickstart", silos: 2);
        var other = await Run("quickstart", seed: 2);
        Assert.AreEqual(a.Digest, b.Digest);
        var diff = a.Events.Zip(two.Events).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.AreEqual(a.Digest, two.Digest, $"first difference at event {diff.i}: {diff.p.First} vs {diff.p.Second}");
        Assert.AreNotEqual(a.Digest, other.Digest);
    }

    [TestMethod]
    public async Task Staking_epochs_elects_every_epoch_jails_the_dark_cohort_slashes_the_double_signers_and_is_deterministic()
    {
        var a = await Run("staking-epochs");
        Assert.IsTrue(a.Report.Passed, Failures(a));
        Assert.IsGreaterThanOrEqualTo(10, a.Report.Epochs.Completed);
        Assert.HasCount(a.Report.Epochs.Completed + 1, a.Report.Epochs.Elections);
        var names = a.Report.Checks.Select(c => c.Name).ToList();
        CollectionAssert.IsSubsetOf(new[] { "accounting", "expected_slashes", "expected_jails" }, names);
        var staking = a.Result.Shards[0].Staking!;
        var reserve = a.Result.Plan.Nodes.Where(n => n.Cohort == "reserve").Select(n => n.Id).ToList();
        foreach (var election in staking.Elections.Where(e => e.Epoch != 3))
            Assert.AreEqual(election.Epoch >= 4, reserve.All(election.ElectedNodes.Contains), $"reserve elected for epoch {election.Epoch}");
        var flaky = a.Result.Plan.Nodes.Where(n => n.Cohort == "flaky").Select(n => n.Id).ToList();
        foreach (var node in flaky)
        {
            Assert.IsTrue(staking.Jailed.Any(j => j.Node == node && j.Epoch == 4), $"flaky node {node} made Inactive at the end of epoch 4");
            foreach (var election in staking.Elections)
                Assert.AreEqual(election.Epoch != 5, election.ElectedNodes.Contains(node), $"flaky node {node} sits out epoch 5 only (epoch {election.Epoch})");
        }
        var dark = a.Result.Plan.Nodes.Where(n => n.Cohort == "dark").Select(n => n.Id).ToList();
        foreach (var node in dark)
        {
            Assert.IsTrue(staking.Jailed.Any(j => j.Node == node && j.Epoch == 2), $"dark node {node} made Inactive at the end of epoch 2");
            Assert.IsFalse(staking.Elections.Single(e => e.Epoch == 3).ElectedNodes.Contains(node), $"dark node {node} not in epoch 3's committee");
        }
        var harmonyNodes = a.Result.Plan.Nodes.Where(n => n.Cohort == "harmony").Select(n => n.Id);
        Assert.IsFalse(harmonyNodes.Any(staking.RewardsByNode.ContainsKey), "Harmony-operated slots earn nothing");
        var latecomer = a.Result.Plan.Nodes.Single(n => n.Cohort == "latecomer").Id;
        foreach (var election in staking.Elections)
            Assert.AreEqual(election.Epoch >= 7, election.ElectedNodes.Contains(latecomer), $"the latecomer (CreateValidator at 125 s) elected for epoch {election.Epoch}");
        var markdown = HarmonySim.Silo.Reports.RunFolder.Markdown(a.Report, []);
        StringAssert.Contains(markdown, $"## Epochs: {a.Report.Epochs.Completed} completed");
        StringAssert.Contains(markdown, "slashed and banned");
        var cheaters = a.Report.Cohorts.Single(c => c.Name == "cheaters");
        Assert.AreEqual("30000", cheaters.SlashedAmount, "half of each cheater's 30,000 ONE self-stake");
        var b = await Run("staking-epochs");
        var two = await Run("staking-epochs", silos: 2);
        var firstDiff = a.Events.Zip(b.Events).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.AreEqual(a.Digest, b.Digest, $"first difference at event {firstDiff.i}: {firstDiff.p.First} vs {firstDiff.p.Second}; counts {a.Events.Count} {b.Events.Count}");
        Assert.AreEqual(a.Digest, two.Digest, "the same digest on two silos (beacon bodies cross silos)");
    }

    [TestMethod]
    public async Task Key_grinding_captures_over_a_third_of_shard_1_under_key_mod_resharding_but_not_under_randomness()
    {
        var harmony = await Run("key-grinding-harmony");
        var randomness = await Run("key-grinding-randomness");
        Assert.IsTrue(harmony.Report.Passed, Failures(harmony));
        Assert.IsTrue(randomness.Report.Passed, Failures(randomness));
        Assert.IsGreaterThan(1 / 3.0, harmony.Report.Cohorts.Single(c => c.Name == "grinders").MaxShardVotingPower);
        Assert.IsLessThan(1 / 3.0, randomness.Report.Cohorts.Single(c => c.Name == "grinders").MaxShardVotingPower);
        Assert.IsGreaterThanOrEqualTo(5, randomness.Report.Epochs.Completed);
        var elections = randomness.Events.Where(e => e.Contains("\"kind\":\"election\"")).ToList();
        Assert.IsNotEmpty(elections);
        foreach (var e in elections) StringAssert.Contains(e, "\"resharding\":\"randomness\"", "every epoch's Rnd came from a quorum of VRF contributions");

        // The bounded cuckoo rule: with the same winners every epoch nobody is new, so nobody moves after genesis.
        var cuckoo = await Run("key-grinding-randomness", change: s => s with { Staking = s.Staking! with { CuckooEvictions = 2 } });
        Assert.IsTrue(cuckoo.Report.Passed, Failures(cuckoo));
        var shares = cuckoo.Result.Shards[0].Staking!.Elections.Select(e => e.CohortMaxShardPower["grinders"]).Distinct().ToList();
        Assert.HasCount(1, shares, "the same placement every epoch");
        Assert.AreNotEqual(randomness.Digest, cuckoo.Digest);
    }
}
