using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Silo.Campaigns;

/// <summary>
/// A campaign's report, campaign.json and campaign.md in its folder: runs, violations by kind with their seeds and
/// replay commands, scenarios per hour (wall clock, host-side only) and the distribution of halt times.
/// </summary>
public sealed record CampaignReport(
    string Scenario,
    ulong FirstSeed,
    int SeedsAsked,
    int Runs,
    int Jobs,
    double WallSeconds,
    double ScenariosPerHour,
    IReadOnlyDictionary<string, int> ViolationsByKind,
    IReadOnlyList<CampaignViolation> Violations,
    HaltTimes HaltSeconds)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static CampaignReport Of(string scenarioPath, CampaignSettings settings, CampaignResult result, TimeSpan wall, string tuning = "") => new(
        scenarioPath, settings.FirstSeed, settings.Seeds, result.Runs, settings.Jobs, wall.TotalSeconds,
        wall > TimeSpan.Zero ? result.Runs / wall.TotalHours : 0,
        result.ViolationsByKind.ToDictionary(k => k.Key.ToString().ToLowerInvariant(), k => k.Value),
        [.. result.Violations.Select(v => new CampaignViolation(v.Seed, v.Violation!.Value.ToString().ToLowerInvariant(), v.Detail!, ReplayCommand(scenarioPath, v.Seed, tuning)))],
        result.Halts);

    /// <summary>The command that runs one violating seed again, alone.</summary>
    public static string ReplayCommand(string scenarioPath, ulong seed, string tuning = "") =>
        string.Create(CultureInfo.InvariantCulture, $"harmonysim campaign {scenarioPath} --first-seed {seed} --seeds 1{tuning}");

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "campaign.json"), JsonSerializer.Serialize(this, Json) + "\n");
        File.WriteAllText(Path.Combine(folder, "campaign.md"), Markdown());
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Campaign: {Scenario}");
        md.AppendLine();
        md.AppendLine(c, $"Seeds {FirstSeed}–{FirstSeed + (ulong)SeedsAsked - 1}: {Runs} runs on {Jobs} threads in {WallSeconds:0.0} s ({ScenariosPerHour:#,0} scenarios per hour).");
        md.AppendLine();
        md.AppendLine("| violation | runs |");
        md.AppendLine("|---|---|");
        foreach (var (kind, count) in ViolationsByKind) md.AppendLine(c, $"| {kind} | {count} |");
        md.AppendLine();
        md.AppendLine(c, $"Longest halt per run (s): p50 {HaltSeconds.P50:0.###}, p90 {HaltSeconds.P90:0.###}, p99 {HaltSeconds.P99:0.###}, max {HaltSeconds.Max:0.###}.");
        if (Violations.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| seed | kind | what | replay |");
            md.AppendLine("|---|---|---|---|");
            foreach (var v in Violations.Take(50)) md.AppendLine(c, $"| {v.Seed} | {v.Kind} | {v.Detail} | `{v.Replay}` |");
        }
        return md.ToString();
    }
}

/// <summary>One violating run of a campaign: its seed, kind, the check's words and how to replay it.</summary>
public sealed record CampaignViolation(ulong Seed, string Kind, string Detail, string Replay);
