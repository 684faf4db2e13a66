using System.Collections.Concurrent;
using HarmonySim.Grains.Interfaces.Campaigns;
using HarmonySim.Simulation.Campaigns;
using HarmonySim.Grains.Placement;

namespace HarmonySim.Grains.Campaigns;

/// <summary>
/// Runs one slice of a campaign on this silo. The runs are CPU-bound kernel work for seconds, so they go to the thread
/// pool (as Orleans advises for long computations) rather than holding the grain scheduler; the grain keeps no state.
/// Keyed "{campaign}/{slice}" and placed like a run's shards (slice i on silo i mod N), so a campaign's slices spread
/// evenly over the silos whatever the placement statistics say about activations that live for a second.
/// </summary>
[ShardPlacement]
public sealed class CampaignSliceGrain : Grain, ICampaignSliceGrain
{
    public async Task<CampaignSliceResult> Run(RunPlan template, CampaignSettings settings)
    {
        var runs = await Task.Run(() =>
        {
            var finished = new ConcurrentBag<CampaignRun>();
            Campaign.Run(template, settings, finished.Add);
            return finished.OrderBy(r => r.Seed).ToList();
        });
        DeactivateOnIdle();
        return new CampaignSliceResult(runs, RuntimeIdentity);
    }
}
