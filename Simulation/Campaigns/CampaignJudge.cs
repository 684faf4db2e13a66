using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Campaigns;

/// <summary>
/// Runs one explored plan in this process (<see cref="LocalRun"/>, no silo) and judges it: safety from the observer's
/// check, liveness as a commit on every shard within the window after the heal, and the longest halt.
/// </summary>
public static class CampaignJudge
{
    public static CampaignRun Run(RunPlan plan, ulong seed, ExplorationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        using var run = new LocalRun(plan);
        run.AdvanceTo(settings.HealAt);
        var healed = run.Networks.Select(n => n.Observer.Height).ToArray();
        var result = run.RunToEnd();
        var safety = result.Shards.SelectMany(s => s.SafetyViolations).FirstOrDefault();
        var longest = TimeSpan.Zero;
        string? stalled = null;
        for (var shard = 0; shard < plan.Shards; shard++)
        {
            var last = TimeSpan.Zero;
            foreach (var commit in run.Recorded(shard).Commits)
            {
                if (commit.CommittedAt - last > longest) longest = commit.CommittedAt - last;
                last = commit.CommittedAt;
            }
            if (result.SimulatedTime - last > longest) longest = result.SimulatedTime - last;
            if (stalled is null && result.Shards[shard].Height <= healed[shard])
                stalled = $"shard {shard} committed nothing in the {settings.LivenessWindow.TotalSeconds:0.###} s after the heal at {settings.HealAt.TotalSeconds:0.###} s (height {healed[shard]})";
        }
        if (safety is not null) return new CampaignRun(seed, ViolationKind.Safety, safety, longest);
        return stalled is not null ? new CampaignRun(seed, ViolationKind.Liveness, stalled, longest) : new CampaignRun(seed, null, null, longest);
    }
}
