using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Dashboard.Model;

/// <summary>What the dashboard knows of a run before it starts: its name, seed, length and each shard's committee.</summary>
public sealed record RunInfo(string Scenario, ulong Seed, int Shards, double DurationSeconds, string Quorum, IReadOnlyList<CommitteeView> Committees)
{
    public static RunInfo Of(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var committees = Enumerable.Range(0, plan.Shards).Select(s => CommitteeView.Of(plan, s)).ToList();
        return new RunInfo(plan.Scenario, plan.Seed, plan.Shards, plan.Duration.TotalSeconds,
            plan.Consensus.Quorum == QuorumMode.ByCount ? "count" : "stake", committees);
    }
}
