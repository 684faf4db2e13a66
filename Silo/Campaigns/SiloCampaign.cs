using HarmonySim.Grains.Interfaces.Campaigns;
using HarmonySim.Simulation.Campaigns;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Campaigns;

/// <summary>What a campaign over silos found, and how many slices each silo ran.</summary>
public sealed record SiloCampaignResult(CampaignResult Found, IReadOnlyDictionary<string, int> SlicesBySilo);

/// <summary>
/// A campaign spread over a cluster's silos (<c>campaign --silos N</c> or <c>--cluster</c>): the seeds are cut into
/// slices, each run by a <see cref="ICampaignSliceGrain"/> wherever it is placed, <paramref name="parallel"/> slices at
/// a time; without <see cref="CampaignSettings.All"/> no slice starts once one has found a violation. Slices are small
/// (at most 100 seeds, and at least four per silo) so the silos share the work evenly and a stop comes soon.
/// </summary>
public static class SiloCampaign
{
    public const int MaxSliceSeeds = 100;

    public static async Task<SiloCampaignResult> Run(IGrainFactory grains, RunPlan template, CampaignSettings settings, int parallel, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(settings);
        var size = Math.Clamp(settings.Seeds / (4 * Math.Max(1, parallel)), 1, MaxSliceSeeds);
        var slices = Enumerable.Range(0, (settings.Seeds + size - 1) / size)
            .Select(i => settings with { FirstSeed = settings.FirstSeed + (ulong)(i * size), Seeds = Math.Min(size, settings.Seeds - i * size) })
            .ToList();
        var id = $"{template.RunId}-{Guid.NewGuid():N}";
        var runs = new List<CampaignRun>();
        var bySilo = new Dictionary<string, int>();
        var next = 0;
        var stop = false;
        var gate = new object();

        async Task Worker()
        {
            while (true)
            {
                CampaignSettings slice;
                int index;
                lock (gate)
                {
                    if (stop || next >= slices.Count || cancellation.IsCancellationRequested) return;
                    index = next++;
                    slice = slices[index];
                }
                var result = await grains.GetGrain<ICampaignSliceGrain>($"{id}/{index}").Run(template, slice);
                lock (gate)
                {
                    runs.AddRange(result.Runs);
                    bySilo[result.Silo] = bySilo.GetValueOrDefault(result.Silo) + 1;
                    if (!settings.All && result.Runs.Any(r => r.Violated)) stop = true;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallel)).Select(_ => Worker()));
        return new SiloCampaignResult(CampaignResult.Of(runs), bySilo);
    }
}
