using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Small run plans for runtime tests.</summary>
public static class RunPlans
{
    public static RunPlan Small(string runId, ulong seed = 1, int shards = 1, int nodesPerShard = 4, TimeSpan? duration = null, IReadOnlyList<FaultPlan>? faults = null) => new(
        runId, "test", seed,
        new ConsensusPlan(shards, SignatureSchemeKind.Simulated, QuorumMode.ByCount, 1m,
            new TimingPlan(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(27), 1_000_000, false, null, false)),
        [.. Enumerable.Range(0, shards * nodesPerShard).Select(i => new NodePlan(i, i / nodesPerShard, "validators", 1, null, i % 2, NodeBehaviour.Honest))],
        new LatencyPlan(["a", "b"], [[5, 40], [40, 5]], TimeSpan.FromMilliseconds(20), 0, null),
        new RunLength(duration ?? TimeSpan.FromSeconds(60)))
    {
        Faults = faults ?? [],
    };
}
