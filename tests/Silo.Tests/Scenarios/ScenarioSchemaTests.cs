using System.Text.Json;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>Keeps <c>scenarios/scenario.schema.json</c> in step with what the loader accepts.</summary>
[TestClass]
public sealed class ScenarioSchemaTests
{
    private static JsonDocument LoadSchema()
    {
        var folder = ScenarioFolder.Find(AppContext.BaseDirectory) ?? throw new AssertFailedException("no scenarios/ folder above the test binaries");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "scenario.schema.json")));
    }

    /// <summary>Every property path of the schema (lists as <c>[]</c>), with its schema node.</summary>
    private static Dictionary<string, JsonElement> SchemaFields(JsonElement root)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement node, string prefix, int depth)
        {
            Assert.IsTrue(depth < 32, "the schema has no recursive references");
            if (node.ValueKind != JsonValueKind.Object) return;
            if (node.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!;
                StringAssert.StartsWith(name, "#/$defs/");
                Walk(root.GetProperty("$defs").GetProperty(name["#/$defs/".Length..]), prefix, depth + 1);
            }
            if (node.TryGetProperty("properties", out var properties))
            {
                Assert.IsTrue(node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False,
                    $"the object at '{prefix}' refuses unknown fields, as the loader does");
                foreach (var p in properties.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
                    fields[path] = p.Value;
                    Walk(p.Value, path, depth + 1);
                }
            }
            if (node.TryGetProperty("items", out var items)) Walk(items, prefix + "[]", depth + 1);
            foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
                if (node.TryGetProperty(combinator, out var options))
                    foreach (var option in options.EnumerateArray()) Walk(option, prefix, depth + 1);
        }
        Walk(root, "", 0);
        return fields;
    }

    [TestMethod]
    public void The_schema_and_the_loader_accept_the_same_fields()
    {
        using var schema = LoadSchema();
        var inSchema = SchemaFields(schema.RootElement).Keys.ToHashSet();
        var inLoader = ScenarioFields.AllPaths;
        var onlyLoader = inLoader.Except(inSchema).Order().ToList();
        var onlySchema = inSchema.Except(inLoader).Order().ToList();
        Assert.AreEqual(0, onlyLoader.Count, $"accepted by the loader but missing from the schema: {string.Join(", ", onlyLoader)}");
        Assert.AreEqual(0, onlySchema.Count, $"in the schema but refused by the loader: {string.Join(", ", onlySchema)}");
    }

    [TestMethod]
    public void The_schema_and_the_loader_require_the_same_fields()
    {
        // Every section present and empty, and an empty file: the loader then reports each unconditionally required field.
        const string text = "network: {sync: {}}\ncohorts: [{}, {name: a, validators: 1, stake: {}}]\nfaults: [{}]\nchecks: {expected_outages: [{}], max_shard_voting_power: [{}]}\n"
            + "staking: {delegators: [{}], transactions: [{}], issuance: {eras: [{}]}}\ntransfers: {accounts: [{}], scripted: [{}]}\n"
            + "load: {sources: [{}, {rate: {ramp: {}}}, {rate: {steps: {}}}, {rate: {burst: {}}}]}\neclipse: {}\n";
        var byLoader = ScenarioLoader.Parse(text, "x.yaml").Errors.Concat(ScenarioLoader.Parse("{}", "x.yaml").Errors).Concat(ScenarioLoader.Parse("load: {}", "x.yaml").Errors)
            .Concat(ScenarioLoader.Parse("genesis: [{}]\nfaucet: {}", "x.yaml").Errors)
            .Concat(ScenarioLoader.Parse("cohorts: [{name: a, validators: 1, stake: 10000}]\nstaking: {}\nteams: [{}, {strategy: [{}], moves: [{}]}]", "x.yaml").Errors)
            .Where(e => e.Message.StartsWith("is required", StringComparison.Ordinal))
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.Field, @"\[\d+\]", "[]"))
            .ToHashSet();

        using var schema = LoadSchema();
        var bySchema = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement node, string prefix)
        {
            if (node.ValueKind != JsonValueKind.Object) return;
            if (node.TryGetProperty("required", out var required))
                foreach (var r in required.EnumerateArray()) bySchema.Add(prefix.Length == 0 ? r.GetString()! : $"{prefix}.{r.GetString()}");
            if (node.TryGetProperty("properties", out var properties))
                foreach (var p in properties.EnumerateObject()) Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}");
            if (node.TryGetProperty("items", out var items)) Walk(items, prefix + "[]");
            if (node.TryGetProperty("anyOf", out var options))
                foreach (var option in options.EnumerateArray()) Walk(option, prefix);
            // A conditional requirement (duration, unless the file is a testnet config with genesis accounts).
            if (node.TryGetProperty("then", out var then)) Walk(then, prefix);
        }
        Walk(schema.RootElement, "");
        CollectionAssert.AreEquivalent(bySchema.Order().ToList(), byLoader.Order().ToList());
    }

    [TestMethod]
    public void Every_schema_field_has_a_description()
    {
        using var schema = LoadSchema();
        var missing = SchemaFields(schema.RootElement).Where(f => !f.Value.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            .Select(f => f.Key).ToList();
        Assert.AreEqual(0, missing.Count, $"fields without a description: {string.Join(", ", missing)}");
    }

    [TestMethod]
    public void The_schema_is_draft_2020_12()
    {
        using var schema = LoadSchema();
        Assert.AreEqual("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }

    [TestMethod]
    public void The_defaults_the_schema_documents_are_the_models_defaults()
    {
        var network = new NetworkSpec();
        var timing = new TimingSpec();
        var expected = new Dictionary<string, object>
        {
            ["seed"] = new Scenario().Seed,
            ["network.quorum"] = "stake",
            ["network.blocks_per_epoch"] = network.BlocksPerEpoch,
            ["network.block_time"] = network.BlockTime,
            ["network.signature_scheme"] = "simulated",
            ["network.view_change_leaders"] = "harmony-keys",
            ["network.leader_rotation"] = "none",
            ["network.propagation"] = "direct",
            ["network.timing.phase_timeout"] = timing.PhaseTimeout,
            ["network.timing.view_change_timeout"] = timing.ViewChangeTimeout,
            ["network.timing.view_change_slot"] = timing.ViewChangeSlot,
            ["network.timing.bootstrap_timeout"] = timing.BootstrapTimeout,
            ["network.timing.commit_grace"] = timing.CommitGrace,
            ["cohorts[].keys_per_node"] = new CohortSpec().KeysPerNode,
            ["cohorts[].harmony_operated"] = new CohortSpec().HarmonyOperated,
            ["cohorts[].behaviour"] = "honest",
            ["latency.jitter"] = LatencySpec.Default.Jitter,
            ["latency.loss"] = LatencySpec.Default.Loss,
            ["checks.liveness_max_gap"] = new ChecksSpec().LivenessMaxGap,
            ["staking.resharding"] = "harmony",
            ["staking.effective_stake_bound"] = new StakingSpec().EffectiveStakeBound,
            ["staking.block_reward"] = new StakingSpec().BlockReward,
            ["staking.slash_rule"] = "current",
            ["staking.commission_rate"] = new StakingSpec().CommissionRate,
            ["staking.vdf_difficulty"] = new StakingSpec().VdfDifficulty,
            ["staking.issuance.dao_share"] = new IssuanceSpec().DaoShare,
            ["staking.issuance.eras[].dao_share"] = new RewardEraSpec().DaoShare,
            ["load.block_gas_limit"] = new LoadSpec().BlockGasLimit,
            ["load.signing"] = "real",
            ["load.mempool.capacity"] = new LoadMempoolSpec().Capacity,
            ["load.mempool.min_gas_price_gwei"] = (decimal)new LoadMempoolSpec().MinGasPrice / LoadSpec.AttoPerGwei,
            ["load.mempool.price_bump"] = $"{new LoadMempoolSpec().PriceBumpPercent}%",
            ["load.sources[].arrivals"] = "uniform",
            ["load.sources[].rate.ramp.from"] = 0m,
            ["load.sources[].rate.ramp.start"] = TimeSpan.Zero,
            ["load.sources[].rate.steps.start"] = TimeSpan.Zero,
            ["load.sources[].rate.burst.start"] = TimeSpan.Zero,
            ["load.sources[].mix.cross_shard"] = new LoadMixSpec().CrossShard,
            ["load.sources[].mix.staking"] = new LoadMixSpec().Staking,
            ["load.sources[].amount"] = new LoadSourceSpec().Amount,
            ["load.sources[].gas_price_gwei"] = (decimal)new LoadSourceSpec().GasPrice / LoadSpec.AttoPerGwei,
            ["load.sources[].accounts.count"] = new LoadAccountsSpec().Count,
            ["load.sources[].accounts.funding"] = new LoadAccountsSpec().Funding,
            ["load.sources[].accounts.hot_skew"] = new LoadAccountsSpec().HotSkew,
            ["faucet.amount"] = new FaucetSpec().Amount,
            ["faucet.max_amount"] = new FaucetSpec().MaxAmount,
            ["faucet.interval"] = new FaucetSpec().Interval,
            ["eclipse.table_share"] = $"{new EclipseSpec().TableShare * 100:0}%",
            ["network.sync.peers"] = new SyncPlan(SyncKind.Staged).Peers,
            ["network.sync.block_execution"] = new SyncPlan(SyncKind.Staged).BlockExecution,
            ["network.sync.header_verification"] = new SyncPlan(SyncKind.Staged).HeaderVerification,
            ["network.sync.pivot_distance"] = new SyncPlan(SyncKind.Staged).PivotDistance,
            ["network.sync.state_mb"] = new SyncPlan(SyncKind.Staged).StateBytes >> 20,
        };
        using var schema = LoadSchema();
        var fields = SchemaFields(schema.RootElement);
        var documented = fields.Where(f => f.Value.TryGetProperty("default", out _)).Select(f => f.Key).ToList();
        CollectionAssert.AreEquivalent(expected.Keys.Concat(["latency.regions"]).ToList(), documented, "every documented default is checked here");
        foreach (var (path, value) in expected)
        {
            var d = fields[path].GetProperty("default");
            switch (value)
            {
                case TimeSpan t:
                    Assert.IsNull(ScenarioValues.TryParseDuration(d.GetString()!, out var parsed), path);
                    Assert.AreEqual(t, parsed, path);
                    break;
                case string s: Assert.AreEqual(s, d.GetString(), path); break;
                case bool b: Assert.AreEqual(b, d.GetBoolean(), path); break;
                default: Assert.AreEqual(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), d.GetDecimal(), path); break;
            }
        }
        CollectionAssert.AreEqual(LatencySpec.DefaultRegions.ToArray(), fields["latency.regions"].GetProperty("default").EnumerateArray().Select(e => e.GetString()).ToArray());
    }
}
