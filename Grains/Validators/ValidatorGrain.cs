using HarmonySim.Simulation.Network;

namespace HarmonySim.Grains.Validators;

/// <summary>
/// A validator as an addressable unit for status and control. Its state machine lives in the shard networks that
/// serve it (stepped there, in process, with the rest of the shard), so this grain keeps nothing and forwards.
/// </summary>
public sealed class ValidatorGrain : Grain, IValidatorGrain
{
    public async Task<IReadOnlyList<NodeStatus>> Status()
    {
        var statuses = await Task.WhenAll((await Shards()).Select(s => s.Grain.Status(s.Node)));
        return [.. statuses.OfType<NodeStatus>()];
    }

    public Task Crash() => Control(FaultKind.Crash);

    public Task Restart() => Control(FaultKind.Restart);

    private async Task Control(FaultKind kind) =>
        await Task.WhenAll((await Shards()).Select(s => s.Grain.Control(kind, [s.Node])));

    /// <summary>The shard network grains serving this node; the key is "{runId}/{nodeId}".</summary>
    private async Task<IEnumerable<(IShardNetworkGrain Grain, int Node)>> Shards()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        var (run, node) = (key[..slash], int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var shards = await GrainFactory.GetGrain<ISimulationGrain>(run).ShardsOf(node);
        return shards.Select(s => (GrainFactory.GetGrain<IShardNetworkGrain>($"{run}/{s}"), node));
    }
}
