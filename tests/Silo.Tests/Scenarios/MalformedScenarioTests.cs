using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Scenarios;

using HarmonySim.Simulation.Plans;

using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class MalformedScenarioTests
{
    private const string File = "scenarios/x.yaml";

    /// <summary>A valid scenario; each row below breaks one line of it.</summary>
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
        "  - name: others",                  // 11
        "    validators: 6",                 // 12
        "    stake: 1_000_000",              // 13
        "faults:",                           // 14
        "  - at: 10s",                       // 15
        "    kind: crash",                   // 16
        "    targets: [others]",             // 17
        "    duration: 5s",                  // 18
        "duration:",                         // 19
        "  time: 60s",                       // 20
        "");

    [TestMethod]
    public void The_base_scenario_of_the_table_is_valid()
    {
        var result = ScenarioLoader.Parse(Valid, File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [TestMethod]
    [DataRow("  shards: 2", "  shards: 0", "3:11: network.shards: must be between 1 and 64, got 0")]
    [DataRow("  shards: 2", "  shard: 2", "3:3: network.shard: unknown field 'shard' (did you mean 'shards'?)")]
    [DataRow("  shards: 2", "  shards: [2]", "3:11: network.shards: expected a whole number, got a list")]
    [DataRow("description: test", "description: \"  \"", "1:14: description: must not be empty")]
    [DataRow("description: test", "description:", "1:13: description: expected text, got nothing")]
    [DataRow("description: test", "descriptio: test", "1:1: descriptio: unknown field 'descriptio' (did you mean 'description'?)")]
    [DataRow("    validators: 6", "    validators: six", "12:17: cohorts[1].validators: expected a whole number")]
    [DataRow("    validators: 6", "    validators: 5", "8:3: cohorts: external (not Harmony-operated) cohorts hold 5 keys but the network has 6 external slots")]
    [DataRow("    validators: 2", "    validators: 3", "8:3: cohorts: Harmony-operated cohorts hold 3 keys but the network has 2 Harmony-operated slots")]
    [DataRow("    targets: [others]", "    targets: [other]", "17:15: faults[0].targets[0]: unknown cohort 'other' (did you mean 'others'?)")]
    [DataRow("    targets: [others]", "    targets: [shard:2]", "17:15: faults[0].targets[0]: shard 2 does not exist; the network has shards 0 to 1")]
    [DataRow("    kind: crash", "    kind: isolate-leader", "17:15: faults[0].targets[0]: isolate-leader targets shards (shard:N), got cohort 'others'")]
    [DataRow("    kind: crash\n    targets: [others]", "    kind: isolate-next-leaders\n    targets: [shard:0]", "15:5: faults[0].count: is required for kind: isolate-next-leaders (how many leaders in a row are cut off, the current one included)")]
    [DataRow("    kind: crash\n    targets: [others]", "    kind: isolate-next-leaders\n    count: 2\n    targets: [others]", "18:15: faults[0].targets[0]: isolate-next-leaders targets shards (shard:N), got cohort 'others'")]
    [DataRow("    kind: crash\n    targets: [others]", "    kind: isolate-next-leaders\n    count: 0\n    targets: [shard:0]", "17:12: faults[0].count: must be between 1 and 1000, got 0")]
    [DataRow("    duration: 5s", "    duration: 5s\n    count: 2", "19:12: faults[0].count: is not used by kind: crash")]
    [DataRow("    kind: crash", "    kind: crush", "16:11: faults[0].kind: expected one of crash, restart, partition, heal, isolate-leader, slow-link, overlay-partition, isolate-next-leaders, got 'crush' (did you mean 'crash'?)")]
    [DataRow("    duration: 5s", "    groups: [[harmony], [others]]", "18:13: faults[0].groups: is not used by kind: crash")]
    [DataRow("    duration: 5s", "    duration: 5s\n    every: 5s", "19:12: faults[0].every: must be longer than duration (5s), so one occurrence ends before the next begins")]
    [DataRow("    duration: 5s", "    every: 20s", "18:12: faults[0].duration: is required with every")]
    [DataRow("    duration: 5s", "    duration: 5s\n    times: 3", "19:12: faults[0].times: is only used with every")]
    [DataRow("    duration: 5s", "    duration: 5s\n    every: 10ms", "19:12: faults[0].every: must be longer than duration (5s)")]
    [DataRow("    duration: 5s\nduration:\n  time: 60s", "    duration: 5s\n    every: 20s\nduration:\n  blocks: 100", "19:12: faults[0].times: is required with every when the run is not bounded by duration.time")]
    [DataRow("    kind: crash\n    targets: [others]\n    duration: 5s", "    kind: heal\n    every: 20s", "17:12: faults[0].every: is not used by kind: heal")]
    [DataRow("  - at: 10s", "  - at: 2m", "15:9: faults[0].at: is at or after the end of the run (duration.time is 60s)")]
    [DataRow("  - at: 10s", "  - at: 10", "15:9: faults[0].at: expected a duration with a unit such as 2s, 500ms, 1m30s or 2h, got '10' (no unit)")]
    [DataRow("  time: 60s", "  time: 60s\n  blocks: 10", "20:3: duration: give exactly one of time, blocks or epochs; got time and blocks")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 149%", "6:23: network.harmony_vote_share: expected a share such as 68% or 0.68, got '149%', which is more than 100%")]
    [DataRow("  harmony_vote_share: 49%", "  quorum: stake", "3:3: network.harmony_vote_share: is required with quorum: stake when a shard has both Harmony-operated (1) and external (3) slots")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 49%\n  quorum: count", "6:23: network.harmony_vote_share: is only used with quorum: stake")]
    [DataRow("    harmony_operated: true", "    harmony_operated: true\n    stake: 5", "11:12: cohorts[0].stake: must not be given for a Harmony-operated cohort")]
    [DataRow("    stake: 1_000_000", "    region: mars", "11:5: cohorts[1].stake: is required for an external cohort with quorum: stake")]
    [DataRow("    stake: 1_000_000", "    stake: 1_000_000\n    region: us-eats", "14:13: cohorts[1].region: unknown region 'us-eats' (did you mean 'us-east'?)")]
    [DataRow("    stake: 1_000_000", "    stake: { min: 5, max: 1 }", "13:27: cohorts[1].stake.max: must be at least min (5 ONE), got 1")]
    [DataRow("    stake: 1_000_000", "    stake: 1_000_000\n    behaviour: dark-from", "14:16: cohorts[1].dark_from: is required with behaviour: dark-from")]
    [DataRow("    stake: 1_000_000", "    stake: 1_000_000\n    behaviour: dark-from\n    dark_from: 1m", "15:16: cohorts[1].dark_from: is at or after the end of the run (duration.time is 60s)")]
    [DataRow("  shards: 2", "  shards: 2\n  leader_rotation: sometimes", "4:20: network.leader_rotation: expected none, mainnet or a number of blocks per leader, got 'sometimes'")]
    [DataRow("  shards: 2", "  shards: 2\n  leader_rotation: 0", "4:20: network.leader_rotation: must be between 1 and 1000000 blocks per leader, got 0")]
    [DataRow("  harmony_slots_per_shard: 1", "  harmony_slots_per_shard: 5", "5:28: network.harmony_slots_per_shard: must be between 0 and slots_per_shard (4), got 5")]
    [DataRow("  - name: others", "  - name: harmony", "11:11: cohorts[1].name: 'harmony' is already the name of the cohort at line 8")]
    [DataRow("faults:", "latency:\n  regions: [us-east, eu-west]\n  one_way_ms: [[1, 40], [40]]\nfaults:", "16:25: latency.one_way_ms[1]: has 1 columns but latency.regions names 2 regions")]
    [DataRow("faults:", "latency:\n  one_way_ms: [[1, 40], [40, 1]]\nfaults:", "15:15: latency.one_way_ms: has 2 rows but latency.regions names 5 regions (the default regions)")]
    [DataRow("faults:", "latency:\n  loss: 100%\nfaults:", "15:9: latency.loss: must be below 100% (every message lost)")]
    [DataRow("faults:", "checks:\n  expected_outages:\n    - { from: 20s, to: 10s }\nfaults:", "16:24: checks.expected_outages[0].to: must be after from (20s), got 10s")]
    [DataRow("faults:", "checks:\n  expected_jails: [other]\nfaults:", "15:20: checks.expected_jails[0]: unknown cohort 'other' (did you mean 'others'?)")]
    [DataRow("faults:", "cost:\n  sign: 1us\nfaults:", "15:9: cost.sign: expected a duration with a unit such as 2s, 500ms, 1m30s or 2h, got '1us' (unknown unit 'us'; use h, m, s or ms)")]
    [DataRow("    targets: [others]", "    targets: [others", "17:14: yaml: not valid YAML")]
    [DataRow("    duration: 5s", "   duration: 5s", "18:4: yaml: not valid YAML")]
    [DataRow("    validators: 6", "\tvalidators: 6", "12:1: yaml: not valid YAML")]
    [DataRow("  shards: 2", "\tshards: 2", "3:1: yaml: not valid YAML")]
    [DataRow("  slots_per_shard: 4", "  \tslots_per_shard: 4", "4:3: yaml: not valid YAML")]
    [DataRow("  time: 60s", "\ttime: 60s", "20:1: yaml: not valid YAML")]
    [DataRow("    kind: crash\n    targets: [others]", "    kind: overlay-partition\n    groups: [[harmony], [others]]", "16:11: faults[0].kind: needs network.propagation: gossip or ida")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 49%\n  sync:\n    mode: fixed\n    peers: 4", "9:12: network.sync.peers: is only used with mode: staged or fast")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 49%\n  sync:\n    mode: slow", "8:11: network.sync.mode: expected one of fixed, staged, fast, got 'slow'")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 49%\n  sync:\n    peers: 4", "8:5: network.sync.mode: is required (one of fixed, staged, fast)")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: 49%\n  sync:\n    mode: fast\n    peers: 0", "9:12: network.sync.peers: must be between 1 and 64, got 0")]
    public void A_malformed_line_is_reported_with_file_line_column_and_field(string line, string replacement, string expected)
    {
        Assert.IsTrue(Valid.Contains(line + "\n", StringComparison.Ordinal), $"the base scenario has the line '{line}'");
        var result = ScenarioLoader.Parse(Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal), File);
        Assert.IsFalse(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        Assert.IsTrue(lines.Any(l => l.StartsWith($"{File}:{expected}", StringComparison.Ordinal)),
            $"expected an error starting '{File}:{expected}', got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }

    [TestMethod]
    public void All_errors_are_reported_at_once_in_file_order()
    {
        var text = Valid.Replace("  shards: 2", "  shards: 100", StringComparison.Ordinal)
            .Replace("    validators: 6", "    validators: x", StringComparison.Ordinal)
            .Replace("  time: 60s", "  time: soon", StringComparison.Ordinal);
        var errors = ScenarioLoader.Parse(text, File).Errors;
        CollectionAssert.AreEqual(new[] { "network.shards", "cohorts[1].validators", "duration.time" }, errors.Select(e => e.Field).ToArray());
        CollectionAssert.AreEqual(new[] { 3, 12, 20 }, errors.Select(e => e.Line).ToArray());
    }

    [TestMethod]
    [DataRow("", "1:1: yaml: the file is empty")]
    [DataRow("- a\n- b\n", "1:1: (top): expected a mapping (field: value lines), got a list")]
    [DataRow("a: 1\n---\nb: 2\n", "3:1: yaml: the file holds 2 YAML documents")]
    [DataRow("description: x\ndescription: y\n", "2:1: yaml: not valid YAML")]
    [DataRow("a: \"open\n", "1:4: yaml: not valid YAML")]
    public void Files_that_are_not_a_scenario_mapping_are_clean_errors(string text, string expected)
    {
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsFalse(result.IsValid);
        StringAssert.StartsWith(result.Errors[0].ToString(), $"{File}:{expected}");
    }

    [TestMethod]
    public void An_unreadable_file_is_a_clean_error()
    {
        var result = ScenarioLoader.LoadFile("no/such/scenario.yaml");
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual("no/such/scenario.yaml:1:1: file: cannot read the scenario file: no such file", result.Errors.Single().ToString());
    }

    [TestMethod]
    public void A_directory_given_as_the_scenario_is_named_as_a_directory()
    {
        var dir = Directory.CreateTempSubdirectory("harmonysim-dir-").FullName;
        var result = ScenarioLoader.LoadFile(dir);
        Assert.AreEqual($"{dir}:1:1: file: cannot read the scenario file: it is a directory, not a file", result.Errors.Single().ToString());
        Directory.Delete(dir);
    }

    [TestMethod]
    public void Optional_fields_take_their_documented_defaults()
    {
        var s = ScenarioLoader.Parse(Valid, File).Scenario!;
        Assert.AreEqual("x", s.Name);
        Assert.AreEqual(1UL, s.Seed);
        Assert.AreEqual(32_768UL, s.Network.BlocksPerEpoch);
        Assert.AreEqual(TimeSpan.FromSeconds(2), s.Network.BlockTime);
        Assert.AreEqual(TimeSpan.FromSeconds(27), s.Network.Timing.PhaseTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(45), s.Network.Timing.ViewChangeSlot);
        Assert.AreEqual(HarmonySim.Protocol.Consensus.Quorum.QuorumMode.ByVotingPower, s.Network.Quorum);
        Assert.AreEqual(HarmonySim.Silo.Scenarios.Model.LeaderRotationKind.None, s.Network.LeaderRotation.Kind);
        Assert.AreEqual("us-east", s.Cohorts[0].Region);
        Assert.AreEqual(1, s.Cohorts[0].KeysPerNode);
        Assert.AreEqual(TimeSpan.FromSeconds(60), s.Checks.LivenessMaxGap);
        Assert.IsNull(s.Cost.Sign);
        Assert.AreEqual(5, s.Latency.Regions.Length);
        Assert.AreEqual(TimeSpan.FromSeconds(15), s.Faults[0].Until);
    }

    [TestMethod]
    [DataRow("none", LeaderRotationKind.None, null)]
    [DataRow("mainnet", LeaderRotationKind.Mainnet, null)]
    [DataRow("10", LeaderRotationKind.FixedBlocks, 10)]
    public void Leader_rotation_is_none_mainnet_or_a_number_of_blocks(string value, LeaderRotationKind kind, int? blocks)
    {
        var result = ScenarioLoader.Parse(Valid.Replace("  shards: 2\n", $"  shards: 2\n  leader_rotation: {value}\n", StringComparison.Ordinal), File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual(kind, result.Scenario!.Network.LeaderRotation.Kind);
        Assert.AreEqual(blocks, result.Scenario.Network.LeaderRotation.Blocks);
    }

    [TestMethod]
    public void Every_fault_kind_with_its_fields_is_accepted()
    {
        var faults = string.Join('\n',
            "faults:",
            "  - { at: 1s, kind: crash, targets: [others, shard:1], duration: 5s }",
            "  - { at: 2s, kind: restart, targets: [others] }",
            "  - { at: 3s, kind: partition, groups: [[harmony], [others]], duration: 10s }",
            "  - { at: 4s, kind: heal }",
            "  - { at: 5s, kind: isolate-leader, targets: [shard:0, shard:1], duration: 1m }",
            "  - { at: 6s, kind: slow-link, targets: [harmony], extra_delay: 200ms, duration: 30s }",
            "duration:");
        var text = Valid[..Valid.IndexOf("faults:", StringComparison.Ordinal)] + faults + Valid[(Valid.IndexOf("\nduration:", StringComparison.Ordinal) + "\nduration:".Length)..];
        var result = ScenarioLoader.Parse(text, File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var f = result.Scenario!.Faults;
        CollectionAssert.AreEqual(new[] { FaultKind.Crash, FaultKind.Restart, FaultKind.Partition, FaultKind.Heal, FaultKind.IsolateLeader, FaultKind.SlowLink }, f.Select(x => x.Kind).ToArray());
        Assert.AreEqual(FaultTarget.ForShard(1), f[0].Targets[1]);
        Assert.AreEqual(FaultTarget.ForCohort("others"), f[0].Targets[0]);
        CollectionAssert.AreEqual(new[] { "others" }, f[2].Groups[1].ToArray());
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), f[5].ExtraDelay);
    }

    [TestMethod]
    public void Stake_ranges_behaviours_and_durations_in_blocks_or_epochs_are_read()
    {
        var text = Valid.Replace("    stake: 1_000_000\n", "    stake: { min: 10_000, max: 2_000_000 ONE }\n    behaviour: dark-from\n    dark_from: 30s\n", StringComparison.Ordinal);
        var s = ScenarioLoader.Parse(text, File).Scenario!;
        Assert.AreEqual(StakeSpec.Range(10_000m, 2_000_000m), s.Cohorts[1].StakePerKey);
        Assert.AreEqual(CohortBehaviour.DarkFrom, s.Cohorts[1].Behaviour);
        Assert.AreEqual(TimeSpan.FromSeconds(30), s.Cohorts[1].DarkFrom);
        Assert.IsNull(s.Cohorts[0].StakePerKey);

        var byBlocks = ScenarioLoader.Parse(Valid.Replace("  time: 60s", "  blocks: 1_000", StringComparison.Ordinal), File).Scenario!;
        Assert.AreEqual(DurationSpec.ForBlocks(1000), byBlocks.Duration);
        var byEpochs = ScenarioLoader.Parse(Valid.Replace("  time: 60s", "  epochs: 2", StringComparison.Ordinal), File).Scenario!;
        Assert.AreEqual(DurationSpec.ForEpochs(2), byEpochs.Duration);
    }

    [TestMethod]
    public void Regions_without_a_matrix_take_the_default_figures_for_those_regions()
    {
        var s = ScenarioLoader.Parse(Valid.Replace("faults:\n", "latency:\n  regions: [eu-west, us-east]\nfaults:\n", StringComparison.Ordinal), File).Scenario!;
        Assert.AreEqual(40.5, s.Latency.OneWayMs[0][1]);
        Assert.AreEqual(1.0, s.Latency.OneWayMs[1][1]);
    }
    // ---------------------------------------------------------------- hostile files, through `harmonysim validate`

    /// <summary>
    /// A hostile file is refused before it costs much work: measured as the bytes the refusal allocates (a billion laughs
    /// or a huge file would allocate gigabytes), not as time, which a busy machine stretches (tests assert no clock).
    /// </summary>
    private const long Little = 64L * 1024 * 1024;

    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        using var probe = new ValidateProbe();
        probe.Run(Valid);
        probe.Run("a: [1, *b]\n");
        return true;
    });

    /// <summary>Validates <paramref name="text"/> as the command line does and checks it is refused with exit 2, quickly; returns the first error line without the file name.</summary>
    private static string Refused(string text)
    {
        _ = WarmedUp.Value;
        using var probe = new ValidateProbe();
        var outcome = probe.Run(text);
        Assert.AreEqual(2, outcome.Exit, outcome.Error);
        Assert.IsTrue(outcome.AllocatedBytes < Little, $"refusing allocated {outcome.AllocatedBytes:N0} bytes");
        Assert.IsTrue(outcome.ErrorLines.Count > 0, outcome.Error);
        return outcome.ErrorLines[0][(outcome.Path.Length + 1)..];
    }

    [TestMethod]
    public void The_limits_are_far_above_what_the_bundled_scenarios_need()
    {
        foreach (var path in ScenarioFolder.Bundled(AppContext.BaseDirectory))
        {
            var text = System.IO.File.ReadAllText(path);
            var parser = new YamlDotNet.Core.Parser(new StringReader(text));
            int depth = 0, deepest = 0, nodes = 0;
            while (parser.MoveNext())
            {
                if (parser.Current is YamlDotNet.Core.Events.NodeEvent) nodes++;
                if (parser.Current is YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart) deepest = Math.Max(deepest, ++depth);
                if (parser.Current is YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd) depth--;
            }
            Console.WriteLine($"{Path.GetFileName(path)}: {text.Length} bytes, {deepest} deep, {nodes} nodes");
            Assert.IsTrue(text.Length * 100 < ScenarioLimits.MaxFileBytes, path);
            Assert.IsTrue(deepest * 4 < ScenarioLimits.MaxDepth, path);
            Assert.IsTrue(nodes * 100 < ScenarioLimits.MaxNodes, path);
        }
    }

    [TestMethod]
    public void Deep_flow_nesting_is_refused_at_the_first_list_past_the_depth_limit()
    {
        var text = "description: deep\nnetwork: " + new string('[', 30_000) + new string(']', 30_000) + "\n";
        Assert.IsTrue(text.Length > 60_000);
        // The top-level mapping is level 1, so the 32nd '[' (column 10 + 31) is level 33.
        StringAssert.StartsWith(Refused(text), $"2:{10 + ScenarioLimits.MaxDepth - 1}: yaml: lists and mappings are nested more than 32 deep here");
    }

    [TestMethod]
    public void Deep_block_nesting_is_refused_at_the_first_mapping_past_the_depth_limit()
    {
        var text = string.Concat(Enumerable.Range(0, 240).Select(level => new string(' ', 2 * level) + "a:\n"));
        Assert.IsTrue(text.Length > 55_000);
        // The mapping at level n starts on line n, indented 2(n - 1).
        StringAssert.StartsWith(Refused(text), $"33:{2 * 32 + 1}: yaml: lists and mappings are nested more than 32 deep here");
    }

    /// <summary>Ten anchors, each a list of ten aliases to the one before: 10^10 nodes in under 2 KB.</summary>
    private static string AliasLevels(int levels) => "description: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" +
        string.Concat(Enumerable.Range(1, levels - 1).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));

    [TestMethod]
    public void An_alias_bomb_used_as_a_mapping_key_is_refused_where_its_aliases_pass_the_node_limit()
    {
        var text = AliasLevels(10) + "? *a9\n: 1\n";
        Assert.IsTrue(text.Length < 2048);
        // Before line 6: 12,353 nodes (a3 stands for 11,111); the 4th *a3 on line 6 takes the count past 50,000.
        StringAssert.StartsWith(Refused(text), "6:25: yaml: alias *a3 repeats 11,111 nodes, which takes the file past 50,000 nodes");
    }

    [TestMethod]
    public void A_mapping_key_whose_aliases_alone_pass_the_node_limit_is_refused_at_the_key()
    {
        var text = AliasLevels(4) + $"? [{string.Join(", ", Enumerable.Repeat("*a3", 9))}]\n: 1\n";
        StringAssert.StartsWith(Refused(text), "6:19: yaml: alias *a3 repeats 11,111 nodes");
    }

    [TestMethod]
    [DataRow("description: x\n? &k [1, *k]\n: 1\n", "2:10: yaml: alias *k refers to the list or mapping it is inside of")]
    [DataRow("description: x\nnetwork: &n { shards: *n }\n", "2:23: yaml: alias *n refers to the list or mapping it is inside of")]
    [DataRow("description: x\nnetwork: *nowhere\n", "2:10: yaml: alias *nowhere has no anchor &nowhere before it")]
    public void An_alias_that_would_make_a_cycle_or_names_no_anchor_is_refused_at_the_alias(string text, string expected)
    {
        StringAssert.StartsWith(Refused(text), expected);
    }

    [TestMethod]
    public void A_file_past_the_node_limit_is_refused_at_the_first_node_past_it()
    {
        var text = "description: x\nnetwork: [" + string.Concat(Enumerable.Repeat("1, ", 60_000)) + "]\n";
        Assert.IsTrue(text.Length < ScenarioLimits.MaxFileBytes);
        // Five nodes before the list's items (the top mapping, two keys, a value, the list): item 49,996 is node 50,001.
        StringAssert.StartsWith(Refused(text), $"2:{11 + 3 * (49_996 - 1)}: yaml: the file has more than 50,000 YAML nodes");
    }

    [TestMethod]
    public void An_oversized_file_is_refused_naming_its_size_and_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("# a comment line, sixty-four bytes long with its newline ......\n", 32_768));
        Assert.AreEqual(2 * 1024 * 1024, text.Length);
        Assert.AreEqual("1:1: file: the file is 2,097,152 bytes (2 MiB); scenario files are limited to 1,048,576 bytes (1 MiB) (docs/SCENARIOS.md, Limits)", Refused(text));
        StringAssert.StartsWith(ScenarioLoader.Parse(text, File).Errors.Single().ToString(), $"{File}:1:1: file: the file is 2,097,152 bytes (2 MiB)");
    }

    [TestMethod]
    public void A_device_that_never_ends_is_refused_as_too_large_after_reading_just_past_the_limit()
    {
        if (!System.IO.File.Exists("/dev/zero")) Assert.Inconclusive("no /dev/zero here");
        _ = WarmedUp.Value;
        var outcome = ValidateProbe.RunOnFile("/dev/zero");
        Assert.AreEqual(2, outcome.Exit, outcome.Error);
        Assert.IsTrue(outcome.AllocatedBytes < Little, $"refusing allocated {outcome.AllocatedBytes:N0} bytes");
        Assert.AreEqual("1:1: file: the file is larger than 1,048,576 bytes (1 MiB); scenario files are limited to 1,048,576 bytes (1 MiB) (docs/SCENARIOS.md, Limits)",
            outcome.ErrorLines.Single()[("/dev/zero".Length + 1)..]);
        Assert.IsTrue(outcome.AllocatedBytes < 64L * 1024 * 1024, $"allocated {outcome.AllocatedBytes:N0} bytes");
    }

    [TestMethod]
    public void A_file_at_the_size_limit_is_read()
    {
        var padding = new string('#', ScenarioLimits.MaxFileBytes - Valid.Length - 1) + "\n";
        var result = ScenarioLoader.Parse(Valid + padding, File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [TestMethod]
    public void A_tab_used_for_indentation_is_reported_at_its_own_line()
    {
        StringAssert.StartsWith(Refused(Valid.Replace("    validators: 6", "\tvalidators: 6", StringComparison.Ordinal)), "12:1: yaml: not valid YAML:");
        StringAssert.EndsWith(Refused(Valid.Replace("    validators: 6", "\tvalidators: 6", StringComparison.Ordinal)), "Indent with spaces, not tabs.");
    }

    private static readonly string Huge = new('9', 100_000);

    [TestMethod]
    [DataRow("  shards: 2", "  shards: {0}", "3:11: network.shards: expected a whole number, got '9999999999999999999999999999999999999999…', which is too large")]
    [DataRow("  time: 60s", "  time: {0}s", "20:9: duration.time: expected a duration with a unit such as 2s, 500ms, 1m30s or 2h, got '9999999999999999999999999999999999999999…'")]
    [DataRow("    stake: 1_000_000", "    stake: {0}", "13:12: cohorts[1].stake: expected an amount of ONE such as 1000000, 1_000_000 or 10_000.5, got '9999999999999999999999999999999999999999…'")]
    [DataRow("  harmony_vote_share: 49%", "  harmony_vote_share: {0}%", "6:23: network.harmony_vote_share: expected a share such as 68% or 0.68, got '9999999999999999999999999999999999999999…'")]
    [DataRow("    targets: [others]", "    targets: [x{0}]", "17:15: faults[0].targets[0]: unknown cohort 'x999999999999999999999999999999999999999…'")]
    // A key past 1,024 characters must be written as an explicit key (YAML's limit on implicit keys).
    [DataRow("  shards: 2", "  shards: 2\n  ? x{0}\n  : 1", "4:5: network.x999999999999999999999999999999999999999…: unknown field 'x999999999999999999999999999999999999999…'")]
    [DataRow("  shards: 2", "  shards: 2\n  quorum: x{0}", "4:11: network.quorum: expected one of count, stake, got 'x999999999999999999999999999999999999999…'")]
    [DataRow("description: test", "description: test\n? x{0}\n: 1\n? x{0}\n: 2", "4:3: yaml: not valid YAML: Duplicate key x999999999999999999999999999999999999999…")]
    [DataRow("    targets: [others]", "    targets: [*x{0}]", "17:15: yaml: alias *x999999999999999999999999999999999999999… has no anchor &x999999999999999999999999999999999999999… before it")]
    public void A_100000_character_value_is_echoed_cut_short(string line, string replacement, string expected)
    {
        var text = Valid.Replace(line + "\n", string.Format(System.Globalization.CultureInfo.InvariantCulture, replacement, Huge) + "\n", StringComparison.Ordinal);
        using var probe = new ValidateProbe();
        var outcome = probe.Run(text);
        Assert.AreEqual(2, outcome.Exit, outcome.Error[..Math.Min(2000, outcome.Error.Length)]);
        Assert.IsTrue(outcome.Error.Split('\n').All(l => l.Length < outcome.Path.Length + 400), $"a line of stderr is long:{Environment.NewLine}{outcome.Error[..Math.Min(2000, outcome.Error.Length)]}");
        Assert.IsTrue(outcome.ErrorLines.Any(l => l[(outcome.Path.Length + 1)..].StartsWith(expected, StringComparison.Ordinal)),
            $"expected an error starting '{expected}', got:{Environment.NewLine}{outcome.Error}");
    }
}
