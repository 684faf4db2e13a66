using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Epochs in a run: elections every epoch, a dark cohort made Inactive, double signers slashed, rewards and accounting.</summary>
[TestClass]
public sealed class StakingRunTests
{
    private const string Yaml = """
        name: staking-small
        description: epochs with a dark cohort and double signers
        seed: 5
        network:
          shards: 2
          slots_per_shard: 8
          harmony_slots_per_shard: 2
          harmony_vote_share: 0.3
          quorum: stake
          blocks_per_epoch: 10
          block_time: 2s
        cohorts:
          - name: harmony
            validators: 4
            harmony_operated: true
          - name: honest
            validators: 8
            stake: 20000
          - name: dark
            validators: 2
            stake: 20000
            behaviour: dark-from
            dark_from: 45s
          - name: cheaters
            validators: 2
            stake: 20000
            behaviour: double-sign-from
            double_sign_from: 65s
        staking:
          block_reward: 7
          delegators:
            - name: poor
              balance: 1500
          transactions:
            - at: 10s
              kind: delegate
              from: poor
              to: honest
              amount: 1000
        latency:
          regions: [us-east]
          jitter: 2ms
        duration:
          epochs: 5
        checks:
          liveness_max_gap: 30s
        """;

    private static RunOutcome? _outcome;

    private static async Task<RunOutcome> Outcome()
    {
        if (_outcome is not null) return _outcome;
        var loaded = ScenarioLoader.Parse(Yaml, "staking-small.yaml");
        var scenario = loaded.Scenario ?? throw new AssertFailedException(string.Join("; ", loaded.Errors));
        var plan = RunPlanBuilder.Build(scenario, "staking-" + Guid.NewGuid().ToString("N"));
        return _outcome = await new Runner().RunAsync(plan);
    }

    [TestMethod]
    public async Task Committees_are_elected_every_epoch()
    {
        var o = await Outcome();
        var staking = o.Result.Shards[0].Staking!;
        Assert.IsGreaterThanOrEqualTo(5, staking.EpochsCompleted, string.Join("\n", o.Events.TakeLast(20)));
        CollectionAssert.AreEqual(Enumerable.Range(0, staking.Elections.Count).Select(e => (ulong)e).ToList(), staking.Elections.Select(e => e.Epoch).ToList());
    }

    private static IEnumerable<int> NodesOf(RunOutcome o, string cohort) => o.Result.Plan.Nodes.Where(n => n.Cohort == cohort).Select(n => n.Id);

    [TestMethod]
    public async Task The_dark_cohort_is_made_inactive_at_the_end_of_epoch_2_and_not_elected_for_epoch_3()
    {
        var o = await Outcome();
        var staking = o.Result.Shards[0].Staking!;
        var dark = NodesOf(o, "dark").ToList();
        foreach (var node in dark)
        {
            Assert.IsTrue(staking.Jailed.Any(j => j.Node == node && j.Epoch == 2), $"node {node} jailed: {string.Join(", ", staking.Jailed)}");
            Assert.IsTrue(staking.Elections.Single(e => e.Epoch == 2).ElectedNodes.Contains(node));
            Assert.IsFalse(staking.Elections.Single(e => e.Epoch == 3).ElectedNodes.Contains(node));
        }
    }

    [TestMethod]
    public async Task Double_signers_are_slashed_and_banned()
    {
        var o = await Outcome();
        var staking = o.Result.Shards[0].Staking!;
        foreach (var node in NodesOf(o, "cheaters"))
        {
            var slash = staking.Slashed.SingleOrDefault(s => s.Node == node);
            Assert.IsNotNull(slash, $"node {node} not slashed: {string.Join(", ", staking.Slashed)}");
            Assert.AreEqual(10_000m, slash.Amount, "half of the 20,000 ONE self-stake; it has no delegators");
            Assert.AreEqual(5_000m, slash.Burned);
            CollectionAssert.Contains(staking.Banned.ToList(), node);
            Assert.IsFalse(staking.Elections[^1].ElectedNodes.Contains(node));
        }
    }

    [TestMethod]
    public async Task Accounting_holds_at_every_epoch()
    {
        var staking = (await Outcome()).Result.Shards[0].Staking!;
        Assert.IsNotEmpty(staking.Accounting);
        foreach (var a in staking.Accounting) Assert.IsTrue(a.Passed, $"epoch {a.Epoch}: expected {a.Expected}, found {a.Actual}");
    }

    [TestMethod]
    public async Task Rewards_go_to_signing_staked_validators_only()
    {
        var o = await Outcome();
        var staking = o.Result.Shards[0].Staking!;
        foreach (var node in NodesOf(o, "harmony")) Assert.IsFalse(staking.RewardsByNode.ContainsKey(node), "Harmony-operated slots are not paid");
        foreach (var node in NodesOf(o, "honest")) Assert.IsGreaterThan(0m, staking.RewardsByNode.GetValueOrDefault(node));
        var honest = NodesOf(o, "honest").Min(n => staking.RewardsByNode[n]);
        foreach (var node in NodesOf(o, "dark")) Assert.IsLessThan(honest, staking.RewardsByNode.GetValueOrDefault(node), "a dark node stops earning");
    }

    [TestMethod]
    public async Task A_scripted_transaction_that_never_applies_is_reported_with_its_reason()
    {
        var o = await Outcome();
        var rejected = o.Result.Shards[0].Staking!.Rejected!;
        // 1,500 ONE pays for one of the 8 honest validators' 1,000 ONE delegations; the second fails, the rest wait behind it.
        Assert.HasCount(7, rejected);
        StringAssert.Contains(rejected[0].Reason, "exceeds the balance");
        Assert.IsTrue(rejected.Skip(1).All(r => r.Reason.StartsWith("held back", StringComparison.Ordinal)));
        Assert.HasCount(7, o.Report.Staking.Rejected!);
    }
}
