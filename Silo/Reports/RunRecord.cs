using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports;

/// <summary>A finished run beside the plan it ran: what the checks, the event log and the report read (the plan never travels back from the grains).</summary>
public sealed record RunRecord(RunPlan Plan, TimeSpan SimulatedTime, IReadOnlyList<ShardResult> Shards)
{
    public static RunRecord Of(RunPlan plan, RunResult result) => new(plan, result.SimulatedTime, result.Shards);
}
