using HarmonySim.Protocol.Consensus.Mutants;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Simulation.Campaigns;

/// <summary>Which seeds a campaign runs, on how many threads, and whether it goes on past the first violation.</summary>
public sealed record CampaignSettings(ulong FirstSeed, int Seeds, int Jobs, bool All, ExplorationSettings Exploration);

/// <summary>
/// A campaign: one scenario run over many seeds, each explored differently (<see cref="TwinsExploration"/>), in this
/// process and in parallel, like Twins. Without <see cref="CampaignSettings.All"/> it starts no new run once one has
/// violated safety or liveness. Runs are pure kernel runs; only which runs finish before a stop depends on the threads,
/// never a run's verdict, and the violation reported is the lowest seed found.
/// </summary>
public static class Campaign
{
    public static CampaignResult Run(RunPlan template, CampaignSettings settings, Action<CampaignRun>? finished = null) =>
        Run(template, settings, PlantedBug.None, finished);

    /// <summary>The same campaign against a protocol with a bug planted (the mutation check; tests only).</summary>
    internal static CampaignResult Run(RunPlan template, CampaignSettings settings, PlantedBug bug, Action<CampaignRun>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Seeds < 1) throw new ArgumentOutOfRangeException(nameof(settings), settings.Seeds, "a campaign runs at least one seed");
        var runs = new CampaignRun?[settings.Seeds];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Jobs) };
        Parallel.For(0, settings.Seeds, options, (i, state) =>
        {
            var seed = settings.FirstSeed + (ulong)i;
            var run = CampaignJudge.Run(PlanOf(template, seed, settings.Exploration, bug), seed, settings.Exploration);
            runs[i] = run;
            finished?.Invoke(run);
            if (run.Violated && !settings.All) state.Stop();
        });
        return CampaignResult.Of([.. runs.OfType<CampaignRun>()]);
    }

    /// <summary>The plan one seed of the campaign runs: what a replay of that seed runs again.</summary>
    public static RunPlan PlanOf(RunPlan template, ulong seed, ExplorationSettings exploration) => PlanOf(template, seed, exploration, PlantedBug.None);

    internal static RunPlan PlanOf(RunPlan template, ulong seed, ExplorationSettings exploration, PlantedBug bug) =>
        TwinsExploration.Plan(template, seed, exploration) with { PlantedBug = bug };
}
