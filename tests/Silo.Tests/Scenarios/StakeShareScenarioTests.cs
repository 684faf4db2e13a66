using System.Globalization;
using CsCheck;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// <c>cohorts[].stake_share</c>: the loader sizes a cohort's stake so that the first election gives it the share asked
/// for (checked against the genesis committee the kernel builds), and refuses, naming file, line and field, what it
/// cannot size.
/// </summary>
[TestClass]
public sealed class StakeShareScenarioTests
{
    private const string File = "share.yaml";

    /// <summary>One shard: 2 Harmony keys holding 30 % of the power, five honest validators at 30,000 ONE and a sized cohort of five.</summary>
    public static string Scenario(string share, string behaviour = "honest", string extra = "", string staking = "staking: {}", string shardLine = "shard: 0") => $"""
        name: share
        description: a cohort sized by stake share
        network:
          shards: 1
          slots_per_shard: 12
          harmony_slots_per_shard: 2
          harmony_vote_share: 0.3
          blocks_per_epoch: 30
          block_time: 2s
        cohorts:
          - name: harmony
            validators: 2
            harmony_operated: true
          - name: honest
            validators: 5
            stake: 30000
          - name: sized
            validators: 5
            {shardLine}
            stake_share: {share}
            behaviour: {behaviour}
        {extra}
        {staking}
        duration:
          time: 60s
        checks:
          liveness_max_gap: 20s
        """;

    /// <summary>The sized cohort's share of shard 0's voting power in the genesis committee the kernel elects.</summary>
    private static decimal GenesisShare(string text, string cohort = "sized")
    {
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        var plan = RunPlanBuilder.Build(result.Scenario!, "share");
        var context = new RunContext(plan);
        if (context.Staking is null)
        {
            var power = RunContext.VotingPowerByNode(plan, 0);
            return (decimal)plan.Nodes.Where(n => n.Cohort == cohort).Sum(n => power.GetValueOrDefault(n.Id)) / VotingPower.One;
        }
        var committee = context.Staking.Cache.Get(context.Staking.GenesisCommittees, 0);
        var sum = 0L;
        for (var i = 0; i < committee.Count; i++)
            if (plan.Nodes[context.NodeOfOwner[committee.Slots[i].Owner]].Cohort == cohort) sum += committee.PowerOf(i);
        return (decimal)sum / VotingPower.One;
    }

    [TestMethod]
    [DataRow("25%"), DataRow("32%"), DataRow("34%"), DataRow("0.4"), DataRow("47%")]
    public void The_first_election_gives_the_cohort_its_share_of_the_shard(string share)
    {
        var wanted = share.EndsWith('%') ? decimal.Parse(share[..^1], CultureInfo.InvariantCulture) / 100 : decimal.Parse(share, CultureInfo.InvariantCulture);
        Assert.AreEqual((double)wanted, (double)GenesisShare(Scenario(share)), (double)StakeShareSizing.Tolerance);
    }

    [TestMethod]
    public void Any_reachable_share_is_met_in_the_genesis_committee_with_or_without_elections() =>
        Gen.Int[230, 470].Select(Gen.Bool).Sample((permille, electing) =>
        {
            var share = permille / 1000m;
            var text = Scenario(share.ToString(CultureInfo.InvariantCulture), staking: electing ? "staking: {}" : "");
            Assert.AreEqual((double)share, (double)GenesisShare(text), (double)StakeShareSizing.Tolerance, $"{share} electing={electing}");
        }, iter: 25);

    [TestMethod]
    public void The_stake_is_the_smallest_whole_ONE_that_reaches_the_share()
    {
        var scenario = ScenarioLoader.Parse(Scenario("34%"), File).Scenario!;
        var stake = scenario.FindCohort("sized")!.StakePerKey!;
        Assert.IsTrue(stake.IsFixed);
        Assert.AreEqual(decimal.Truncate(stake.Min), stake.Min);
        Assert.AreEqual(0.34m, scenario.FindCohort("sized")!.StakeShare);
    }

    [TestMethod]
    public void A_share_of_the_networks_effective_stake_without_a_shard()
    {
        // Five of ten external validators, half the effective stake: the same stake as the others, 30,000 ONE.
        var scenario = ScenarioLoader.Parse(Scenario("50%", shardLine: ""), File);
        Assert.IsTrue(scenario.IsValid, string.Join("\n", scenario.Errors));
        Assert.AreEqual(30000m, scenario.Scenario!.FindCohort("sized")!.StakePerKey!.Min);
    }

    [TestMethod]
    [DataRow("60%", "cannot reach 60%: the most the cohort can hold is 47.25", DisplayName = "the clamp caps the cohort at 1.35 × median")]
    [DataRow("10%", "cannot be as small as 10%: even the smallest stake per key (10000 ONE) gives 22.75", DisplayName = "the minimum self-delegation")]
    public void Unreachable_shares_are_refused_with_the_reachable_end_named(string share, string message)
    {
        var result = ScenarioLoader.Parse(Scenario(share), File);
        var error = result.Errors.Single();
        Assert.AreEqual(("cohorts[2].stake_share", 20), (error.Field, error.Line));
        StringAssert.Contains(error.Message, message);
    }

    [TestMethod]
    [DataRow("stake: 20000", "give one of stake and stake_share", "cohorts[2].stake")]
    [DataRow("joins_at: 10s", "a cohort that joins later", "cohorts[2].stake_share")]
    public void A_sized_cohort_refuses_what_conflicts_with_sizing(string line, string message, string field)
    {
        var text = Scenario("34%").Replace("    stake_share: 34%", $"    stake_share: 34%\n    {line}", StringComparison.Ordinal);
        var error = ScenarioLoader.Parse(text, File).Errors.Single();
        Assert.AreEqual(field, error.Field);
        StringAssert.Contains(error.Message, message);
    }

    [TestMethod]
    public void Sizing_needs_quorum_by_stake_and_fixed_stakes_around_it()
    {
        var count = Scenario("34%", staking: "").Replace("  block_time: 2s", "  block_time: 2s\n  quorum: count", StringComparison.Ordinal)
            .Replace("  harmony_vote_share: 0.3\n", "", StringComparison.Ordinal);
        var errors = ScenarioLoader.Parse(count, File).Errors;
        var error = errors.SingleOrDefault(e => e.Field == "cohorts[2].stake_share");
        Assert.IsNotNull(error, string.Join("\n", errors));
        StringAssert.Contains(error.Message, "quorum: stake");
        var ranged = Scenario("34%").Replace("stake: 30000", "stake: { min: 20000, max: 40000 }", StringComparison.Ordinal);
        StringAssert.Contains(ScenarioLoader.Parse(ranged, File).Errors.Single().Message, "draws its stake from a range");
    }

    private static string TwoSized(string first, string second) =>
        Scenario(first).Replace("slots_per_shard: 12", "slots_per_shard: 16", StringComparison.Ordinal).Replace("    behaviour: honest\n", $"    behaviour: honest\n  - name: second\n    validators: 4\n    shard: 0\n    stake_share: {second}\n", StringComparison.Ordinal);

    [TestMethod]
    [DataRow("26%", "19%"), DataRow("22%", "22%"), DataRow("29%", "17%")]
    public void Several_cohorts_sized_together_each_get_their_share(string first, string second)
    {
        var text = TwoSized(first, second);
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        Assert.IsNotNull(result.Scenario!.FindCohort("second"));
        foreach (var (cohort, share) in new[] { ("sized", first), ("second", second) })
            Assert.AreEqual(double.Parse(share[..^1], CultureInfo.InvariantCulture) / 100, (double)GenesisShare(text, cohort), (double)StakeShareSizing.Tolerance, cohort);
    }

    [TestMethod]
    public void Shares_no_stakes_can_give_together_are_refused_naming_the_other_cohort()
    {
        var error = ScenarioLoader.Parse(TwoSized("50%", "40%"), File).Errors.Single();
        StringAssert.Contains(error.Message, "sized together with 'second'");
    }
}
