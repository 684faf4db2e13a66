using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Simulation.Staking;

/// <summary>What a beacon node has heard of and may include: crosslinks, double-sign records and randomness contributions (the latest pool the network handed it).</summary>
public sealed class BeaconMempool
{
    public IReadOnlyList<Crosslink> Crosslinks { get; private set; } = [];
    public IReadOnlyList<SlashRecord> Slashes { get; private set; } = [];
    public IReadOnlyList<RandomnessContribution> Randomness { get; private set; } = [];

    public void Replace(IReadOnlyList<Crosslink> crosslinks, IReadOnlyList<SlashRecord> slashes, IReadOnlyList<RandomnessContribution> randomness)
    {
        Crosslinks = crosslinks;
        Slashes = slashes;
        Randomness = randomness;
    }
}
