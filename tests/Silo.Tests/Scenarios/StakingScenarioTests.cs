using System.Text.Json;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>The <c>staking</c> section and the <c>double-sign-from</c> behaviour (docs/SCENARIOS.md).</summary>
[TestClass]
public sealed class StakingScenarioTests
{
    private const string File = "scenarios/x.yaml";

    /// <summary>A valid scenario giving every staking field; each row below breaks one line of it.</summary>
    private static readonly string Valid = string.Join('\n',
        "description: test",                 // 1
        "network:",                          // 2
        "  shards: 2",                       // 3
        "  slots_per_shard: 4",              // 4
        "  harmony_slots_per_shard: 1",      // 5
        "  harmony_vote_share: 49%",         // 6
        "cohorts:",                          // 7
        "  - name: harmony",                 // 8
        "    validators: 2",                 // 9
        "    harmony_operated: true",        // 10
        "  - name: honest",                  // 11
        "    validators: 4",                 // 12
        "    stake: 1_000_000",              // 13
        "  - name: cheaters",                // 14
        "    validators: 2",                 // 15
        "    stake: 20000",                  // 16
        "    behaviour: double-sign-from",   // 17
        "    double_sign_from: 130s",        // 18
        "staking:",                          // 19
        "  resharding: randomness",          // 20
        "  effective_stake_bound: 0.2",      // 21
        "  slots_limit: 0",                  // 22
        "  block_reward: 28",                // 23
        "  slash_rule: 2020",                // 24
        "  commission_rate: 5%",             // 25
        "  vdf_difficulty: 50_000",          // 26
        "  delegators:",                     // 27
        "    - name: alice",                 // 28
        "      balance: 1_000_000",          // 29
        "    - name: bob",                   // 30
        "      balance: 2500.5",             // 31
        "  transactions:",                   // 32
        "    - at: 50s",                     // 33
        "      kind: delegate",              // 34
        "      from: alice",                 // 35
        "      to: honest",                  // 36
        "      amount: 5000",                // 37
        "    - at: 90s",                     // 38
        "      kind: undelegate",            // 39
        "      from: alice",                 // 40
        "      to: cheaters",                // 41
        "      amount: 1000",                // 42
        "    - at: 2m",                      // 43
        "      kind: collect-rewards",       // 44
        "      from: bob",                   // 45
        "duration:",                         // 46
        "  time: 3m",                        // 47
        "");

    /// <summary>The same network without a staking section.</summary>
    private static string WithoutStaking =>
        Valid[..Valid.IndexOf("staking:\n", StringComparison.Ordinal)] + Valid[Valid.IndexOf("duration:\n", StringComparison.Ordinal)..];

    private static Scenario Load(string text)
    {
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    [TestMethod]
    public void Every_field_of_the_staking_section_is_read()
    {
        var s = Load(Valid);
        var staking = s.Staking!;
        Assert.AreEqual(ReshardingKind.Randomness, staking.Resharding);
        Assert.AreEqual(0.2m, staking.EffectiveStakeBound);
        Assert.AreEqual(0, staking.SlotsLimit);
        Assert.AreEqual(28m, staking.BlockReward);
        Assert.AreEqual(SlashRuleKind.Rule2020, staking.SlashRule);
        Assert.AreEqual(0.05m, staking.CommissionRate);
        Assert.AreEqual(50_000, staking.VdfDifficulty);
        CollectionAssert.AreEqual(new[]
        {
            new DelegatorSpec { Name = "alice", Balance = 1_000_000m },
            new DelegatorSpec { Name = "bob", Balance = 2500.5m },
        }, staking.Delegators.ToArray());
        CollectionAssert.AreEqual(new[]
        {
            new StakingActionSpec { At = TimeSpan.FromSeconds(50), Kind = StakingActionKind.Delegate, From = "alice", To = "honest", Amount = 5000m },
            new StakingActionSpec { At = TimeSpan.FromSeconds(90), Kind = StakingActionKind.Undelegate, From = "alice", To = "cheaters", Amount = 1000m },
            new StakingActionSpec { At = TimeSpan.FromMinutes(2), Kind = StakingActionKind.CollectRewards, From = "bob", To = "", Amount = 0m },
        }, staking.Transactions.ToArray());

        var cheaters = s.FindCohort("cheaters")!;
        Assert.AreEqual(CohortBehaviour.DoubleSignFrom, cheaters.Behaviour);
        Assert.AreEqual(TimeSpan.FromSeconds(130), cheaters.DoubleSignFrom);
        Assert.IsNull(cheaters.DarkFrom);
        Assert.IsNull(s.FindCohort("honest")!.DoubleSignFrom);
    }

    [TestMethod]
    public void A_staking_run_plan_survives_an_orleans_serialization_round_trip()
    {
        var plan = Silo.Runs.RunPlanBuilder.Build(Load(Valid), "copy");
        var copy = OrleansCopy.Of(plan);
        Assert.AreEqual(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(copy));
        Assert.HasCount(2, copy.Staking!.Delegators);
    }

    [TestMethod]
    public void Without_a_staking_section_there_is_no_staking()
    {
        var s = Load(WithoutStaking);
        Assert.IsNull(s.Staking);
        Assert.IsFalse(ValidateCommand.Summary(File, s).Contains("staking", StringComparison.Ordinal));
    }

    [TestMethod]
    public void The_validate_summary_mentions_the_staking_section()
    {
        StringAssert.Contains(ValidateCommand.Summary(File, Load(Valid)), "0 faults, staking (randomness resharding, 2 delegators, 3 staking transactions), runs ");
    }

    [TestMethod]
    public void An_empty_staking_section_takes_the_documented_defaults()
    {
        var staking = Load(WithoutStaking.Replace("duration:\n", "staking: {}\nduration:\n", StringComparison.Ordinal)).Staking!;
        Assert.AreEqual(ReshardingKind.Harmony, staking.Resharding);
        Assert.AreEqual(0.35m, staking.EffectiveStakeBound);
        Assert.IsNull(staking.SlotsLimit);
        Assert.AreEqual(7m, staking.BlockReward);
        Assert.AreEqual(SlashRuleKind.Current, staking.SlashRule);
        Assert.AreEqual(0.1m, staking.CommissionRate);
        Assert.AreEqual(10_000, staking.VdfDifficulty);
        Assert.AreEqual(0, staking.Delegators.Length);
        Assert.AreEqual(0, staking.Transactions.Length);
    }

    [TestMethod]
    public void Percentages_zero_block_reward_and_the_current_slash_rule_are_accepted()
    {
        var text = Valid.Replace("  effective_stake_bound: 0.2\n", "  effective_stake_bound: 35%\n", StringComparison.Ordinal)
            .Replace("  block_reward: 28\n", "  block_reward: 0\n", StringComparison.Ordinal)
            .Replace("  slash_rule: 2020\n", "  slash_rule: current\n", StringComparison.Ordinal)
            .Replace("  resharding: randomness\n", "  resharding: harmony\n", StringComparison.Ordinal)
            .Replace("  slots_limit: 0\n", "  slots_limit: 13\n", StringComparison.Ordinal);
        var staking = Load(text).Staking!;
        Assert.AreEqual(0.35m, staking.EffectiveStakeBound);
        Assert.AreEqual(0m, staking.BlockReward);
        Assert.AreEqual(SlashRuleKind.Current, staking.SlashRule);
        Assert.AreEqual(ReshardingKind.Harmony, staking.Resharding);
        Assert.AreEqual(13, staking.SlotsLimit);
    }

    [TestMethod]
    // The section and its fields.
    [DataRow("  harmony_vote_share: 49%", "  quorum: count", "20:3: staking: needs network.quorum: stake (elections, rewards and slashing weigh validators by stake), but network.quorum is count", null)]
    [DataRow("  slots_limit: 0", "  slot_limit: 0", "22:3: staking.slot_limit: unknown field 'slot_limit' (did you mean 'slots_limit'?)", null)]
    [DataRow("  resharding: randomness", "  resharding: random", "20:15: staking.resharding: expected one of harmony, randomness, got 'random'", null)]
    [DataRow("  slash_rule: 2020", "  slash_rule: 2023", "24:15: staking.slash_rule: expected one of current, 2020, got '2023'", null)]
    [DataRow("  effective_stake_bound: 0.2", "  effective_stake_bound: 1.5", "21:26: staking.effective_stake_bound: expected a share such as 68% or 0.68, got '1.5', which is more than 1", null)]
    [DataRow("  commission_rate: 5%", "  commission_rate: 105%", "25:20: staking.commission_rate: expected a share such as 68% or 0.68, got '105%', which is more than 100%", null)]
    [DataRow("  slots_limit: 0", "  slots_limit: 30000", "22:16: staking.slots_limit: must be between 0 and 25000, got 30000", null)]
    [DataRow("  block_reward: 28", "  block_reward: -1", "23:17: staking.block_reward: expected an amount of ONE", null)]
    [DataRow("  vdf_difficulty: 50_000", "  vdf_difficulty: 0", "26:19: staking.vdf_difficulty: must be between 1 and 10000000, got 0", null)]
    // Issuance.
    [DataRow("  block_reward: 28", "  block_reward: 28\n  issuance:\n    annual_inflation: 6%", "23:17: staking.block_reward: is replaced by staking.issuance", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    dao_share: 25%", "24:5: staking.issuance: needs annual_inflation", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    annual_inflation: 6%\n    eras: [{from_epoch: 0, per_block: 7}]", "24:5: staking.issuance: sets both annual_inflation and eras", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    annual_inflation: 0", "24:23: staking.issuance.annual_inflation: must be more than 0", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    eras:\n      - {from_epoch: 3, per_block: 7}", "25:22: staking.issuance.eras[0].from_epoch: must be 0 in the first era", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    eras:\n      - {from_epoch: 0, per_block: 7}\n      - {from_epoch: 0, per_block: 5}", "26:22: staking.issuance.eras[1].from_epoch: must be after the previous era's from_epoch 0", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    eras:\n      - {from_epoch: 0, per_block: 7}\n    dao_share: 25%", "26:16: staking.issuance.dao_share: is set per era with eras", null)]
    [DataRow("  block_reward: 28", "  issuance:\n    eras:\n      - {from_epoch: 0, per_blok: 7}", "25:25: staking.issuance.eras[0].per_blok: unknown field 'per_blok' (did you mean 'per_block'?)", null)]
    // Delegators.
    [DataRow("    - name: bob", "    - name: alice", "30:13: staking.delegators[1].name: 'alice' is already the name of the delegator at line 28", null)]
    [DataRow("    - name: bob", "    - name: \"\"", "30:13: staking.delegators[1].name: must not be empty", null)]
    [DataRow("    - name: bob", "    - name: bob smith", "30:13: staking.delegators[1].name: must be letters, digits, '-' and '_'", null)]
    [DataRow("      balance: 2500.5", "      balance: 0", "31:16: staking.delegators[1].balance: must be more than 0 ONE", null)]
    [DataRow("      balance: 2500.5", "      # no balance", "30:7: staking.delegators[1].balance: is required (an amount of ONE)", null)]
    [DataRow("      balance: 2500.5", "      balance: 2500.5\n      stake: 1", "32:7: staking.delegators[1].stake: unknown field 'stake'", null)]
    // Transactions.
    [DataRow("      kind: delegate", "      kind: delegat", "34:13: staking.transactions[0].kind: expected one of delegate, undelegate, collect-rewards, activate, got 'delegat' (did you mean 'delegate'?)", null)]
    [DataRow("      kind: delegate", "      # no kind", "33:7: staking.transactions[0].kind: is required", null)]
    [DataRow("      from: bob", "      from: carol", "45:13: staking.transactions[2].from: unknown delegator 'carol'", "delegators are alice, bob")]
    [DataRow("      from: bob", "      # from nobody", "43:7: staking.transactions[2].from: is required", null)]
    [DataRow("      to: honest", "      to: harmony", "36:11: staking.transactions[0].to: cohort 'harmony' is Harmony-operated", null)]
    [DataRow("      to: honest", "      to: honst", "36:11: staking.transactions[0].to: unknown cohort 'honst' (did you mean 'honest'?)", null)]
    [DataRow("      amount: 5000", "      # no amount", "33:7: staking.transactions[0].amount: is required for kind: delegate", null)]
    [DataRow("      to: cheaters", "      # to nobody", "38:7: staking.transactions[1].to: is required for kind: undelegate", null)]
    [DataRow("      amount: 5000", "      amount: 0", "37:15: staking.transactions[0].amount: must be more than 0 ONE", null)]
    [DataRow("      from: bob", "      from: bob\n      amount: 5", "46:15: staking.transactions[2].amount: is not used by kind: collect-rewards", null)]
    [DataRow("      from: bob", "      from: bob\n      to: honest", "46:11: staking.transactions[2].to: is not used by kind: collect-rewards", null)]
    [DataRow("    - at: 2m", "    - at: 3m", "43:11: staking.transactions[2].at: is at or after the end of the run (duration.time is 180s)", null)]
    [DataRow("      kind: collect-rewards", "      kind: collect-rewards\n      memo: hi", "45:7: staking.transactions[2].memo: unknown field 'memo'", null)]
    // The double-sign-from behaviour.
    [DataRow("    double_sign_from: 130s", "    region: us-east", "17:16: cohorts[2].double_sign_from: is required with behaviour: double-sign-from", null)]
    [DataRow("    behaviour: double-sign-from", "    behaviour: honest", "18:23: cohorts[2].double_sign_from: is only used with behaviour: double-sign-from", null)]
    [DataRow("    behaviour: double-sign-from", "    behaviour: dark-from\n    dark_from: 10s", "19:23: cohorts[2].double_sign_from: is only used with behaviour: double-sign-from", null)]
    [DataRow("    double_sign_from: 130s", "    double_sign_from: 3m", "18:23: cohorts[2].double_sign_from: is at or after the end of the run (duration.time is 180s), so the cohort would never double sign", null)]
    [DataRow("    double_sign_from: 130s", "    double_sign_from: 130", "18:23: cohorts[2].double_sign_from: expected a duration with a unit", null)]
    [DataRow("    harmony_operated: true", "    harmony_operated: true\n    behaviour: double-sign-from\n    double_sign_from: 10s",
        "11:16: cohorts[0].behaviour: double-sign-from needs stake to slash, and a Harmony-operated cohort has none", null)]
    public void A_malformed_staking_line_is_reported_with_file_line_column_and_field(string line, string replacement, string expected, string? alsoContains)
    {
        Assert.AreEqual(1, Valid.Split(line + "\n").Length - 1, $"the base scenario has the line '{line}' exactly once");
        var result = ScenarioLoader.Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal), File);
        Assert.IsFalse(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        var match = lines.FirstOrDefault(l => l.StartsWith($"{File}:{expected}", StringComparison.Ordinal));
        Assert.IsNotNull(match, $"expected an error starting '{File}:{expected}', got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        if (alsoContains is not null) StringAssert.Contains(match, alsoContains);
    }

    [TestMethod]
    [DataRow("    behaviour: double-sign-from", "    behaviour: double-sign-frm", "cohorts[2].behaviour")]
    [DataRow("      from: bob", "      from: bob\n      amount: 0", "staking.transactions[2].amount")]
    public void One_mistake_is_one_error(string line, string replacement, string field)
    {
        var errors = ScenarioLoader.Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal), File).Errors;
        Assert.AreEqual(field, errors.Single().Field, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void A_transaction_from_a_delegator_when_none_are_listed_says_so()
    {
        var text = WithoutStaking.Replace("duration:\n", "staking:\n  transactions:\n    - { at: 1s, kind: collect-rewards, from: alice }\nduration:\n", StringComparison.Ordinal);
        var errors = ScenarioLoader.Parse(text, File).Errors.Select(e => e.ToString()).ToList();
        CollectionAssert.AreEqual(new[] { $"{File}:21:46: staking.transactions[0].from: unknown delegator 'alice'; staking.delegators names none" }, errors);
    }

    [TestMethod]
    public void A_cohort_with_other_errors_still_lets_transactions_name_it()
    {
        // The cohort list cannot be built (a validator count is wrong), but every cohort is named, so 'to' is still checked.
        var text = Valid.Replace("    validators: 4\n", "    validators: four\n", StringComparison.Ordinal).Replace("      to: honest\n", "      to: nobody\n", StringComparison.Ordinal);
        var fields = ScenarioLoader.Parse(text, File).Errors.Select(e => e.Field).ToList();
        CollectionAssert.AreEqual(new[] { "cohorts[1].validators", "staking.transactions[0].to" }, fields);
    }
}
