using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Campaigns;

/// <summary>
/// Turns a scenario's plan and a seed into one explored run, in the style of Twins (Bano et al., 2022): up to f nodes
/// per shard become byzantine (twins that equivocate, leaders that carry stale certificates, double signers, silent
/// leaders, withholders), and time is cut into rounds, each with its own partition of every shard, until the network
/// heals. Every draw comes from <see cref="RunSeeds.Exploration"/>, so a seed names its schedule: a violation replays.
/// </summary>
public static class TwinsExploration
{
    public static RunPlan Plan(RunPlan template, ulong seed, ExplorationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        var random = RunSeeds.Exploration(seed);
        var nodes = template.Nodes.ToArray();
        for (var shard = 0; shard < template.Shards; shard++)
        {
            var members = template.NodesOf(shard).Select(n => n.Id).ToList();
            var byzantine = Math.Min(settings.ByzantinePerShard ?? (members.Count - 1) / 3, members.Count);
            Shuffle(members, random);
            foreach (var id in members.Take(byzantine))
                nodes[id] = nodes[id] with { Behaviour = settings.Behaviours[random.Next(settings.Behaviours.Count)], BehaviourFrom = null, BehaviourUntil = null };
        }
        var faults = new List<FaultPlan>(template.Faults.Where(f => f.At < settings.HealAt));
        var (low, high) = (Math.Log(settings.MinRound.TotalMilliseconds), Math.Log(settings.MaxRound.TotalMilliseconds));
        for (var at = TimeSpan.Zero; at < settings.HealAt;)
        {
            var groups = 1 + random.Next(settings.MaxGroups);
            if (groups > 1) faults.Add(new FaultPlan(at, FaultKind.Partition, [], null, null, Partition(template, groups, random)));
            else faults.Add(new FaultPlan(at, FaultKind.EndPartition, [], null, null, []));
            at += TimeSpan.FromMilliseconds(Math.Round(Math.Exp(low + random.NextDouble() * (high - low))));
        }
        faults.Add(new FaultPlan(settings.HealAt, FaultKind.Heal, [], null, null, []));
        return template with
        {
            RunId = $"{template.RunId}-explore-{seed}",
            Seed = seed,
            Nodes = nodes,
            Faults = [.. faults.OrderBy(f => f.At)],
            Length = new RunLength(settings.HealAt + settings.LivenessWindow),
            Omissions = settings.OmitPerRound ? new OmissionPlan(settings.HealAt) { LossyRounds = settings.LossyRounds ?? LossyRoundsFor(template) } : template.Omissions,
            ByzantineLeaderShare = settings.ByzantineLeaders > 0 ? settings.ByzantineLeaders : null,
            ByzantineLeadersUntil = settings.HealAt,
            CommitCuts = settings.CommitCuts > 0 ? new CommitCutPlan(settings.HealAt, settings.CommitCuts) : template.CommitCuts,
        };
    }

    private static double LossyRoundsFor(RunPlan template) =>
        Math.Min(0.5, 2.0 / Enumerable.Range(0, template.Shards).Max(s => template.NodesOf(s).Count()));

    /// <summary>
    /// Every node of every shard into one of <paramref name="groups"/> groups (a node's twins go with it). The first
    /// group takes each node with a probability drawn per round between ½ and 1, the others share the rest: split
    /// evenly, a large committee would never hold a quorum in any group and nothing would happen until the heal.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<int>> Partition(RunPlan plan, int groups, Random random)
    {
        var split = Enumerable.Range(0, groups).Select(_ => new List<int>()).ToArray();
        var main = 0.5 + random.NextDouble() / 2;
        foreach (var node in plan.Nodes) split[random.NextDouble() < main ? 0 : 1 + random.Next(groups - 1)].Add(node.Id);
        return [.. split.Where(g => g.Count > 0)];
    }

    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
