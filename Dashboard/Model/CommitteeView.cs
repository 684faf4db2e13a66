using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Dashboard.Model;

/// <summary>One member of a shard's starting committee with its share of the shard's voting power; unstaked members hold Harmony-style slots.</summary>
public sealed record MemberView(int Node, string Cohort, int Keys, bool Unstaked, double Stake, double EffectiveStake, double VotingPower, string Behaviour);

/// <summary>A cohort's total voting power in a shard.</summary>
public sealed record CohortPower(string Cohort, int Validators, int Keys, double VotingPower);

/// <summary>
/// A shard's committee as the plan starts it: members with voting power, the median stake per key, the effective
/// stake of each member (Harmony's EPoS bounds, 0.85–1.15 of the median) and the Nakamoto coefficient (the fewest
/// validators holding more than a third of the voting power: enough to stop the shard). Elections in a staking run
/// change committees later; the staking view's events say how.
/// </summary>
public sealed record CommitteeView(int Shard, int Keys, double MedianStakePerKey, int NakamotoCoefficient, IReadOnlyList<MemberView> Members, IReadOnlyList<CohortPower> Cohorts)
{
    private const double LowerBound = 0.85;
    private const double UpperBound = 1.15;

    public static CommitteeView Of(RunPlan plan, int shard)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = plan.NodesOf(shard).OrderBy(n => n.Id).ToList();
        var keys = nodes.Sum(n => n.Keys);
        var median = Median([.. nodes.Where(n => n.StakePerKey is not null).Select(n => (double)n.StakePerKey!.Value)]);
        // The kernel's own voting power (Harmony's rules: unstaked slots share Harmony's vote, staked ones the rest by
        // effective stake; one key one vote under the count quorum), so the page shows what the quorum counts.
        var power = RunContext.VotingPowerByNode(plan, shard);
        double Effective(NodePlan n) => n.StakePerKey is { } s ? n.Keys * Math.Clamp((double)s, LowerBound * median, UpperBound * median) : 0;
        var members = nodes.Select(n => new MemberView(n.Id, n.Cohort, n.Keys, n.StakePerKey is null, (double)(n.StakePerKey ?? 0) * n.Keys,
            Effective(n), (double)power.GetValueOrDefault(n.Id) / VotingPower.One, n.Behaviour.ToString())).ToList();
        var cohorts = members.GroupBy(m => m.Cohort).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CohortPower(g.Key, g.Count(), g.Sum(m => m.Keys), g.Sum(m => m.VotingPower))).ToList();
        return new CommitteeView(shard, keys, median, Nakamoto(members), members, cohorts);
    }

    private static int Nakamoto(IReadOnlyList<MemberView> members)
    {
        var total = members.Sum(m => m.VotingPower);
        var sum = 0.0;
        var count = 0;
        foreach (var power in members.Select(m => m.VotingPower).OrderDescending())
        {
            sum += power;
            count++;
            if (sum > total / 3) return count;
        }
        return count;
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0) return 0;
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
