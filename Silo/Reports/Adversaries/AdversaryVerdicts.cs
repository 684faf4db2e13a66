using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Reports.Adversaries;

/// <summary>
/// Builds one <see cref="AdversaryVerdict"/> per adversary of the plan from what the run already produced: the shard
/// tallies (halts, and each adversary's window), the checks, elections, slashes, jails, bans and rewards (the data the
/// scoreboard reads). Nothing here is in the event log, so the digest does not change.
/// </summary>
public static class AdversaryVerdicts
{
    public static IReadOnlyList<AdversaryVerdict> From(RunRecord run, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(checks);
        var plan = run.Plan;
        if (plan.Adversaries.Count == 0) return [];
        var staking = run.Shards[0].Staking;
        var adversarial = plan.Adversaries.Select(a => a.Cohort).ToHashSet(StringComparer.Ordinal);
        var honest = plan.Nodes.Where(n => n.StakePerKey is not null && n.JoinsAt is null && !adversarial.Contains(n.Cohort)).ToList();
        var honestStake = honest.Sum(GenesisStake);
        var honestRate = honestStake == 0 || staking is null ? 0 : honest.Sum(n => staking.RewardsByNode.GetValueOrDefault(n.Id)) / honestStake;
        var totalStake = plan.Nodes.Where(n => n.JoinsAt is null).Sum(GenesisStake);
        return [.. plan.Adversaries.Select((adversary, index) =>
        {
            var nodes = plan.Nodes.Where(n => n.Cohort == adversary.Cohort).ToList();
            var ids = nodes.Select(n => n.Id).ToHashSet();
            var shards = nodes.Select(n => n.Shard).Distinct().Order().ToList();
            var (start, max) = Power(plan, staking, adversary.Cohort, nodes);
            var context = new AdversaryContext(adversary, index, nodes, shards, run, checks, max);
            var aims = AdversaryAims.All.Select(aim => aim(context)).OfType<AimResult>().ToList();
            var stake = nodes.Where(n => n.JoinsAt is null).Sum(GenesisStake);
            var slashes = staking?.Slashed.Where(s => ids.Contains(s.Node)).ToList() ?? [];
            var rewards = staking is null ? 0 : nodes.Sum(n => staking.RewardsByNode.GetValueOrDefault(n.Id));
            var honestRewards = Math.Round(honestRate * stake, 9);
            var slashed = slashes.Sum(s => s.Amount);
            return new AdversaryVerdict(
                adversary.Cohort, adversary.Team, adversary.Behaviour,
                new VerdictWindow(adversary.From.TotalSeconds, adversary.Until?.TotalSeconds),
                new VerdictSize(nodes.Count, nodes.Sum(n => n.Keys), start, totalStake == 0 ? 0 : Math.Round((double)(stake / totalStake), 6)),
                aims, [.. aims.Where(a => a.Achieved).Select(a => a.Aim)],
                new VerdictPunishment(slashes.Count, slashed,
                    staking?.Jailed.Select(j => j.Node).Where(ids.Contains).Distinct().Count() ?? 0, staking?.Banned.Count(ids.Contains) ?? 0),
                new VerdictCost(stake, rewards, honestRewards, slashed),
                Answer(context));
        })];
    }

    /// <summary>A node's self-stake at genesis in ONE (0 for Harmony-operated nodes).</summary>
    private static decimal GenesisStake(NodePlan n) => (n.StakePerKey ?? 0) * n.Keys;

    /// <summary>
    /// The cohort's share of each shard's voting power in the first committee and the most it held in any epoch: from
    /// the elections of a staking run, else from the fixed committees.
    /// </summary>
    private static (IReadOnlyList<double> Start, IReadOnlyList<double> Max) Power(RunPlan plan, StakingRunResult? staking, string cohort, List<NodePlan> nodes)
    {
        if (staking is { Elections.Count: > 0 })
        {
            var shares = staking.Elections.OrderBy(e => e.Epoch)
                .Select(e => e.CohortShardPower?.GetValueOrDefault(cohort) is { } p ? [.. Enumerable.Range(0, plan.Shards).Select(s => s < p.Count ? (double)p[s] : 0)] : new double[plan.Shards])
                .ToList();
            return ([.. shares[0].Select(x => Math.Round(x, 6))], [.. Enumerable.Range(0, plan.Shards).Select(s => Math.Round(shares.Max(x => x[s]), 6))]);
        }
        var power = Enumerable.Range(0, plan.Shards).Select(s =>
        {
            var byNode = RunContext.VotingPowerByNode(plan, s);
            return Math.Round(nodes.Sum(n => (double)byNode.GetValueOrDefault(n.Id)) / VotingPower.One, 6);
        }).ToList();
        return (power, power);
    }

    /// <summary>The honest network's answer in the adversary's shards (<see cref="VerdictAnswer"/>).</summary>
    private static VerdictAnswer Answer(AdversaryContext c)
    {
        var windows = c.Shards.Select(s => (Shard: s, Window: c.Run.Tallies[s].Windows[c.Index])).ToList();
        double? recovery = null;
        foreach (var (shard, w) in windows)
        {
            double? r;
            if (c.Adversary.Until is { } until && until < c.Run.SimulatedTime)
                r = w.FirstCommitAfter is { } first ? (first - until).TotalSeconds : null;
            else
            {
                // An open window: the last halt inside it, from its start to the commit that ended it (if any did).
                var halt = c.Run.Tallies[shard].Halts.LastOrDefault(h => h.To >= c.Adversary.From);
                r = halt == default || halt.To >= c.Run.SimulatedTime ? null : (halt.To - halt.From).TotalSeconds;
            }
            if (r is { } value) recovery = Math.Max(recovery ?? 0, Math.Round(value, 6));
        }
        return new VerdictAnswer(windows.Sum(w => w.Window.ViewChanges), windows.Sum(w => w.Window.Commits),
            Math.Round(windows.Select(w => w.Window.LongestStall.TotalSeconds).DefaultIfEmpty(0).Max(), 6), recovery);
    }
}
