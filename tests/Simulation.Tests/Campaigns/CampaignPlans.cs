using HarmonySim.Simulation.Campaigns;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Campaigns;

/// <summary>The campaigns the tests run: a 4-node Twins-style shard and a 100-node one, with short timeouts so many views fit a run.</summary>
internal static class CampaignPlans
{
    public static RunPlan Shard(int nodes) => new PlanBuilder().WithNodes(nodes).WithTiming(t => t with
    {
        PhaseTimeout = TimeSpan.FromSeconds(3),
        ViewChangeTimeout = TimeSpan.FromSeconds(3),
        ViewChangeSlot = TimeSpan.FromSeconds(5),
        BootstrapTimeout = TimeSpan.FromSeconds(3),
    }).Build();

    public static ExplorationSettings Exploration { get; } = new() { HealAt = TimeSpan.FromSeconds(60), LivenessWindow = TimeSpan.FromSeconds(40) };

    public static CampaignSettings Seeds(int seeds, bool all = false) => new(1, seeds, 2, all, Exploration);
}
