using System.Globalization;
using CsCheck;
using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// Scenario text in the quickstart's shape with every numeric field pushed to its extremes (and past them) goes
/// through the loader, the plan builder, the estimate and the limit check the way <c>validate</c> and <c>run</c> do,
/// and ends as "valid" or "bad input" (exit 0 or 2): never another exception, never a non-finite estimate.
/// </summary>
[TestClass]
public sealed class RunEstimatePropertyTests
{
    private static readonly MachineLimits Limits = new(16.0 * 1024 * 1024 * 1024, 50.0 * 1024 * 1024 * 1024, MachineLimits.DefaultWallCeiling);

    private static readonly string[] Fields =
        ["duration.time", "duration.blocks", "duration.epochs", "network.slots_per_shard", "cohorts[].validators"];

    /// <summary>Mostly an ordinary value, so most files reach the plan and the estimate; now and then an extreme one, in range or just past it.</summary>
    private static Gen<string> Field(Gen<string> ordinary, params string[] extremes) => Gen.Frequency((4, ordinary), (1, Gen.OneOf(extremes)));

    private static Gen<string> Text(params string[] values) => Gen.OneOf(values);

    private static readonly Gen<string> Durations = Field(
        Gen.Long[1, 3_600_000].Select(ms => $"{ms}ms"),
        "1ms", "0.0001ms", "0ms", "100000h", "100001h", "99999999999999999999h", "1h1ms", "2562047h", "59m59.9999999s", "360000000000ms");

    private static readonly Gen<string> Counts = Field(
        Gen.Long[1, 10_000].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        "0", "1", "1_000_000", "1_000_000_000", "1_000_000_001", "9223372036854775807", "9223372036854775808", "99999999999999999999999");

    private static readonly Gen<string> Amounts = Field(
        Gen.Long[1, 100_000_000_000].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        "0.000000000000000001", "1", "10_000", "100_000_000_000", "100_000_000_001", "79228162514264337593543950335", "1e30");

    private static readonly Gen<string> Bandwidths = Field(
        Gen.Double[0.001, 1_000_000].Select(b => b.ToString("0.###", CultureInfo.InvariantCulture)),
        "0.0000000000000000000001", "0.001", "0.0009", "1000000", "1000001", "99999999999999999999999999999");

    private static readonly Gen<string> Latencies = Field(
        Gen.Double[0, 60_000].Select(ms => ms.ToString("0.###", CultureInfo.InvariantCulture)),
        "0", "60000", "60000.0001", "0.0000001", "99999999999999999999999999999");

    private static readonly Gen<string> Jitters = Field(Gen.Int[0, 60_000].Select(ms => $"{ms}ms"), "0s", "60s", "61s", "1ms", "100000h");

    private static readonly Gen<string> Seeds = Field(
        Gen.Long[0, long.MaxValue].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        "0", "9223372036854775807", "9223372036854775808", "18446744073709551615", "99999999999999999999999");

    private static readonly Gen<string> BlockTimes = Field(Gen.Int[1, 3_600_000].Select(ms => $"{ms}ms"), "1ms", "1h", "0ms", "1h1ms", "0.5ms");

    private static readonly Gen<(int Shards, int Slots, int Harmony, int KeysPerNode)> Sizes = Gen.Frequency(
        (6, from shards in Gen.Int[1, 4] from slots in Gen.Int[1, 40] from harmony in Gen.Int[0, slots] select (shards, slots, harmony, 1)),
        (1, Gen.OneOf(Gen.Const((64, 25_000, 1, 1000)), Gen.Const((64, 25_000, 25_000, 1)), Gen.Const((65, 1, 1, 1)), Gen.Const((1, 25_001, 1, 1)),
            Gen.Const((8, 1_000, 100, 10)), Gen.Const((64, 1_600, 160, 1)))));

    private static readonly Gen<string> Scenarios =
        from size in Sizes
        from duration in Gen.Frequency((4, Durations.Select(d => $"time: {d}")), (2, Counts.Select(c => $"blocks: {c}")), (1, Counts.Select(c => $"epochs: {c}")))
        from stake in Gen.OneOf(Gen.Const(""), Amounts.Select(a => $"    stake: {a}\n"),
            from min in Amounts from max in Amounts select $"    stake: {{ min: {min}, max: {max} }}\n")
        from bandwidth in Gen.OneOf(Gen.Const(""), Bandwidths.Select(b => $"  bandwidth_mbps: {b}\n"))
        from near in Latencies
        from far in Latencies
        from jitter in Jitters
        from seed in Seeds
        from blockTime in BlockTimes
        from blocksPerEpoch in Text("1", "32768", "1_000_000_000")
        from faulted in Gen.Bool
        from faultAt in Durations
        from faultLength in Durations
        select Yaml(size, duration, stake, bandwidth, near, far, jitter, seed, blockTime, blocksPerEpoch, faulted ? faultAt : null, faultLength);

    /// <summary>The quickstart's shape: a Harmony cohort and a community cohort filling the slots, with the values given.</summary>
    private static string Yaml((int Shards, int Slots, int Harmony, int KeysPerNode) size, string duration, string stake, string bandwidth,
        string near, string far, string jitter, string seed, string blockTime, string blocksPerEpoch, string? faultAt, string faultLength)
    {
        var harmonyKeys = (long)size.Shards * size.Harmony;
        var externalKeys = (long)size.Shards * (size.Slots - size.Harmony);
        var quorum = stake.Length == 0 ? "count" : "stake";
        var share = quorum == "stake" && size.Harmony > 0 && size.Harmony < size.Slots ? "  harmony_vote_share: 49%\n" : "";
        var cohorts = "";
        if (harmonyKeys > 0)
            cohorts += $"  - name: harmony\n    validators: {Math.Max(1, harmonyKeys / size.KeysPerNode)}\n    keys_per_node: {size.KeysPerNode}\n    harmony_operated: true\n    region: us-east\n";
        if (externalKeys > 0)
            cohorts += $"  - name: community\n    validators: {Math.Max(1, externalKeys / size.KeysPerNode)}\n    keys_per_node: {size.KeysPerNode}\n    region: eu-west\n{stake}";
        var fault = externalKeys > 0 && faultAt is not null ? $"faults:\n  - {{ at: {faultAt}, kind: crash, targets: [community], duration: {faultLength} }}\n" : "";
        return $"""
            name: extreme
            description: the quickstart with extreme values
            seed: {seed}
            network:
              shards: {size.Shards}
              slots_per_shard: {size.Slots}
              harmony_slots_per_shard: {size.Harmony}
              quorum: {quorum}
              block_time: {blockTime}
              blocks_per_epoch: {blocksPerEpoch}
              view_change_leaders: {(size.Harmony == 0 ? "all-validators" : "harmony-keys")}
            {share}cohorts:
            {cohorts}latency:
              regions: [us-east, eu-west]
              one_way_ms: [[{near}, {far}], [{far}, {near}]]
              jitter: {jitter}
            {bandwidth}duration:
              {duration}
            {fault}
            """;
    }

    /// <summary>What validate would exit with: 0 valid and fits, 2 refused (by the loader, the builder or the limits).</summary>
    private static int Outcome(string yaml)
    {
        var loaded = ScenarioLoader.Parse(yaml, "extreme.yaml");
        if (loaded.Scenario is not { } s) return HarmonySimCommand.BadInput;
        try
        {
            var estimate = RunEstimate.Of(RunPlanBuilder.Build(s, "extreme-run"));
            double[] figures = [estimate.Blocks, estimate.Deliveries, estimate.MemoryBytes, estimate.OutputBytes, estimate.WallSeconds, estimate.WallSecondsPerHour];
            if (figures.Any(f => !double.IsFinite(f) || f < 0)) throw new AssertFailedException($"an estimate is not a finite non-negative number: {estimate}");
            _ = ValidateCommand.Summary("extreme.yaml", s);
            _ = EstimateText.Line(estimate, Limits);
            var refusals = RunLimitCheck.Refusals(estimate, Limits);
            if (refusals.Any(r => !Fields.Any(f => r.StartsWith(f + ": ", StringComparison.Ordinal))))
                throw new AssertFailedException($"a refusal does not start with a scenario field: {string.Join(" | ", refusals)}");
            return refusals.Count == 0 ? 0 : HarmonySimCommand.BadInput;
        }
        catch (ScenarioNotRunnableException e)
        {
            Assert.IsTrue(e.Reasons.Count > 0 && e.Reasons.All(r => r.Length > 0));
            return HarmonySimCommand.BadInput;
        }
    }

    [TestMethod]
    public void Extreme_values_in_every_numeric_field_end_as_valid_or_bad_input_never_a_crash()
    {
        var outcomes = new int[3];
        Scenarios.Sample(yaml =>
        {
            var exit = Outcome(yaml);
            Interlocked.Increment(ref outcomes[exit]);
        }, iter: 400, print: yaml => yaml);
        // The generator must reach the estimate, not just the loader's errors, for the property to say anything.
        Assert.IsGreaterThan(20, outcomes[0], $"valid and fitting: {outcomes[0]}, refused: {outcomes[2]}");
        Assert.IsGreaterThan(20, outcomes[2], $"valid and fitting: {outcomes[0]}, refused: {outcomes[2]}");
    }

    [TestMethod]
    [DataRow("99999999999999999999h")]
    [DataRow("79228162514264337593543950335ms")]
    public void A_duration_beyond_decimal_is_refused_as_too_long_not_thrown(string text)
    {
        // The multiplication by the unit's ticks overflowed decimal (found by the property above).
        StringAssert.Contains(ScenarioValues.TryParseDuration(text, out _), "which is longer than 100000 h");
    }

    [TestMethod]
    public void Each_bundled_scenario_fits_a_16_GiB_machine_with_50_GiB_free()
    {
        foreach (var file in ScenarioFolder.Bundled(AppContext.BaseDirectory))
        {
            var s = ScenarioLoader.LoadFile(file).Scenario ?? throw new AssertFailedException(file);
            var refusals = RunLimitCheck.Refusals(RunEstimate.Of(RunPlanBuilder.Build(s, "bundled")), Limits);
            Assert.IsEmpty(refusals, $"{file}: {string.Join(" | ", refusals)}");
        }
    }
}
