using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A run: starts the shards from the plan, drives them window by window in virtual time so no shard gets ahead of
/// another by more than the window, and gathers the result. Key: the run id.
/// </summary>
public interface ISimulationGrain : IGrainWithStringKey
{
    Task Start(RunPlan plan);

    /// <summary>Advances every shard to <paramref name="until"/> (capped at the run's duration).</summary>
    Task<RunProgress> AdvanceTo(TimeSpan until);

    /// <summary>Every shard's records since the last take (see <see cref="ShardRecords"/>), in shard order.</summary>
    Task<IReadOnlyList<ShardRecords>> TakeRecords();

    Task<RunResult> Result();

    /// <summary>The shards whose networks serve a node (its own, or every shard when slots move between shards).</summary>
    Task<IReadOnlyList<int>> ShardsOf(int node);
}
