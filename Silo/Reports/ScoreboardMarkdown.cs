using System.Globalization;
using System.Text;

namespace HarmonySim.Silo.Reports;

/// <summary>report.md's scoreboard table (nothing without teams).</summary>
public static class ScoreboardMarkdown
{
    public static void Append(StringBuilder md, IReadOnlyList<TeamScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) return;
        md.AppendLine();
        md.AppendLine("## Scoreboard");
        md.AppendLine();
        md.AppendLine("Teams ranked by score (docs/GAME-OF-STAKES.md, \"Scoring\"); a team's validators always count together.");
        md.AppendLine();
        md.AppendLine("| rank | team | score | strategy | validators | budget (ONE) | uptime | rewards (ONE) | share of rewards | yield on budget | stake lost (ONE) | max shard voting power | attacks achieved | punished |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scores)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Rank} | {s.Team} | {s.Score:0.##} | {s.Strategy} | {s.Validators} | {s.Budget:0.##} | {s.Uptime:0.####} | {s.Rewards:0.######} | {s.RewardShare:0.####} | {s.BudgetYield * 100:0.##} % | {s.StakeLost:0.##} | {s.MaxShardVotingPower:0.####} | {(s.AttacksAchieved.Count == 0 ? "none" : string.Join(", ", s.AttacksAchieved))} | {s.AttacksPunished} |");
    }
}
