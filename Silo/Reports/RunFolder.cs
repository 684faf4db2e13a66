using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Silo.Reports;

/// <summary>Writes a run folder: report.json, report.md, events.jsonl and the scenario as run.</summary>
public static class RunFolder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public static string Write(string directory, Runs.RunOutcome outcome, string scenarioText, string scenarioFileName)
    {
        Directory.CreateDirectory(directory);
        var report = outcome.Report;
        File.WriteAllText(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(Path.Combine(directory, "events.jsonl"), string.Concat(outcome.Events.Select(e => e + "\n")));
        var plots = Plots.Write(directory, outcome.Result);
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(report, plots));
        File.WriteAllText(Path.Combine(directory, scenarioFileName), scenarioText);
        return directory;
    }

    /// <summary>runs/&lt;scenario&gt;-&lt;UTC time&gt; under <paramref name="root"/>; the wall clock only names the folder.</summary>
    public static string NewPath(string root, string scenario, DateTime utcNow) =>
        Path.Combine(root, $"{scenario}-{utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    public static string Markdown(RunReport r, IReadOnlyList<string> plots)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {r.Scenario}: {(r.Passed ? "passed" : "FAILED")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Seed {r.Seed}, digest `{r.Digest}`. {Stats.Format(r.SimulatedSeconds)} s simulated in {Stats.Format(r.WallSeconds)} s; {r.Validators} validators holding {r.Keys} keys; signature scheme `{r.Consensus.Crypto}`.");
        md.AppendLine();
        md.AppendLine("## Checks");
        md.AppendLine();
        md.AppendLine("| check | result | detail |");
        md.AppendLine("|---|---|---|");
        foreach (var c in r.Checks) md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {(c.Passed ? "pass" : "**fail**")} | {c.Detail} |");
        md.AppendLine();
        md.AppendLine("## Shards");
        md.AppendLine();
        md.AppendLine("| shard | height | view changes | block time mean / p50 / p99 (s) | finality p50 / p99 (s) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var s in r.Shards)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Id} | {s.Height} | {s.ViewChanges} | {Stats.Format(s.BlockTimeS.Mean)} / {Stats.Format(s.BlockTimeS.P50)} / {Stats.Format(s.BlockTimeS.P99)} | {Stats.Format(s.FinalityS.P50)} / {Stats.Format(s.FinalityS.P99)} |");
        md.AppendLine();
        foreach (var plot in plots) md.AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(plot)}]({plot})");
        md.AppendLine();
        md.AppendLine("## Consensus messages");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{r.Consensus.Messages} delivered, {r.Consensus.SignaturesVerified} signature checks.");
        md.AppendLine();
        md.AppendLine("| type | delivered |");
        md.AppendLine("|---|---|");
        foreach (var (type, count) in r.Consensus.MessagesByType) md.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {count} |");
        md.AppendLine();
        md.AppendLine("## Cohorts");
        md.AppendLine();
        md.AppendLine("| cohort | validators | keys | stake share | max shard voting power |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var c in r.Cohorts) md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Validators} | {c.Keys} | {c.StakeShare:0.####} | {c.MaxShardVotingPower:0.####} |");
        return md.ToString();
    }
}
