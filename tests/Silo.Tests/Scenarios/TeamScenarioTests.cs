using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>The teams: section: strategies become cohort behaviours, moves become staking transactions, bad input is named by file, line and field.</summary>
[TestClass]
public sealed class TeamScenarioTests
{
    private const string File = "teams.yaml";

    private const string Valid = """
        name: teams
        description: two teams
        network:
          shards: 1
          slots_per_shard: 8
          harmony_slots_per_shard: 2
          harmony_vote_share: 0.2
        cohorts:
          - name: harmony
            validators: 2
            harmony_operated: true
          - name: red
            validators: 2
            stake: 20000
          - name: red-late
            validators: 1
            stake: 20000
          - name: blue
            validators: 3
            stake: 20000
        teams:
          - name: red
            budget: 70000
            cohorts: [red, red-late]
            strategy: forge
            moves:
              - { at: 10s, kind: delegate, to: red, amount: 5000 }
              - { at: 30s, kind: create-validator, cohort: red-late }
          - name: blue
            budget: 60000
            cohorts: [blue]
            strategy:
              - { behaviour: withhold-power, active_from: 20s, active_until: 40s }
        staking: {}
        duration:
          time: 60s
        """;

    [TestMethod]
    public void Strategies_and_moves_reach_the_plan()
    {
        var result = ScenarioLoader.Parse(Valid, File);
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        var s = result.Scenario!;
        Assert.AreEqual(CohortBehaviour.Forge, s.FindCohort("red")!.Behaviour);
        Assert.AreEqual(TimeSpan.FromSeconds(30), s.FindCohort("red-late")!.JoinsAt);
        var blue = s.FindCohort("blue")!;
        Assert.AreEqual((CohortBehaviour.WithholdPower, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)), (blue.Behaviour, blue.ActiveFrom!.Value, blue.ActiveUntil!.Value));
        var account = s.Staking!.Delegators.Single(d => d.Name == "red");
        Assert.AreEqual(70000m - 60000m, account.Balance, "the budget left after the self-stake");
        Assert.AreEqual("red", s.Staking.Transactions.Single().From);
        var plan = RunPlanBuilder.Build(s, "teams-1");
        Assert.HasCount(2, plan.Teams);
        Assert.AreEqual(new TeamWindow(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)), plan.Teams[1].Active.Single());
        Assert.AreEqual("withhold-power from 20s until 40s", plan.Teams[1].Strategy);
        Assert.AreEqual(2, plan.Staking!.Actions.Count, "one delegation per validator of the red cohort");
    }

    [TestMethod]
    public void A_repeated_move_is_made_every_period_the_given_number_of_times()
    {
        var text = Valid.Replace("    budget: 70000\n", "    budget: 100000\n", StringComparison.Ordinal)
            .Replace("      - { at: 10s, kind: delegate, to: red, amount: 5000 }", "      - { at: 10s, kind: delegate, to: red, amount: 5000, every: 12s, times: 3 }", StringComparison.Ordinal);
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Errors));
        CollectionAssert.AreEqual(new[] { 10.0, 22.0, 34.0 }, result.Scenario!.Staking!.Transactions.Select(t => t.At.TotalSeconds).ToArray());
    }

    [TestMethod]
    [DataRow("    budget: 70000", "    budget: 64000", "23:13: teams[0].budget: is exceeded: the team's validators' self-stake 60,000 ONE + its delegations 10,000 ONE = 70,000 ONE, over the budget of 64,000 ONE")]
    [DataRow("    strategy: forge", "    strategy: forger", "25:15: teams[0].strategy: expected one of honest, silent-leader")]
    [DataRow("    cohorts: [blue]", "    cohorts: [blue, red]", "31:21: teams[1].cohorts[1]: cohort 'red' already belongs to team 'red' (line 24)")]
    [DataRow("    cohorts: [blue]", "    cohorts: [blu]", "31:15: teams[1].cohorts[0]: unknown cohort 'blu' (did you mean 'blue'?)")]
    [DataRow("    cohorts: [blue]", "    cohorts: [harmony]", "31:15: teams[1].cohorts[0]: cohort 'harmony' is Harmony-operated")]
    [DataRow("    strategy: forge", "    strategy: dark-from", "25:15: teams[0].strategy: dark-from starts at a time: give it as a step")]
    [DataRow("      - { behaviour: withhold-power, active_from: 20s, active_until: 40s }", "      - { behaviour: withhold-power, active_from: 20s }\n      - { behaviour: forge }",
        "34:9: teams[1].strategy: gives cohort 'blue' a second behaviour (the first at line 33)")]
    [DataRow("      - { at: 30s, kind: create-validator, cohort: red-late }", "      - { at: 30s, kind: create-validator, cohort: blue }", "28:52: teams[0].moves[1].cohort: cohort 'blue' is not one of the team's cohorts")]
    [DataRow("      - { at: 10s, kind: delegate, to: red, amount: 5000 }", "      - { at: 10s, kind: delegat, to: red, amount: 5000 }", "27:26: teams[0].moves[0].kind: expected one of delegate, undelegate, collect-rewards, create-validator, got 'delegat' (did you mean 'delegate'?)")]
    [DataRow("staking: {}", "transfers: { accounts: [{ name: a, shard: 0, balance: 1 }] }", "22:3: teams: needs a staking section")]
    [DataRow("      - { at: 10s, kind: delegate, to: red, amount: 5000 }", "      - { at: 10s, kind: delegate, to: red, amount: 5000, every: 5s }", "27:66: teams[0].moves[0].times: is required with every")]
    [DataRow("      - { at: 10s, kind: delegate, to: red, amount: 5000 }", "      - { at: 10s, kind: delegate, to: red, amount: 5000, every: 5s, times: 3 }", "23:13: teams[0].budget: is exceeded: the team's validators' self-stake 60,000 ONE + its delegations 30,000 ONE")]
    [DataRow("      - { at: 30s, kind: create-validator, cohort: red-late }", "      - { at: 30s, kind: create-validator, cohort: red-late, every: 5s, times: 2 }", "28:69: teams[0].moves[1].every: is not used by kind: create-validator")]
    public void A_malformed_team_is_reported_with_file_line_column_and_field(string line, string replacement, string expected)
    {
        Assert.AreEqual(1, Valid.Split(line + "\n").Length - 1, $"the base scenario has the line '{line}' exactly once");
        var result = ScenarioLoader.Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal), File);
        Assert.IsFalse(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        Assert.IsTrue(lines.Any(l => l.StartsWith($"{File}:{expected}", StringComparison.Ordinal)),
            $"expected an error starting '{File}:{expected}', got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }
}
