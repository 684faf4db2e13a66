using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace HarmonySim.Grains.Placement;

/// <summary>
/// Places shard s of a run on silo s mod N (silos in address order), so the shards of a run spread evenly over the
/// cluster and the only traffic between silos is what shards exchange once per window.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class ShardPlacement : PlacementStrategy;

/// <summary>Marks a grain keyed "{runId}/{shard}" (or "{campaign}/{slice}": any key ending in "/{n}") for <see cref="ShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute : PlacementAttribute
{
    public ShardPlacementAttribute() : base(new ShardPlacement()) { }
}

public sealed class ShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).Order().ToArray();
        var key = target.GrainIdentity.Key.ToString();
        var shard = int.TryParse(key.AsSpan(key.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
        return Task.FromResult(silos[(shard % silos.Length + silos.Length) % silos.Length]);
    }
}
