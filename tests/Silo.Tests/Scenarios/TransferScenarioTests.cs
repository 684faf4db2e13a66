using System.Text.Json;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>The <c>transfers</c> section (docs/SCENARIOS.md).</summary>
[TestClass]
public sealed class TransferScenarioTests
{
    private const string File = "scenarios/x.yaml";

    /// <summary>A valid scenario giving every transfers field; each row below breaks one line of it.</summary>
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
        "    validators: 6",                 // 12
        "    stake: 1_000_000",              // 13
        "staking: {}",                       // 14
        "transfers:",                        // 15
        "  accounts:",                       // 16
        "    - name: alice",                 // 17
        "      shard: 0",                    // 18
        "      balance: 1_000",              // 19
        "    - name: bob",                   // 20
        "      shard: 1",                    // 21
        "      balance: 2.5",                // 22
        "    - { name: carol, shard: 1, balance: 1 }", // 23
        "  scripted:",                       // 24
        "    - at: 5s",                      // 25
        "      from: alice",                 // 26
        "      to: bob",                     // 27
        "      amount: 10",                  // 28
        "    - at: 1s",                      // 29
        "      from: bob",                   // 30
        "      to: carol",                   // 31
        "      amount: 0.5",                 // 32
        "duration:",                         // 33
        "  time: 1m",                        // 34
        "");

    private static Scenario Load(string text)
    {
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    [TestMethod]
    public void Every_field_of_the_transfers_section_is_read()
    {
        var t = Load(Valid).Transfers!;
        CollectionAssert.AreEqual(new[]
        {
            new TransferAccountSpec { Name = "alice", Shard = 0, Balance = 1000m },
            new TransferAccountSpec { Name = "bob", Shard = 1, Balance = 2.5m },
            new TransferAccountSpec { Name = "carol", Shard = 1, Balance = 1m },
        }, t.Accounts.ToArray());
        CollectionAssert.AreEqual(new[]
        {
            new ScriptedTransferSpec { At = TimeSpan.FromSeconds(5), From = "alice", To = "bob", Amount = 10m },
            new ScriptedTransferSpec { At = TimeSpan.FromSeconds(1), From = "bob", To = "carol", Amount = 0.5m },
        }, t.Scripted.ToArray());
    }

    [TestMethod]
    public void The_plan_carries_the_transfers_and_the_validate_summary_counts_them()
    {
        var s = Load(Valid);
        var plan = RunPlanBuilder.Build(s, "x");
        Assert.HasCount(3, plan.Transfers!.Accounts);
        Assert.AreEqual("bob", plan.Transfers.Scripted[1].From);
        StringAssert.Contains(ValidateCommand.Summary(File, s), "transfers (3 accounts, 2 scripted, 1 cross-shard)");
        Assert.IsNull(RunPlanBuilder.Build(s with { Transfers = null }, "y").Transfers);
    }

    [TestMethod]
    public void A_transfers_run_plan_survives_an_orleans_serialization_round_trip()
    {
        var plan = Silo.Runs.RunPlanBuilder.Build(Load(Valid), "copy");
        var copy = OrleansCopy.Of(plan);
        Assert.AreEqual(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(copy));
        Assert.HasCount(3, copy.Transfers!.Accounts);
    }

    [TestMethod]
    public void An_empty_transfers_section_has_no_accounts_and_no_transfers()
    {
        var t = Load(Valid[..Valid.IndexOf("transfers:\n", StringComparison.Ordinal)] + "transfers: {}\n" + Valid[Valid.IndexOf("duration:\n", StringComparison.Ordinal)..]).Transfers!;
        Assert.AreEqual(0, t.Accounts.Length);
        Assert.AreEqual(0, t.Scripted.Length);
    }

    [TestMethod]
    // The section.
    [DataRow("staking: {}", "# no staking", "16:3: transfers: needs a staking section", null)]
    [DataRow("  scripted:", "  script:", "24:3: transfers.script: unknown field 'script' (did you mean 'scripted'?)", null)]
    [DataRow("    - { name: carol, shard: 1, balance: 1 }", "    - carol", "23:7: transfers.accounts[2]: expected a mapping", null)]
    // Accounts.
    [DataRow("    - name: bob", "    - name: alice", "20:13: transfers.accounts[1].name: 'alice' is already the name of the account at line 17", null)]
    [DataRow("    - name: bob", "    - name: bob smith", "20:13: transfers.accounts[1].name: must be letters, digits, '-' and '_'", null)]
    [DataRow("      shard: 1", "      shard: 2", "21:14: transfers.accounts[1].shard: must be a shard of the network, between 0 and 1, got 2", null)]
    [DataRow("      shard: 1", "      # no shard", "20:7: transfers.accounts[1].shard: is required", null)]
    [DataRow("      balance: 2.5", "      balance: 0", "22:16: transfers.accounts[1].balance: must be more than 0 ONE", null)]
    [DataRow("      balance: 2.5", "      balance: lots", "22:16: transfers.accounts[1].balance: expected an amount of ONE", null)]
    [DataRow("      balance: 2.5", "      balance: 2.5\n      stake: 1", "23:7: transfers.accounts[1].stake: unknown field 'stake'", null)]
    // Scripted transfers.
    [DataRow("      from: bob", "      from: bobby", "30:13: transfers.scripted[1].from: unknown account 'bobby' (did you mean 'bob'?)", "accounts are alice, bob, carol")]
    [DataRow("      to: carol", "      to: dave", "31:11: transfers.scripted[1].to: unknown account 'dave'", null)]
    [DataRow("      to: carol", "      to: bob", "31:11: transfers.scripted[1].to: is the sender 'bob' itself", null)]
    [DataRow("      to: carol", "      # to nobody", "29:7: transfers.scripted[1].to: is required", null)]
    [DataRow("      amount: 0.5", "      amount: 0", "32:15: transfers.scripted[1].amount: must be more than 0 ONE", null)]
    [DataRow("      amount: 0.5", "      # no amount", "29:7: transfers.scripted[1].amount: is required", null)]
    [DataRow("    - at: 1s", "    - at: 1m", "29:11: transfers.scripted[1].at: is at or after the end of the run (duration.time is 60s)", null)]
    [DataRow("    - at: 1s", "    - at: soon", "29:11: transfers.scripted[1].at: expected a duration", null)]
    [DataRow("      amount: 10", "      amount: 10\n      memo: hi", "29:7: transfers.scripted[0].memo: unknown field 'memo'", null)]
    public void A_malformed_transfers_line_is_reported_with_file_line_column_and_field(string line, string replacement, string expected, string? alsoContains)
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
    [DataRow("      amount: 0.5", "      amount: 0", "transfers.scripted[1].amount")]
    [DataRow("      from: bob", "      from: bobby", "transfers.scripted[1].from")]
    public void One_mistake_is_one_error(string line, string replacement, string field)
    {
        var errors = ScenarioLoader.Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal), File).Errors;
        Assert.AreEqual(field, errors.Single().Field, string.Join(Environment.NewLine, errors));
    }
}
