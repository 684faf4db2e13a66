using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Grains.Interfaces.Campaigns;

/// <summary>
/// One slice of a campaign's seeds, run on whichever silo the grain is placed on: the pure kernel, in parallel on that
/// silo's cores (<see cref="Campaign"/>). Key: the campaign's id and the slice's number. Slices spread over the
/// cluster's silos; a slice's runs are the same wherever it runs (each run depends only on the plan and its seed).
/// </summary>
public interface ICampaignSliceGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="settings"/>' seeds of the scenario <paramref name="template"/>.</summary>
    Task<CampaignSliceResult> Run(RunPlan template, CampaignSettings settings);
}

/// <summary>A slice's finished runs (by seed) and the silo that ran them.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignSliceResult([property: Id(0)] IReadOnlyList<CampaignRun> Runs, [property: Id(1)] string Silo);
