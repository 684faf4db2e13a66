using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Silo.Reports;

/// <summary>One election in report.json: the epoch it elected, keys elected, median stake (ONE), keys per shard, external keys per shard.</summary>
public sealed record ElectionReport(ulong Epoch, int ElectedKeys, decimal MedianStake, IReadOnlyList<int> KeysPerShard, IReadOnlyList<int> ExternalKeysPerShard)
{
    /// <summary>Per cohort, its share of each shard's voting power in the epoch (shard order): how a cartel's delegations or a swarm's move of the median show.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<decimal>>? CohortShardPower { get; init; }
}

/// <summary>A validator as the report names it: its one1… earning address, node id and cohort.</summary>
public sealed record ValidatorRef(string Validator, int Node, string Cohort)
{
    public static ValidatorRef Of(RunPlan plan, int node) =>
        new(Bech32.EncodeAddress("one", RunContext.OwnerOf(plan, node).ToArray()), node, plan.Nodes[node].Cohort);
}

public sealed record SlashReport(string Validator, int Node, string Cohort, ulong Epoch, decimal Amount, decimal Burned);

public sealed record JailReport(string Validator, int Node, string Cohort, ulong Epoch);

/// <summary>A scripted staking transaction the chain never applied: when it was submitted, what, by whom, and why.</summary>
public sealed record RejectedStakingReport(double AtS, string Kind, string Sender, string Reason);

/// <summary>The epochs and staking sections of report.json, from the beacon chain's record of a staking run.</summary>
public static class StakingReports
{
    public static EpochsReport Epochs(StakingRunResult? staking) => staking is null ? new EpochsReport(0, [])
        : new EpochsReport(staking.EpochsCompleted, [.. staking.Elections.Select(e =>
            new ElectionReport(e.Epoch, e.ElectedKeys, e.MedianStake, e.KeysPerShard, e.ExternalKeysPerShard) { CohortShardPower = e.CohortShardPower })]);

    public static StakingReport Staking(RunPlan plan, StakingRunResult? staking)
    {
        if (staking is null) return new StakingReport([], [], []);
        return new StakingReport(
            [.. staking.Slashed.Select(s => { var v = ValidatorRef.Of(plan, s.Node); return (object)new SlashReport(v.Validator, v.Node, v.Cohort, s.Epoch, s.Amount, s.Burned); })],
            [.. staking.Jailed.Select(j => { var v = ValidatorRef.Of(plan, j.Node); return (object)new JailReport(v.Validator, v.Node, v.Cohort, j.Epoch); })],
            [.. staking.Banned.Select(n => (object)ValidatorRef.Of(plan, n))],
            [.. (staking.Rejected ?? []).Select(r => (object)new RejectedStakingReport(r.At.TotalSeconds, r.Kind, r.Sender, r.Reason))]);
    }
}
