using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// A finished run beside the plan it ran: what the checks and the report read (the plan never travels back from the
/// grains). <see cref="Tallies"/> fold each shard's streamed commits and view changes, one per shard in shard order.
/// </summary>
public sealed record RunRecord(RunPlan Plan, TimeSpan SimulatedTime, IReadOnlyList<ShardResult> Shards, IReadOnlyList<ShardTally> Tallies)
{
    /// <summary>Each shard's load tally, in shard order (a run with a load section), else empty.</summary>
    public IReadOnlyList<Load.LoadTally> LoadTallies { get; init; } = [];
}
