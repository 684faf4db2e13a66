using System.Globalization;
using System.Text;

namespace HarmonySim.Silo.Reports.Adversaries;

/// <summary>report.md's "Adversaries" section: one table row per adversary, then each one's aims in words (nothing without adversaries).</summary>
public static class AdversaryMarkdown
{
    public static void Append(StringBuilder md, IReadOnlyList<AdversaryVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0) return;
        md.AppendLine();
        md.AppendLine("## Adversaries");
        md.AppendLine();
        md.AppendLine("One verdict per cohort that misbehaved (docs/GAME-OF-STAKES.md, \"Verdicts\"); amounts in ONE, times in virtual seconds.");
        md.AppendLine();
        md.AppendLine("| cohort | team | behaviour | window | nodes / keys | voting power at start | achieved | evidence / slashed / jailed / banned | rewards (honest rate) | forgone | stake lost | view changes | longest stall | recovery |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var v in verdicts)
        {
            var window = $"{Stats.Format(v.Window.FromS)}–{(v.Window.UntilS is { } u ? Stats.Format(u) : "end")}";
            var power = string.Join(" / ", v.Size.ShardVotingPower.Select(p => p.ToString("0.####", CultureInfo.InvariantCulture)));
            var p = v.Punishment;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Cohort} | {v.Team ?? "—"} | {v.Behaviour} | {window} | {v.Size.Nodes} / {v.Size.Keys} | {power} | {(v.Achieved.Count == 0 ? "nothing" : string.Join(", ", v.Achieved))} | {p.EvidenceIncluded} / {p.Slashed:0.##} / {p.Jailed} / {p.Banned} | {v.Cost.Rewards:0.######} ({v.Cost.HonestRewards:0.######}) | {v.Cost.RewardsForgone:0.######} | {v.Cost.StakeLost:0.##} | {v.Answer.ViewChanges} | {Stats.Format(v.Answer.LongestStallS)} | {(v.Answer.RecoveryS is { } r ? Stats.Format(r) : "—")} |");
        }
        md.AppendLine();
        foreach (var v in verdicts)
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{v.Cohort}** ({v.Behaviour}): {string.Join("; ", v.Aims.Select(a => $"{a.Aim} {(a.Achieved ? "achieved" : "not achieved")} — {a.Detail}"))}.");
    }
}
