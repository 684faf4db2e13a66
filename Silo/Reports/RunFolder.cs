using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Silo.Reports;

/// <summary>Writes a run folder: report.json, report.md, the plots and the scenario as run, beside the streamed events.jsonl and blocks.csv.</summary>
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
        outcome.Output.CopyTo(directory);
        var plots = Plots.Write(directory, outcome.Result).Concat(Load.LoadPlots.Write(directory, outcome.Result.LoadTallies))
            .Concat(Propagation.PropagationReport.WritePlot(directory, outcome.Result.Shards)).ToList();
        var economicsPlots = EconomicsPlot.Write(directory, report.Economics);
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(report, plots, economicsPlots));
        File.WriteAllText(Path.Combine(directory, scenarioFileName), scenarioText);
        return directory;
    }

    /// <summary>runs/&lt;scenario&gt;-&lt;UTC time&gt; under <paramref name="root"/>; the wall clock only names the folder.</summary>
    public static string NewPath(string root, string scenario, DateTime utcNow) =>
        Path.Combine(root, $"{scenario}-{utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    public static string Markdown(RunReport r, IReadOnlyList<string> plots, IReadOnlyList<string>? economicsPlots = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {r.Scenario}: {(r.Interrupted ? "INTERRUPTED" : r.Passed ? "passed" : "FAILED")}");
        md.AppendLine();
        if (r.Interrupted)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Interrupted** after {Stats.Format(r.SimulatedSeconds)} s of simulated time: everything below covers only that part of the run, which therefore did not pass.");
            md.AppendLine();
        }
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
        md.AppendLine("| shard | height | view changes completed / started | time view-changing (s) | block time mean / p50 / p99 (s) | finality p50 / p99 (s) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in r.Shards)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Id} | {s.Height} | {s.ViewChanges} / {s.ViewChangesStarted} | {Stats.Format(s.ViewChangingS)} | {Stats.Format(s.BlockTimeS.Mean)} / {Stats.Format(s.BlockTimeS.P50)} / {Stats.Format(s.BlockTimeS.P99)} | {Stats.Format(s.FinalityS.P50)} / {Stats.Format(s.FinalityS.P99)} |");
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
        md.AppendLine("| cohort | validators | keys | stake share | max shard voting power | slashed (ONE) | rewards (ONE) |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in r.Cohorts)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Validators} | {c.Keys} | {c.StakeShare:0.####} | {c.MaxShardVotingPower:0.####} | {c.SlashedAmount} | {c.Rewards} |");
        AppendStaking(md, r);
        ScoreboardMarkdown.Append(md, r.Scoreboard);
        Adversaries.AdversaryMarkdown.Append(md, r.Adversaries);
        EconomicsMarkdown.Append(md, r.Economics, economicsPlots ?? []);
        AppendTransactions(md, r.Transactions);
        AppendCensorship(md, r.Shards);
        Propagation.PropagationReport.AppendMarkdown(md, r);
        Sync.SyncReport.AppendMarkdown(md, r);
        return md.ToString();
    }

    /// <summary>Elections, slashes and jails of a staking run (nothing for a run without epochs).</summary>
    private static void AppendStaking(StringBuilder md, RunReport r)
    {
        if (r.Epochs.Elections.Count == 0) return;
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Epochs: {r.Epochs.Completed} completed");
        md.AppendLine();
        md.AppendLine("| elected for epoch | keys | median stake (ONE) | keys per shard | external keys per shard |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var e in r.Epochs.Elections.OfType<ElectionReport>())
            md.AppendLine(CultureInfo.InvariantCulture, $"| {e.Epoch} | {e.ElectedKeys} | {e.MedianStake:0.##} | {string.Join(" / ", e.KeysPerShard)} | {string.Join(" / ", e.ExternalKeysPerShard)} |");
        var rejected = (r.Staking.Rejected ?? []).OfType<RejectedStakingReport>().ToList();
        if (rejected.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Staking transactions never applied");
            md.AppendLine();
            md.AppendLine("| submitted (s) | kind | sender | why |");
            md.AppendLine("|---|---|---|---|");
            foreach (var x in rejected) md.AppendLine(CultureInfo.InvariantCulture, $"| {Stats.Format(x.AtS)} | {x.Kind} | `{x.Sender}` | {x.Reason} |");
        }
        var slashed = r.Staking.Slashed.OfType<SlashReport>().ToList();
        var jailed = r.Staking.Jailed.OfType<JailReport>().ToList();
        if (slashed.Count + jailed.Count == 0) return;
        md.AppendLine();
        md.AppendLine("## Slashed and jailed");
        md.AppendLine();
        md.AppendLine("| validator | node | cohort | what | epoch | amount (ONE) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in slashed)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{s.Validator}` | {s.Node} | {s.Cohort} | slashed and banned ({s.Burned:0.##} burned) | {s.Epoch} | {s.Amount:0.##} |");
        foreach (var j in jailed)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{j.Validator}` | {j.Node} | {j.Cohort} | made Inactive (signed ≤ 2/3) | {j.Epoch} | |");
    }

    private static void AppendTransactions(StringBuilder md, TransactionsReport t)
    {
        if (t.Submitted == 0 && t.Load is null) return;
        md.AppendLine();
        md.AppendLine("## Transactions");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{t.Submitted} submitted, {t.Committed} committed ({t.CrossShardCommitted} credited on another shard), {t.Rejected} rejected; latency p50 / p95 / p99 {Stats.Format(t.LatencyS.P50)} / {Stats.Format(t.LatencyS.P95)} / {Stats.Format(t.LatencyS.P99)} s.");
        if (t.Load is { } load) Load.LoadMarkdown.Append(md, load);
    }

    /// <summary>Censorship next to the transactions (a run with a censoring cohort).</summary>
    private static void AppendCensorship(StringBuilder md, IReadOnlyList<ShardReport> shards)
    {
        if (!shards.Any(s => s.Censorship is not null)) return;
        md.AppendLine();
        md.AppendLine("### Censorship");
        md.AppendLine();
        md.AppendLine("Transactions censoring leaders left out of blocks they built; extra latency from the first omission to the proposal of the block that included it.");
        md.AppendLine();
        md.AppendLine("| shard | censored transactions | omissions | included later | extra latency mean / max (s) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var s in shards)
            if (s.Censorship is { } c)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Id} | {c.CensoredTransactions} | {c.Omissions} | {c.IncludedLater} | {Stats.Format(c.MeanExtraLatencyS)} / {Stats.Format(c.MaxExtraLatencyS)} |");
    }
}
