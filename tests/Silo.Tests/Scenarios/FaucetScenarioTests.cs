using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>A testnet config's <c>faucet</c> section: what it reads, its defaults, its plan, and what it refuses.</summary>
[TestClass]
public sealed class FaucetScenarioTests
{
    private const string File = "deploy/x.yaml";

    private static string Config(string faucet, bool genesis = true) => string.Join('\n',
        "description: test",
        "seed: 7",
        "network: { shards: 2, slots_per_shard: 4, harmony_slots_per_shard: 4 }",
        "cohorts: [{ name: harmony, validators: 8, harmony_operated: true }]",
        genesis ? "genesis: [{ address: \"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\", shard: 0, balance: 5 }]" : "duration: { time: 1m }",
        faucet);

    [TestMethod]
    public void A_faucet_funds_its_seeded_account_on_every_shard_with_defaults_for_what_is_left_out()
    {
        var result = ScenarioLoader.Parse(Config("faucet: { balance: 1_000 }"), File);
        Assert.IsNotNull(result.Scenario, string.Join("\n", result.Errors));
        var plan = RunPlanBuilder.Build(result.Scenario, "t");
        var faucet = plan.Testnet!.Faucet!;
        Assert.AreEqual(100m, faucet.Amount);
        Assert.AreEqual(1_000m, faucet.MaxAmount);
        Assert.AreEqual(TimeSpan.FromMinutes(1), faucet.Interval);
        var address = FaucetAccount.Of(7).ToString();
        CollectionAssert.AreEqual(new[] { 0, 1 }, plan.Testnet.Genesis.Where(g => g.Address == address && g.Balance == 1_000m).Select(g => g.Shard).ToArray());
        Assert.AreEqual(3, plan.Testnet.Genesis.Count);
    }

    [TestMethod]
    public void Without_a_faucet_section_the_genesis_is_the_configs_alone()
    {
        var plan = RunPlanBuilder.Build(ScenarioLoader.Parse(Config(""), File).Scenario!, "t");
        Assert.IsNull(plan.Testnet!.Faucet);
        Assert.AreEqual(1, plan.Testnet.Genesis.Count);
    }

    [TestMethod]
    [DataRow("faucet: { balance: 0 }", "faucet.balance", "more than 0")]
    [DataRow("faucet: { balance: 10, amount: 5, max_amount: 2 }", "faucet.max_amount", "at least amount")]
    [DataRow("faucet: { balance: 10, amount: 0 }", "faucet.amount", "more than 0")]
    [DataRow("faucet: { balance: 10, interval: soon }", "faucet.interval", "")]
    [DataRow("faucet: { amount: 5 }", "faucet.balance", "is required")]
    [DataRow("faucet: { balance: 10, drip: 5 }", "faucet", "drip")]
    public void Bad_faucet_fields_are_refused_naming_the_field(string faucet, string field, string message)
    {
        var result = ScenarioLoader.Parse(Config(faucet), File);
        Assert.IsNull(result.Scenario);
        var error = result.Errors.Single();
        StringAssert.StartsWith(error.Field, field, error.ToString());
        StringAssert.Contains(error.Message, message, error.ToString());
        Assert.AreEqual(6, error.Line, error.ToString());
    }

    [TestMethod]
    public void A_faucet_outside_a_testnet_config_is_refused()
    {
        var result = ScenarioLoader.Parse(Config("faucet: { balance: 10 }", genesis: false), File);
        Assert.IsNull(result.Scenario);
        StringAssert.Contains(result.Errors.Single().Message, "only a testnet config");
    }
}
