using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Network;

/// <summary>
/// Routing around split-brain nodes (behaviour equivocate): replica r of such a node talks only to honest nodes on
/// side r (SHA-256 of seed, "side", node) and to replica r of other split-brain nodes; an honest node's messages
/// reach the replica of its own side. Without split-brain nodes every message goes to replica 0.
/// </summary>
public sealed class SplitBrainRouting
{
    private readonly RunPlan _plan;
    private readonly Dictionary<int, int>? _side;

    public SplitBrainRouting(RunPlan plan)
    {
        _plan = plan;
        if (plan.Nodes.Any(n => n.Behaviour == NodeBehaviour.Equivocate))
            _side = plan.Nodes.ToDictionary(n => n.Id, n => RunSeeds.Side(plan.Seed, n.Id));
    }

    /// <summary>False when the message must not reach <paramref name="to"/>; otherwise the replica it reaches.</summary>
    public bool Route(int from, int fromReplica, int to, out int toReplica)
    {
        toReplica = 0;
        if (_side is null) return true;
        var fromSplit = IsSplit(from);
        var side = fromSplit ? fromReplica : _side[from];
        if (IsSplit(to)) toReplica = side;
        else if (fromSplit && _side[to] != side) return false;
        return true;
    }

    private bool IsSplit(int node) => _plan.Nodes[node].Behaviour == NodeBehaviour.Equivocate;
}
