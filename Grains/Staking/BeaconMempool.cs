using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Grains.Staking;

/// <summary>What a beacon node has heard of and may include: crosslinks and double-sign records (the latest pool the network handed it).</summary>
public sealed class BeaconMempool
{
    public IReadOnlyList<Crosslink> Crosslinks { get; private set; } = [];
    public IReadOnlyList<SlashRecord> Slashes { get; private set; } = [];

    public void Replace(IReadOnlyList<Crosslink> crosslinks, IReadOnlyList<SlashRecord> slashes)
    {
        Crosslinks = crosslinks;
        Slashes = slashes;
    }
}
