using HarmonySim.Protocol.Chain;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Transfers;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>The addresses a <see cref="CensorPlan"/> names, resolved against the run's load sources and scripted accounts.</summary>
public static class CensoredSenders
{
    public static IReadOnlySet<Address> Resolve(CensorPlan plan, TransferWorld world)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(world);
        var senders = new HashSet<Address>();
        foreach (var source in world.Load.Where(l => plan.Senders.Count == 0 || plan.Senders.Contains(l.Source.Name)))
        {
            // The first accounts by index: accounts are spread over shards by index mod n, so every shard loses its share.
            var count = Math.Max(1, (int)Math.Ceiling(plan.Share * source.Count));
            for (var i = 0; i < Math.Min(count, source.Count); i++) senders.Add(source.Addresses[i]);
        }
        foreach (var name in plan.Senders.Where(world.Keys.ContainsKey)) senders.Add(world.AddressOf(name));
        return senders;
    }
}
