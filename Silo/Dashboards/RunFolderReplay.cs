using System.Globalization;
using System.Text.Json;
using HarmonySim.Dashboard.Model;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Dashboards;

/// <summary>
/// Rebuilds a finished run's <see cref="RunView"/> from its folder: the scenario as run (committees), report.json (seed,
/// digest, end), events.jsonl (blocks, view changes, faults, evidence, staking) and, when present, blocks.csv (each
/// block's announce and PREPARED times, signing power and load transactions, for rounds, phases and TPS). It goes
/// through the same <see cref="RunView"/> methods as the live run, so the series are the same.
/// </summary>
public static class RunFolderReplay
{
    /// <summary>The run's view, or the reasons it cannot be read (each naming the file, and the line where there is one).</summary>
    public static (RunView? View, IReadOnlyList<string> Errors) Load(string folder)
    {
        if (!Directory.Exists(folder)) return (null, [$"{folder}: no such folder"]);
        var events = Path.Combine(folder, "events.jsonl");
        if (!File.Exists(events)) return (null, [$"{events}: missing; is {folder} a run folder (harmonysim run writes one)?"]);
        var scenarios = Directory.GetFiles(folder, "*.yaml");
        if (scenarios.Length != 1) return (null, [$"{folder}: expected the scenario as run (one .yaml file), found {scenarios.Length}"]);
        var loaded = ScenarioLoader.LoadFile(scenarios[0]);
        if (loaded.Scenario is not { } scenario) return (null, [.. loaded.Errors.Select(e => e.ToString())]);
        var report = ReadReport(Path.Combine(folder, "report.json"), out var reportError);
        if (reportError is not null) return (null, [reportError]);
        var seed = report?.Seed ?? scenario.Seed;
        RunPlan plan;
        try
        {
            plan = RunPlanBuilder.Build(scenario, $"{scenario.Name}-{seed}", seed);
        }
        catch (ScenarioNotRunnableException e)
        {
            return (null, [.. e.Reasons.Select(r => $"{scenarios[0]}: {r}")]);
        }
        var view = new RunView(RunInfo.Of(plan), live: false);
        var rows = ReadBlocks(Path.Combine(folder, RunOutput.BlocksFile), out var blocksError);
        if (blocksError is not null) return (null, [blocksError]);
        var end = 0.0;
        var number = 0;
        foreach (var line in File.ReadLines(events))
        {
            number++;
            if (line.Length == 0) continue;
            if (Parse(line, plan.Shards) is not { } e) return (null, [$"{events}:{number}: not an event-log line (expected a JSON object with t, shard and kind)"]);
            end = Math.Max(end, e.At.TotalSeconds);
            if (e.Kind == "commit")
            {
                if (Block(e, view.Info.Committees[e.Shard].Keys, rows) is not { } block) return (null, [$"{events}:{number}: a commit line needs height, view, signers and leader"]);
                view.AddBlock(e.Shard, block);
                if (rows.TryGetValue((e.Shard, block.Height), out var row) && row.Transactions is { } carried) view.AddTransactions(e.Shard, block.T, carried);
            }
            else view.AddEvent(e);
        }
        view.Finish(report?.SimulatedSeconds ?? end, report?.Digest, report?.Interrupted ?? false);
        return (view, []);
    }

    private static LoggedEvent? Parse(string line, int shards)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.String
                || !double.TryParse(t.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
                || !root.TryGetProperty("shard", out var shard) || !shard.TryGetInt32(out var s) || s < 0 || s >= shards
                || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
                return null;
            var fields = root.EnumerateObject().Where(p => p.Name is not ("t" or "shard" or "kind"))
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToList();
            return new LoggedEvent(TimeSpan.FromSeconds(seconds), s, kind.GetString()!, fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static BlockView? Block(LoggedEvent e, int keys, Dictionary<(int, ulong), BlockRow> rows)
    {
        string? Field(string name) => e.Fields.FirstOrDefault(f => f.Key == name).Value;
        if (!ulong.TryParse(Field("height"), CultureInfo.InvariantCulture, out var height)
            || !ulong.TryParse(Field("view"), CultureInfo.InvariantCulture, out var view)
            || !int.TryParse(Field("signers"), CultureInfo.InvariantCulture, out var signers)
            || !int.TryParse(Field("leader"), CultureInfo.InvariantCulture, out var leader))
            return null;
        if (!rows.TryGetValue((e.Shard, height), out var row))
            return new BlockView(height, e.At.TotalSeconds, view, signers, Math.Max(0, keys - signers), leader, null);
        var c = row.Commit;
        // A committed block always carries a quorum's power; 0 is a nine-column row of a run from before it was recorded.
        return new BlockView(height, e.At.TotalSeconds, view, signers, Math.Max(0, keys - signers), leader, c.ProposedAt.TotalSeconds,
            c.PreparedAt?.TotalSeconds, c.SigningPower > 0 ? c.SigningPower : null);
    }

    /// <summary>Each (shard, height)'s row of blocks.csv (phases, signing power, load transactions); empty when the file is absent.</summary>
    private static Dictionary<(int, ulong), BlockRow> ReadBlocks(string path, out string? error)
    {
        error = null;
        var rows = new Dictionary<(int, ulong), BlockRow>();
        if (!File.Exists(path)) return rows;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || line.Length == 0) continue;
            try
            {
                var row = BlockLog.Parse(line);
                rows[(row.Shard, row.Commit.Height)] = row;
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                error = $"{path}:{number}: not a blocks.csv row ({BlockLog.Header})";
                return rows;
            }
        }
        return rows;
    }

    private sealed record ReportFields(ulong? Seed, string? Digest, double? SimulatedSeconds, bool? Interrupted);

    private static ReportFields? ReadReport(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            return new ReportFields(
                root.TryGetProperty("seed", out var seed) && seed.TryGetUInt64(out var s) ? s : null,
                root.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String ? digest.GetString() : null,
                root.TryGetProperty("simulated_seconds", out var sim) && sim.TryGetDouble(out var d) ? d : null,
                root.TryGetProperty("interrupted", out var i) && i.ValueKind is JsonValueKind.True or JsonValueKind.False ? i.GetBoolean() : null);
        }
        catch (JsonException e)
        {
            error = $"{path}:{e.LineNumber + 1}: not valid JSON ({e.Message})";
            return null;
        }
    }
}
