using HarmonySim.Grains.Interfaces.Scenarios;
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
        latency:
          regions: [us-east]
          jitter: 2ms
        duration:
          time: 140s
        checks:
          liveness_max_gap: 30s
        """;

    private static RunOutcome? _outcome;

    private static async Task<RunOutcome> Outcome()
    {
        if (_outcome is not null) return _outcome;
        var loaded = ScenarioLoader.Parse(Yaml, "staking-small.yaml");
        var scenario = loaded.Scenario ?? throw new AssertFailedException(string.Join("; ", loaded.Errors));
        scenario = scenario with
        {
            Cohorts = [.. scenario.Cohorts.Select(c => c.Name == "cheaters" ? c with { Behaviour = CohortBehaviour.DoubleSignFrom, DoubleSignFrom = TimeSpan.FromSeconds(65) } : c)],
            Duration = DurationSpec.ForEpochs(5),
            Staking = new StakingSpec(),
        };
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
}
