using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// The game-of-stakes scoreboard (docs/GAME-OF-STAKES.md, "Scoring"): every team scored from the run's record, its
/// validators always aggregated (the Sybil rule: many validators from one budget are one team), ranked by score, ties by
/// name. Everything it reads is part of the deterministic run, so the scoreboard is the same on one silo or several.
/// </summary>
public static class Scoreboard
{
    /// <summary>Points for a fully signed run (uptime 1).</summary>
    public const double UptimePoints = 100;

    /// <summary>Points for earning every reward the run paid validators (the team's share of them: the same scale whatever the issuance or the run's length).</summary>
    public const double RewardPoints = 100;

    /// <summary>Points taken per unit of stake lost over the budget (half the budget slashed is −500 points).</summary>
    public const double LossPoints = 1_000;

    /// <summary>Points for the whole of one shard's voting power held in some epoch.</summary>
    public const double PowerPoints = 100;

    /// <summary>Points for each kind of attack achieved, and taken away for each punishment (a slash or a jailing).</summary>
    public const double AttackPoints = 50;

    public static IReadOnlyList<TeamScore> From(RunRecord result, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(checks);
        var plan = result.Plan;
        if (plan.Teams.Count == 0) return [];
        var staking = result.Shards[0].Staking;
        var forked = checks.Any(c => c.Name == "safety" && !c.Passed);
        var allRewards = staking?.RewardsByNode.Values.Sum() ?? 0;
        var scores = plan.Teams.Select(team =>
        {
            var nodes = plan.Nodes.Where(n => team.Cohorts.Contains(n.Cohort)).Select(n => n.Id).ToHashSet();
            var signing = nodes.Select(n => staking?.SigningByNode?.GetValueOrDefault(n)).OfType<SigningRecord>().ToList();
            var toSign = signing.Aggregate(0UL, (sum, s) => sum + s.ToSign);
            var uptime = toSign == 0 ? 0 : (double)signing.Aggregate(0UL, (sum, s) => sum + s.Signed) / toSign;
            var rewards = nodes.Sum(n => staking?.RewardsByNode.GetValueOrDefault(n) ?? 0);
            var lost = staking?.Slashed.Where(s => nodes.Contains(s.Node)).Sum(s => s.Amount) ?? 0;
            var punished = (staking?.Slashed.Count(s => nodes.Contains(s.Node)) ?? 0) + (staking?.Jailed.Count(j => nodes.Contains(j.Node)) ?? 0);
            var power = MaxShardPower(team, staking, plan.Shards);
            var attacks = Attacks(team, result, power, forked);
            var years = result.SimulatedTime.TotalSeconds / Protocol.Staking.Rewards.AnnualInflation.Year.TotalSeconds;
            var yield = years <= 0 ? 0 : (double)(rewards / team.Budget) / years;
            var share = allRewards == 0 ? 0 : (double)(rewards / allRewards);
            var score = UptimePoints * uptime + RewardPoints * share - LossPoints * (double)(lost / team.Budget) + PowerPoints * (double)power
                + AttackPoints * (attacks.Count - punished);
            return new TeamScore(0, team.Name, Math.Round(score, 6), team.Strategy, team.Budget, nodes.Count, Math.Round(uptime, 6), rewards,
                Math.Round(share, 6), Math.Round(yield, 6), lost, Math.Round((double)power, 6), attacks, punished);
        }).OrderByDescending(s => s.Score).ThenBy(s => s.Team, StringComparer.Ordinal).ToList();
        return [.. scores.Select((s, i) => s with { Rank = i + 1 })];
    }

    /// <summary>The most of one shard's voting power the team's cohorts held together in any epoch.</summary>
    private static decimal MaxShardPower(TeamPlan team, StakingRunResult? staking, int shards)
    {
        var max = 0m;
        foreach (var election in staking?.Elections ?? [])
            for (var shard = 0; shard < shards; shard++)
                max = Math.Max(max, team.Cohorts.Sum(c => election.CohortShardPower?.GetValueOrDefault(c) is { } p && shard < p.Count ? p[shard] : 0));
        return max;
    }

    /// <summary>
    /// The attacks a team achieved: voting power to halt a shard (over 1/3) or to fork it (over 2/3) in some epoch,
    /// whatever its strategy; and, for a team that misbehaved, a shard halted (no commit for longer than the liveness
    /// bound) during one of its windows, and a fork (the safety check failed).
    /// </summary>
    private static List<string> Attacks(TeamPlan team, RunRecord result, decimal power, bool forked)
    {
        var attacks = new List<string>();
        if (power > 1m / 3) attacks.Add("capture-1/3");
        if (power > 2m / 3) attacks.Add("capture-2/3");
        if (team.Active.Count == 0) return attacks;
        var halted = result.Tallies.Where(t => t.Halts.Any(h => team.Active.Any(w => w.Overlaps(h.From, h.To)))).Select(t => t.Shard).ToList();
        if (halted.Count > 0) attacks.Add($"halt (shard {string.Join(", ", halted)})");
        if (forked) attacks.Add("fork");
        return attacks;
    }
}

/// <summary>
/// One team's line of the scoreboard: rank, score and what it is made of (amounts in ONE; the reward share is of all
/// rewards paid to validators; the yield, for information, is rewards over the budget per year of virtual time).
/// </summary>
public sealed record TeamScore(
    int Rank, string Team, double Score, string Strategy, decimal Budget, int Validators, double Uptime, decimal Rewards, double RewardShare, double BudgetYield, decimal StakeLost,
    double MaxShardVotingPower, IReadOnlyList<string> AttacksAchieved, int AttacksPunished);
