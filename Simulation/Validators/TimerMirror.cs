using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Simulation.Validators;

/// <summary>
/// The network's copy of each node replica's live timer tokens, kept from the SetTimer and CancelTimer effects the
/// node emits. A node ignores a firing whose token is not its latest for that kind (FbftNode.Tick), and ~99 % of
/// firings are such stale timers, so the network drops them instead of delivering them: the node could not have
/// done anything with them. A firing that is delivered consumes its token, as the node does.
/// </summary>
public sealed class TimerMirror
{
    private readonly Dictionary<(int Node, int Replica, TimerKind Kind), long> _live = [];

    public void Set(int node, int replica, TimerKind kind, long token) => _live[(node, replica, kind)] = token;

    public void Cancel(int node, int replica, TimerKind kind) => _live.Remove((node, replica, kind));

    /// <summary>
    /// Forgets a node's timers (its state machine was rebuilt, as on a restart): on both possible replicas whatever
    /// <paramref name="replicas"/> says, since a node never has more than two and a stale entry must never survive.
    /// </summary>
    public void Reset(int node, int replicas)
    {
        foreach (var kind in Enum.GetValues<TimerKind>())
            for (var r = 0; r < Math.Max(replicas, 2); r++) _live.Remove((node, r, kind));
    }

    /// <summary>True when the firing is the node's live timer (and is now consumed); false when the node would ignore it.</summary>
    public bool Fire(int node, int replica, TimerKind kind, long token)
    {
        var key = (node, replica, kind);
        if (!_live.TryGetValue(key, out var live) || live != token) return false;
        _live.Remove(key);
        return true;
    }
}
