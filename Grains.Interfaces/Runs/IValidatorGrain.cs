using HarmonySim.Simulation.Network;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A validator node as something to address: its status and controls. Its state machine is stepped by its shard's
/// network (one batched step per instant, in process), so this grain holds nothing of its own and forwards to the
/// shard networks that serve the node. Key: "{runId}/{nodeId}".
/// </summary>
public interface IValidatorGrain : IGrainWithStringKey
{
    /// <summary>The node's standing in every shard that serves it.</summary>
    Task<IReadOnlyList<NodeStatus>> Status();

    /// <summary>Crashes the node now, in every shard that serves it.</summary>
    Task Crash();

    /// <summary>Restarts a crashed node now from its committed head.</summary>
    Task Restart();
}
