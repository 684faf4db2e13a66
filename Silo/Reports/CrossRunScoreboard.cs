using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// Teams ranked across runs (<c>harmonysim scoreboard</c>): each run's report.json scoreboard read back, each team's
/// scores summed over the runs it played, ranked by total, then wins (rank 1 in a run), then name.
/// </summary>
public static class CrossRunScoreboard
{
    /// <summary>One team over every run it played.</summary>
    public sealed record Standing(int Rank, string Team, double TotalScore, double MeanScore, int Runs, int Wins, decimal Rewards, decimal StakeLost, int AttacksAchieved, int Punished);

    /// <summary>A run's scoreboard as report.json holds it, or the reason it cannot be read.</summary>
    public sealed record RunScores(string Folder, string Scenario, ulong Seed, IReadOnlyList<TeamScore> Scores);

    /// <summary>Reads <paramref name="folder"/>/report.json; null with <paramref name="error"/> set when it is missing, malformed or has no teams.</summary>
    public static RunScores? Read(string folder, out string? error)
    {
        var path = Path.Combine(folder, "report.json");
        error = null;
        if (!Directory.Exists(folder)) { error = $"{folder}: no such folder"; return null; }
        if (!File.Exists(path)) { error = $"{folder}: no report.json here; give a run folder written by harmonysim run (runs/<scenario>-<time>)"; return null; }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            if (!root.TryGetProperty("scoreboard", out var board) || board.ValueKind != JsonValueKind.Array || board.GetArrayLength() == 0)
            {
                error = $"{path}: the run has no teams (its scenario has no teams: section), so there is nothing to rank";
                return null;
            }
            var scores = board.Deserialize<List<TeamScore>>(Options) ?? [];
            return new RunScores(folder, root.GetProperty("scenario").GetString() ?? "?", root.GetProperty("seed").GetUInt64(), scores);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            error = $"{path}: not a run report ({e.Message})";
            return null;
        }
    }

    public static IReadOnlyList<Standing> Rank(IReadOnlyList<RunScores> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var standings = runs.SelectMany(r => r.Scores).GroupBy(s => s.Team, StringComparer.Ordinal).Select(g => new Standing(0, g.Key,
                Math.Round(g.Sum(s => s.Score), 6), Math.Round(g.Average(s => s.Score), 6), g.Count(), g.Count(s => s.Rank == 1),
                g.Sum(s => s.Rewards), g.Sum(s => s.StakeLost), g.Sum(s => s.AttacksAchieved.Count), g.Sum(s => s.AttacksPunished)))
            .OrderByDescending(s => s.TotalScore).ThenByDescending(s => s.Wins).ThenBy(s => s.Team, StringComparer.Ordinal).ToList();
        return [.. standings.Select((s, i) => s with { Rank = i + 1 })];
    }

    public static string Table(IReadOnlyList<RunScores> runs, IReadOnlyList<Standing> standings)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(standings);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Scoreboard over {runs.Count} run{(runs.Count == 1 ? "" : "s")}: {string.Join(", ", runs.Select(r => $"{r.Scenario} seed {r.Seed}"))}");
        text.AppendLine("rank  team                  total    mean  runs  wins  rewards (ONE)  stake lost (ONE)  attacks  punished");
        foreach (var s in standings)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Rank,4}  {s.Team,-20} {s.TotalScore,7:0.##} {s.MeanScore,7:0.##} {s.Runs,5} {s.Wins,5} {s.Rewards,14:0.######} {s.StakeLost,17:0.##} {s.AttacksAchieved,8} {s.Punished,9}");
        return text.ToString();
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
