using System.Numerics;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Silo.Scenarios;

using HarmonySim.Simulation.Plans;

using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class BundledScenarioTests
{
    private static string Folder => ScenarioFolder.Find(AppContext.BaseDirectory) ?? throw new AssertFailedException("no scenarios/ folder above the test binaries");

    private static Scenario Load(string name)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(Folder, name));
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    [TestMethod]
    public void The_five_runtime_scenarios_are_bundled()
    {
        var names = ScenarioFolder.Bundled(AppContext.BaseDirectory).Select(Path.GetFileName).ToList();
        CollectionAssert.IsSubsetOf(new[] { "quickstart.yaml", "mainnet-2020.yaml", "leader-isolation.yaml", "partition-no-quorum.yaml", "scale-10k.yaml" }, names);
    }

    [TestMethod]
    public void Every_bundled_scenario_validates_and_starts_with_a_comment_block()
    {
        foreach (var file in ScenarioFolder.Bundled(AppContext.BaseDirectory))
        {
            var result = ScenarioLoader.LoadFile(file);
            Assert.IsTrue(result.IsValid, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            Assert.IsEmpty(result.Warnings, $"{file}: a bundled scenario loads without warnings");
            Assert.IsTrue(File.ReadAllLines(file)[0].StartsWith("# ", StringComparison.Ordinal), $"{file} starts with a comment saying what it shows");
            Assert.AreEqual(Path.GetFileNameWithoutExtension(file), result.Scenario!.Name, "a bundled scenario's name is its file name");
        }
    }

    [TestMethod]
    public void Quickstart_is_one_shard_of_sixteen_single_key_validators_for_sixty_seconds()
    {
        var s = Load("quickstart.yaml");
        Assert.AreEqual(1, s.Network.Shards);
        Assert.AreEqual(16, s.ValidatorCount);
        Assert.AreEqual(16, s.KeyCount);
        Assert.IsTrue(s.Cohorts.All(c => c.KeysPerNode == 1));
        Assert.AreEqual(DurationSpec.ForTime(TimeSpan.FromSeconds(60)), s.Duration);
        Assert.AreEqual(SignatureSchemeKind.Simulated, s.Network.SignatureScheme);
    }

    [TestMethod]
    public void Mainnet_2020_has_170_of_250_harmony_slots_per_shard_with_68_percent_of_the_vote()
    {
        var s = Load("mainnet-2020.yaml");
        Assert.AreEqual(4, s.Network.Shards);
        Assert.AreEqual(250, s.Network.SlotsPerShard);
        Assert.AreEqual(170, s.Network.HarmonySlotsPerShard);
        Assert.AreEqual(0.68m, s.Network.HarmonyVoteShare);
        Assert.AreEqual(QuorumMode.ByVotingPower, s.Network.Quorum);
        Assert.AreEqual(TimeSpan.FromSeconds(2), s.Network.BlockTime);
        Assert.AreEqual(1000, s.KeyCount);
    }

    [TestMethod]
    public void Leader_isolation_cuts_a_shards_leader_off_for_sixty_seconds()
    {
        var s = Load("leader-isolation.yaml");
        var fault = s.Faults.Single();
        Assert.AreEqual(FaultKind.IsolateLeader, fault.Kind);
        Assert.AreEqual(TimeSpan.FromSeconds(60), fault.Duration);
        Assert.IsTrue(fault.Targets.All(t => t.Shard is not null));
    }

    [TestMethod]
    public void Partition_no_quorum_leaves_no_side_above_two_thirds_and_declares_the_outage()
    {
        var s = Load("partition-no-quorum.yaml");
        var partition = s.Faults.Single(f => f.Kind == FaultKind.Partition);
        var heal = s.Faults.Single(f => f.Kind == FaultKind.Heal);
        Assert.IsTrue(heal.At > partition.At);
        Assert.AreEqual(1, s.Network.Shards, "the power computation below assumes one shard");

        // The committee as the runtime will build it: Harmony keys (no stake) first, then external keys by stake.
        var slots = s.Cohorts.OrderBy(c => c.HarmonyOperated ? 0 : 1)
            .SelectMany(c => Enumerable.Repeat((Cohort: c.Name, Stake: c.HarmonyOperated ? (BigInteger?)null : new BigInteger(c.StakePerKey!.Min)), c.Keys)).ToList();
        var power = VotingPower.Compute(slots.Select(x => x.Stake).ToList(), slots.Select(_ => true).ToList(), s.Network.HarmonyShareFixedPoint);
        foreach (var side in partition.Groups)
        {
            var sidePower = slots.Select((slot, i) => side.Contains(slot.Cohort) ? power[i] : 0).Sum();
            Assert.IsTrue(sidePower <= VotingPower.TwoThirds, $"side {string.Join(",", side)} holds {sidePower} of {VotingPower.One}");
        }
        var window = s.Checks.ExpectedOutages.Single();
        Assert.IsTrue(window.Contains(partition.At) && window.To == heal.At, "the declared outage is the partition, from its start to the heal");
    }

    [TestMethod]
    public void Scale_10k_has_four_shards_of_2500_keys()
    {
        var s = Load("scale-10k.yaml");
        Assert.AreEqual(4, s.Network.Shards);
        Assert.AreEqual(2500, s.Network.SlotsPerShard);
        Assert.AreEqual(10_000, s.KeyCount);
    }

    /// <summary>Plain transfers per second the network's blocks can hold: whole transfers per block, every shard, at the block time.</summary>
    private static decimal TransferCeiling(Scenario s) =>
        s.Network.Shards * (decimal)(s.Load!.BlockGasLimit / Protocol.Chain.Transactions.Transfer.IntrinsicGas) / (decimal)s.Network.BlockTime.TotalSeconds;

    [TestMethod]
    public void Throughput_mainnet_2020_is_mainnet_2020_offered_97_percent_of_its_gas_ceiling()
    {
        var s = Load("throughput-mainnet-2020.yaml");
        var mainnet = Load("mainnet-2020.yaml");
        Assert.AreEqual(mainnet.Network, s.Network);
        CollectionAssert.AreEqual(mainnet.Cohorts.ToArray(), s.Cohorts.ToArray());
        Assert.AreEqual(mainnet.Latency.Jitter, s.Latency.Jitter);
        Assert.AreEqual(mainnet.Latency.Loss, s.Latency.Loss);
        var source = s.Load!.Sources.Single();
        var ceiling = TransferCeiling(s);
        Assert.AreEqual(7_618m, ceiling, "3,809 transfers per 2 s block on each of 4 shards");
        Assert.AreEqual(new ConstantRate(7_400), source.Rate);
        Assert.AreEqual(0.1m, source.Mix.CrossShard);
        Assert.AreEqual(20_000, source.Accounts.Count);
        Assert.AreEqual(DurationSpec.ForTime(TimeSpan.FromSeconds(60)), s.Duration);
    }

    [TestMethod]
    public void Throughput_ramp_steps_across_the_gas_ceiling_and_lasts_past_its_last_step()
    {
        var s = Load("throughput-ramp.yaml");
        Assert.AreEqual((4, 2, QuorumMode.ByVotingPower, 0.68m, SignatureSchemeKind.Simulated),
            (s.Network.Shards, (int)s.Network.BlockTime.TotalSeconds, s.Network.Quorum, s.Network.HarmonyVoteShare, s.Network.SignatureScheme));
        var steps = (StepsRate)s.Load!.Sources.Single().Rate;
        Assert.AreEqual(new StepsRate(6_000, 8_400, 200, TimeSpan.FromSeconds(30), TimeSpan.Zero), steps);
        var ceiling = TransferCeiling(s);
        Assert.IsTrue(steps.From < ceiling && ceiling < steps.Peak);
        Assert.IsTrue(s.Duration.Time > steps.LastStepAt, "the run offers the last step");
        Assert.AreEqual(TransactionSigning.Simulated, s.Load.Signing);
    }

    [TestMethod]
    public void Throughput_burst_overflows_its_block_capacity_during_a_burst_only()
    {
        var s = Load("throughput-burst.yaml");
        var burst = (BurstRate)s.Load!.Sources.Single().Rate;
        var capacity = TransferCeiling(s);
        Assert.IsTrue(burst.Base < capacity && burst.PeakRate > capacity, $"base {burst.Base} and peak {burst.PeakRate} around a capacity of {capacity} tx/s");
        // What a burst leaves queued drains before the next one.
        var queued = (burst.PeakRate - capacity) * (decimal)burst.For.TotalSeconds;
        Assert.IsTrue(queued / (capacity - burst.Base) < (decimal)(burst.Every - burst.For).TotalSeconds);
        Assert.AreEqual(3, burst.Bursts(s.Duration.Time!.Value));
    }

    [TestMethod]
    public void The_other_throughput_scenarios_are_small_and_steady_or_traced()
    {
        var steady = Load("throughput-steady.yaml");
        Assert.AreEqual(2, steady.Network.Shards);
        Assert.AreEqual(TransactionSigning.Real, steady.Load!.Signing);
        Assert.IsInstanceOfType<ConstantRate>(steady.Load.Sources.Single().Rate);
        Assert.IsTrue(steady.Duration.Time >= TimeSpan.FromSeconds(30) && steady.Duration.Time <= TimeSpan.FromSeconds(60));
        var trace = (TraceRate)Load("throughput-trace.yaml").Load!.Sources.Single().Rate;
        Assert.IsTrue(trace.Entries.Length is >= 10 and <= 20);
        Assert.IsTrue(trace.Entries.Zip(trace.Entries.Skip(1)).All(p => p.Second.At - p.First.At == TimeSpan.FromSeconds(10)), "one rate per 10 s");
    }

    [TestMethod]
    public void A_network_maps_onto_the_protocol_librarys_fbft_configuration()
    {
        var config = Load("mainnet-2020.yaml").Network.ToFbftConfig();
        Assert.AreEqual(TimeSpan.FromSeconds(2), config.BlockPeriod);
        Assert.AreEqual(TimeSpan.FromSeconds(27), config.PhaseTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(45), config.ViewChangeSlot);
        Assert.AreEqual(16_384UL, config.BlocksPerEpoch);
        Assert.IsFalse(config.Rotation.Enabled);
    }

    [TestMethod]
    public void The_default_timing_equals_the_protocol_librarys_mainnet_defaults()
    {
        var defaults = new HarmonySim.Protocol.Consensus.FbftConfig();
        var timing = new TimingSpec();
        Assert.AreEqual(defaults.PhaseTimeout, timing.PhaseTimeout);
        Assert.AreEqual(defaults.ViewChangeTimeout, timing.ViewChangeTimeout);
        Assert.AreEqual(defaults.ViewChangeSlot, timing.ViewChangeSlot);
        Assert.AreEqual(defaults.BootstrapTimeout, timing.BootstrapTimeout);
        Assert.AreEqual(defaults.MinCommitGrace, timing.CommitGrace);
        Assert.AreEqual(defaults.BlocksPerEpoch, new NetworkSpec().BlocksPerEpoch);
        Assert.AreEqual(defaults.BlockPeriod, new NetworkSpec().BlockTime);
    }

    [TestMethod]
    public void The_default_latency_matrix_is_square_symmetric_and_positive()
    {
        var m = LatencySpec.DefaultOneWayMs;
        Assert.AreEqual(LatencySpec.DefaultRegions.Length, m.Length);
        for (var i = 0; i < m.Length; i++)
        {
            Assert.AreEqual(m.Length, m[i].Length);
            for (var j = 0; j < m.Length; j++)
            {
                Assert.AreEqual(m[i][j], m[j][i]);
                Assert.IsTrue(m[i][j] > 0);
            }
        }
    }
}
