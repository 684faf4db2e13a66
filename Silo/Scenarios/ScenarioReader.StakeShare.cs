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
    /// <summary>Rounds of sizing one cohort after another before sizings that keep moving each other are refused.</summary>
    private const int JointSizingRounds = 40;

    private ImmutableArray<ReadCohort>? SizeByStakeShare(ImmutableArray<ReadCohort> cohorts, NetworkSpec network, StakingSpec? staking)
    {
        var sized = cohorts.Where(c => c.Spec.StakeShare is not null).ToList();
        if (sized.Count == 0) return cohorts;
        var errorsBefore = errors.Count;
        foreach (var cohort in sized)
            if (SizingRefusal(cohorts, cohort, network, staking) is { } refusal) Error(cohort.ShareNode!, SharePath(cohorts, cohort), refusal);
        if (errors.Count > errorsBefore) return null;

        // Several sized cohorts move each other's shares (each one's stake moves the median and the totals), so they
        // are solved in turn against the others' latest stakes until no stake moves (Gauss-Seidel): each share rises
        // with its own stake and falls with the others', and whole ONE stakes settle in a few rounds. A sized cohort
        // starts at the fixed cohorts' middle stake.
        var fixedStakes = cohorts.Where(c => c.Spec.StakeShare is null && c.Spec.StakePerKey is { IsFixed: true }).Select(c => c.Spec.StakePerKey!.Min).Order().ToList();
        var start = fixedStakes.Count > 0 ? fixedStakes[fixedStakes.Count / 2] : 0m;
        var stakes = sized.ToDictionary(c => c.Spec.Name, _ => start);
        var settled = false;
        for (var round = 0; round < JointSizingRounds && !settled; round++)
        {
            settled = true;
            foreach (var cohort in sized)
            {
                var answer = StakeShareSizing.Solve(SizingProblemOf(cohorts, cohort, network, staking, stakes));
                if (answer.StakePerKey is not { } stake)
                {
                    Error(cohort.ShareNode!, SharePath(cohorts, cohort), answer.Problem! + WithOthers(sized, cohort, stakes));
                    return null;
                }
                if (stake == stakes[cohort.Spec.Name]) continue;
                stakes[cohort.Spec.Name] = stake;
                settled = sized.Count == 1 && round == 0;
            }
        }
        if (!settled)
        {
            Error(sized[0].ShareNode!, SharePath(cohorts, sized[0]),
                $"the shares of cohorts {string.Join(", ", sized.Select(c => $"'{c.Spec.Name}'"))} cannot be sized together: their stakes still move each other after {JointSizingRounds} rounds; size fewer of them or give some a stake");
            return null;
        }
        var result = cohorts;
        foreach (var cohort in sized)
            result = result.Replace(cohort, cohort with { Spec = cohort.Spec with { StakePerKey = StakeSpec.Fixed(stakes[cohort.Spec.Name]) } });
        return result;
    }

    /// <summary>Why a cohort cannot be sized at all, whatever the stakes: null when it can.</summary>
    private static string? SizingRefusal(ImmutableArray<ReadCohort> cohorts, ReadCohort cohort, NetworkSpec network, StakingSpec? staking)
    {
        var spec = cohort.Spec;
        var genesis = GenesisExternal(cohorts, cohort);
        return network.Quorum != QuorumMode.ByVotingPower ? "needs network.quorum: stake (with quorum: count every key has one vote, whatever its stake)"
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
    }

    /// <summary>The sizing of one cohort with every other genesis external cohort at its fixed stake or, if sized too, its latest stake.</summary>
    private static SizingProblem SizingProblemOf(ImmutableArray<ReadCohort> cohorts, ReadCohort cohort, NetworkSpec network, StakingSpec? staking, Dictionary<string, decimal> sizedStakes)
    {
        var spec = cohort.Spec;
        var limit = staking is null || staking.Resharding == ReshardingKind.Randomness ? 0 : new EposParameters(network.Shards, network.SlotsPerShard, network.HarmonySlotsPerShard, SlotsLimit: staking.SlotsLimit).EffectiveSlotsLimit;
        // A staking run grinds each node's keys into its shard, so HIP-16 keeps min(keys, limit) of them.
        int Kept(CohortSpec c) => limit > 0 ? Math.Min(c.KeysPerNode, limit) : c.KeysPerNode;
        decimal StakeOf(CohortSpec c) => c.StakeShare is not null ? sizedStakes[c.Name] : c.StakePerKey?.Min ?? 0;
        var others = GenesisExternal(cohorts, cohort)
            .SelectMany(c => Enumerable.Repeat(new SizingNode(c.Spec.Shard ?? 0, c.Spec.KeysPerNode, Kept(c.Spec), StakeOf(c.Spec)), c.Spec.Validators)).ToList();
        return new SizingProblem(
            spec.Validators, spec.KeysPerNode, Kept(spec), spec.Shard, others, spec.StakeShare!.Value, spec.Shard, network.HarmonySlotsPerShard, network.HarmonyVoteShare ?? 0,
            staking?.EffectiveStakeBound, staking is null ? 1 : MinSelfDelegationOne / spec.KeysPerNode);
    }

    private static List<ReadCohort> GenesisExternal(ImmutableArray<ReadCohort> cohorts, ReadCohort except) =>
        [.. cohorts.Where(c => c != except && !c.Spec.HarmonyOperated && c.Spec.JoinsAt is null)];

    private static string WithOthers(List<ReadCohort> sized, ReadCohort cohort, Dictionary<string, decimal> stakes) =>
        sized.Count == 1 ? "" : $" (sized together with {string.Join(", ", sized.Where(c => c != cohort).Select(c => $"'{c.Spec.Name}' at {stakes[c.Spec.Name].ToString(System.Globalization.CultureInfo.InvariantCulture)} ONE a key"))})";

    private static string SharePath(ImmutableArray<ReadCohort> cohorts, ReadCohort cohort) => $"cohorts[{cohorts.IndexOf(cohort)}].stake_share";
}
