using HarmonySim.Simulation.Campaigns;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Campaigns;

/// <summary>
/// How a scenario becomes a campaign's exploration: partitions and per-round omission for the scenario's duration (the
/// heal comes at its end), then a liveness window long enough for two full view changes with the scenario's timeouts.
/// </summary>
public static class CampaignExploration
{
    public static ExplorationSettings For(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var t = plan.Timing;
        return new ExplorationSettings { HealAt = plan.Duration, LivenessWindow = 2 * (t.PhaseTimeout + t.ViewChangeTimeout + t.ViewChangeSlot) };
    }
}
