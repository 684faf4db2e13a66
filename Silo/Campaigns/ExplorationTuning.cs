using System.Globalization;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Silo.Campaigns;

/// <summary>
/// The campaign command's exploration options (<c>--byzantine-leaders</c>, <c>--commit-cuts</c>, <c>--lossy-rounds</c>):
/// each replaces one default of <see cref="ExplorationSettings"/>, and the given ones are repeated in every replay command
/// so a printed seed names the same schedule.
/// </summary>
public sealed record ExplorationTuning(double? ByzantineLeaders, double? CommitCuts, double? LossyRounds)
{
    /// <summary>What is wrong with the given values, or null.</summary>
    public string? Error() =>
        ByzantineLeaders is < 0 or > 1 ? "--byzantine-leaders must lie between 0 and 1." :
        CommitCuts is < 0 or > 1 ? "--commit-cuts must lie between 0 and 1." :
        LossyRounds is < 0 or > 0.5 ? "--lossy-rounds must lie between 0 and 0.5." :
        null;

    public ExplorationSettings Apply(ExplorationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            ByzantineLeaders = ByzantineLeaders ?? settings.ByzantineLeaders,
            CommitCuts = CommitCuts ?? settings.CommitCuts,
            LossyRounds = LossyRounds ?? settings.LossyRounds,
        };
    }

    /// <summary>The given options as command-line arguments, each with a leading space ("" when none was given).</summary>
    public string Arguments =>
        Format("--byzantine-leaders", ByzantineLeaders) + Format("--commit-cuts", CommitCuts) + Format("--lossy-rounds", LossyRounds);

    private static string Format(string name, double? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $" {name} {v:R}") : "";
}
