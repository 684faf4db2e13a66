using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// What a run will need, worked out from its plan before it starts: blocks, message deliveries, the run folder's
/// size, peak memory and wall time on the machine the constants were measured on (<see cref="MeasuredRunCosts"/>).
/// </summary>
/// <remarks>
/// All in doubles: the inputs are bounded by the loader (a century of virtual time at 1 ms blocks, 64 shards,
/// millions of nodes), so every product stays far below double's range and nothing here can overflow or throw.
/// The estimate is an upper bound on the work of an undisturbed run: it assumes a block every block time on
/// every shard and counts no view changes (a stalled shard commits less and so costs less).
/// </remarks>
/// <param name="BlocksPerShard">Blocks each shard is expected to commit.</param>
/// <param name="Blocks">Blocks over all shards.</param>
/// <param name="Deliveries">Consensus message deliveries over the run.</param>
/// <param name="OutputBytes">The run folder: events.jsonl, blocks.csv and the fixed files.</param>
/// <param name="MemoryBytes">Peak memory of the whole process.</param>
/// <param name="SizeMemoryBytes">The part of <paramref name="MemoryBytes"/> that does not grow with the run's length.</param>
/// <param name="WallSeconds">Wall time of the whole command at full speed.</param>
/// <param name="WallSecondsPerHour">Wall time for one hour of virtual time of the same network: what its size alone costs.</param>
/// <param name="DurationField">The scenario field that sets the run's length (duration.time, duration.blocks or duration.epochs).</param>
/// <param name="SizeField">The scenario field that sets the network's size.</param>
public sealed record RunEstimate(
    int Shards,
    int Nodes,
    long Keys,
    double BlocksPerShard,
    double Blocks,
    double Deliveries,
    double OutputBytes,
    double MemoryBytes,
    double SizeMemoryBytes,
    double WallSeconds,
    double WallSecondsPerHour,
    string DurationField,
    string SizeField)
{
    public static RunEstimate Of(RunPlan plan)
    {
        var blockSeconds = plan.Timing.BlockTime.TotalSeconds;
        var blocksPerShard = plan.Length.StopAtHeight is { } height ? height
            : plan.Length.StopAtEpoch is { } epochs ? (double)epochs * plan.Timing.BlocksPerEpoch
            : plan.Duration.TotalSeconds / blockSeconds;
        // A run bounded by blocks or epochs ends at its cap even if it has not reached them.
        blocksPerShard = Math.Min(blocksPerShard, plan.Duration.TotalSeconds / blockSeconds);
        var nodes = plan.Nodes.Count;
        var keys = plan.Nodes.Sum(n => (long)n.Keys);
        var bls = plan.Consensus.Scheme == SignatureSchemeKind.Bls;

        double DeliveriesOver(double perShard) => perShard * MeasuredRunCosts.DeliveriesPerNodePerBlock * nodes;
        var rate = bls ? MeasuredRunCosts.BlsDeliveriesPerSecond : MeasuredRunCosts.SimulatedDeliveriesPerSecond;
        var deliveries = DeliveriesOver(blocksPerShard);
        var start = MeasuredRunCosts.StartSeconds + nodes * MeasuredRunCosts.StartSecondsPerNode;
        var blocks = blocksPerShard * plan.Shards;

        var sizeMemory = MeasuredRunCosts.BaseMemoryBytes
            + keys * (bls ? MeasuredRunCosts.BlsMemoryPerKeyBytes : MeasuredRunCosts.SimulatedMemoryPerKeyBytes)
            + nodes * MeasuredRunCosts.MemoryPerNodeBytes;
        var eventLines = blocks + plan.Faults.Count;
        var output = MeasuredRunCosts.FixedOutputBytes + eventLines * MeasuredRunCosts.EventLineBytes + blocks * MeasuredRunCosts.BlockRowBytes;

        // Load: its transactions' wall time, the pools and blocks it fills, pre-signed transactions, the per-second table.
        double offered = 0, loadSeconds = 0, loadSecondsPerHour = 0;
        if (plan.Load is { } load)
        {
            offered = MeasuredLoadCosts.Offered(load, plan.Duration);
            loadSeconds = offered * MeasuredLoadCosts.WallSecondsPerTransaction(load.Signing);
            loadSecondsPerHour = plan.Duration > TimeSpan.Zero ? loadSeconds * 3600 / plan.Duration.TotalSeconds : 0;
            sizeMemory += MeasuredLoadCosts.MemoryBytes(load, plan.Shards, offered);
            output += plan.Duration.TotalSeconds * plan.Shards * MeasuredLoadCosts.TableRowBytes;
        }

        return new RunEstimate(
            plan.Shards, nodes, keys, blocksPerShard, blocks, deliveries, output,
            MemoryBytes: sizeMemory + deliveries * MeasuredRunCosts.MemoryPerDeliveryBytes,
            SizeMemoryBytes: sizeMemory,
            WallSeconds: start + deliveries / rate + loadSeconds,
            WallSecondsPerHour: start + DeliveriesOver(3600 / blockSeconds) / rate + loadSecondsPerHour,
            DurationFieldOf(plan.Length), SizeFieldOf(plan, keys));
    }

    private static string DurationFieldOf(RunLength length) =>
        length.StopAtHeight is not null ? "duration.blocks" : length.StopAtEpoch is not null ? "duration.epochs" : "duration.time";

    /// <summary>
    /// Without elections every key fills a slot, so the slots set the size; with them, candidates beyond the slots
    /// are nodes too, and the cohorts' validators set it.
    /// </summary>
    private static string SizeFieldOf(RunPlan plan, long keys) =>
        plan.Staking is { } s && keys > (long)plan.Shards * s.SlotsPerShard ? "cohorts[].validators" : "network.slots_per_shard";
}
