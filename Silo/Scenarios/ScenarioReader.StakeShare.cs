using System.Collections.Immutable;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Staking;
using HarmonySim.Silo.Scenarios.Model;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// <c>cohorts[].stake_share</c> (game of stakes, issue 13): a cohort sized by its share of the first election's voting
/// power in a shard (with <c>shard</c>) or of the network's effective stake. The node count is fixed; the stake per key
/// is solved here (<see cref="StakeShareSizing"/>), so the kernel sees a plain cohort with a fixed stake.
/// </summary>
internal sealed partial class ScenarioReader
{
    private ImmutableArray<ReadCohort>? SizeByStakeShare(ImmutableArray<ReadCohort> cohorts, NetworkSpec network, StakingSpec? staking)
    {
        var sized = cohorts.Where(c => c.Spec.StakeShare is not null).ToList();
        if (sized.Count == 0) return cohorts;
        var errorsBefore = errors.Count;
        var result = cohorts;
        foreach (var extra in sized.Skip(1))
            Error(extra.ShareNode!, SharePath(cohorts, extra), $"only one cohort may be sized by stake_share (cohort '{sized[0].Spec.Name}' is); give this one a stake");
        var cohort = sized[0];
        var spec = cohort.Spec;
        var path = SharePath(cohorts, cohort);
        var genesis = cohorts.Where(c => c != cohort && !c.Spec.HarmonyOperated && c.Spec.JoinsAt is null).ToList();
        string? problem =
            network.Quorum != QuorumMode.ByVotingPower ? "needs network.quorum: stake (with quorum: count every key has one vote, whatever its stake)"
            : spec.HarmonyOperated ? "Harmony-operated keys have no stake; give stake_share to an external cohort"
            : spec.JoinsAt is not null ? "sizes the cohort in the first election, which a cohort that joins later (joins_at) is not in"
            : spec.Shard is not null && staking is { Resharding: ReshardingKind.Randomness }
                ? "with shard and resharding: randomness the genesis shards are drawn from randomness, so a shard's share cannot be sized in advance; leave out shard (a share of the network's stake)"
            : spec.Shard is not null && network.Shards > 1 && genesis.FirstOrDefault(c => c.Spec.Shard is null) is { } loose
                ? $"with shard the sizing must know every key of the shard: pin cohort '{loose.Spec.Name}' to a shard (shard:) too"
            : genesis.FirstOrDefault(c => c.Spec.StakePerKey is { IsFixed: false } && (spec.Shard is null || network.Shards == 1 || c.Spec.Shard == spec.Shard)) is { } ranged
                ? $"cohort '{ranged.Spec.Name}' draws its stake from a range (per run seed), so the share cannot be sized in advance; give it a fixed stake"
            : staking is not null && genesis.Sum(c => (long)c.Spec.Keys) + spec.Keys > (long)network.ExternalSlotsPerShard * network.Shards
                ? $"needs every external key elected in the first election, but the genesis cohorts hold {genesis.Sum(c => (long)c.Spec.Keys) + spec.Keys} keys for {(long)network.ExternalSlotsPerShard * network.Shards} external slots"
            : null;
        if (problem is not null)
        {
            Error(cohort.ShareNode!, path, problem);
            return null;
        }
        var limit = staking is null || staking.Resharding == ReshardingKind.Randomness ? 0 : new EposParameters(network.Shards, network.SlotsPerShard, network.HarmonySlotsPerShard, SlotsLimit: staking.SlotsLimit).EffectiveSlotsLimit;
        // A staking run grinds each node's keys into its shard, so HIP-16 keeps min(keys, limit) of them.
        int Kept(CohortSpec c) => limit > 0 ? Math.Min(c.KeysPerNode, limit) : c.KeysPerNode;
        var others = genesis.SelectMany(c => Enumerable.Repeat(new SizingNode(c.Spec.Shard ?? 0, c.Spec.KeysPerNode, Kept(c.Spec), c.Spec.StakePerKey?.Min ?? 0), c.Spec.Validators)).ToList();
        var answer = StakeShareSizing.Solve(new SizingProblem(
            spec.Validators, spec.KeysPerNode, Kept(spec), spec.Shard, others, spec.StakeShare!.Value, spec.Shard, network.HarmonySlotsPerShard, network.HarmonyVoteShare ?? 0,
            staking?.EffectiveStakeBound, staking is null ? 1 : MinSelfDelegationOne / spec.KeysPerNode));
        if (answer.StakePerKey is not { } stake)
        {
            Error(cohort.ShareNode!, path, answer.Problem!);
            return null;
        }
        if (errors.Count > errorsBefore) return null;
        return result.Replace(cohort, cohort with { Spec = spec with { StakePerKey = StakeSpec.Fixed(stake) } });
    }

    private static string SharePath(ImmutableArray<ReadCohort> cohorts, ReadCohort cohort) => $"cohorts[{cohorts.IndexOf(cohort)}].stake_share";
}
