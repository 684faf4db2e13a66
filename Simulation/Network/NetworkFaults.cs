namespace HarmonySim.Simulation.Network;

/// <summary>
/// The faults in force on a shard's links: crashed nodes, partition groups, an isolated leader until a time, and
/// extra delay on slow nodes' links. Pure bookkeeping; the network asks it whether a message may pass and how late.
/// </summary>
public sealed class NetworkFaults
{
    private readonly HashSet<int> _crashed = [];
    private Dictionary<int, int> _partitionGroup = [];
    private Dictionary<int, TimeSpan> _slowLinks = [];
    private (int Node, TimeSpan Until)? _isolated;
    private (int Node, TimeSpan Until)? _cut;
    // A denial of service on the next leaders: the nodes cut off so far (each until the fault's end), and how many
    // more leaders it may still cut off before that end.
    private readonly Dictionary<int, TimeSpan> _targeted = [];
    private int _leadersLeft;
    private TimeSpan _leadersUntil;

    public bool IsCrashed(int node) => _crashed.Contains(node);

    /// <summary>Whether a message from <paramref name="from"/> to <paramref name="to"/> is cut at <paramref name="now"/>.</summary>
    public bool Blocks(int from, int to, TimeSpan now) =>
        _crashed.Contains(from) || _crashed.Contains(to)
        || (_isolated is { } iso && now < iso.Until && (from == iso.Node || to == iso.Node))
        || (_partitionGroup.Count > 0 && Group(from) != Group(to))
        || (_cut is { } cut && now < cut.Until && (from == cut.Node || to == cut.Node))
        || (_targeted.Count > 0 && (Targeted(from, now) || Targeted(to, now)));

    private bool Targeted(int node, TimeSpan now) => _targeted.TryGetValue(node, out var until) && now < until;

    /// <summary>
    /// Called with each node that leads (its step's output says so) before its messages leave: while a denial of
    /// service on the next leaders is in force and has leaders left, a new leader is cut off at once, so even its
    /// NEWVIEW does not get out. Returns whether it was cut off now (for the log).
    /// </summary>
    public bool TargetLeader(int node, TimeSpan now)
    {
        if (_leadersLeft <= 0 || now >= _leadersUntil || Targeted(node, now)) return false;
        _targeted[node] = _leadersUntil;
        _leadersLeft--;
        return true;
    }

    /// <summary>Whether a commit cut (<see cref="Plans.CommitCutPlan"/>) is in force at <paramref name="now"/>.</summary>
    public bool Cutting(TimeSpan now) => _cut is { } cut && now < cut.Until;

    /// <summary>Cuts <paramref name="node"/> off from every other node until <paramref name="until"/> (a heal ends it sooner).</summary>
    public void Cut(int node, TimeSpan until) => _cut = (node, until);

    /// <summary>Whether links between live nodes are cut or slowed at <paramref name="now"/> (a partition, an isolation, a slow link): a gossip route then depends on the moment.</summary>
    public bool ShapesLinks(TimeSpan now) => _partitionGroup.Count > 0 || _slowLinks.Count > 0 || (_isolated is { } iso && now < iso.Until) || Cutting(now)
        || (_targeted.Count > 0 && now < _leadersUntil);

    public TimeSpan ExtraDelay(int from, int to) => _slowLinks.GetValueOrDefault(from) + _slowLinks.GetValueOrDefault(to);

    /// <summary>
    /// Applies a fault to the given member nodes; returns the nodes a restart brought back (to be started again),
    /// and the nodes the fault names in the log.
    /// </summary>
    public (IReadOnlyList<int> Restarted, IReadOnlyList<int> Named) Apply(FaultPlan fault, IReadOnlyList<int> targets, int leader, TimeSpan now)
    {
        IReadOnlyList<int> restarted = [];
        switch (fault.Kind)
        {
            case FaultKind.Crash:
                foreach (var n in targets) _crashed.Add(n);
                break;
            case FaultKind.Restart:
                restarted = [.. targets.Where(_crashed.Remove)];
                break;
            case FaultKind.Partition:
                _partitionGroup = [];
                for (var g = 0; g < fault.Groups.Count; g++)
                    foreach (var n in fault.Groups[g]) _partitionGroup[n] = g;
                break;
            case FaultKind.Heal:
                _partitionGroup = [];
                _isolated = null;
                _cut = null;
                _slowLinks = [];
                _targeted.Clear();
                _leadersLeft = 0;
                break;
            case FaultKind.SlowLink:
                foreach (var n in targets) _slowLinks[n] = fault.ExtraDelay ?? TimeSpan.Zero;
                break;
            case FaultKind.EndPartition:
                _partitionGroup = [];
                break;
            case FaultKind.EndSlowLink:
                foreach (var n in targets) _slowLinks.Remove(n);
                break;
            case FaultKind.IsolateLeader:
                if (leader >= 0) _isolated = (leader, now + (fault.Duration ?? TimeSpan.FromSeconds(60)));
                return (restarted, [leader]);
            case FaultKind.IsolateNextLeaders:
                // An earlier occurrence's nodes are free again (their time is up); this one starts its own count.
                _targeted.Clear();
                _leadersUntil = now + (fault.Duration ?? TimeSpan.FromSeconds(60));
                _leadersLeft = fault.Count;
                return (restarted, leader >= 0 && TargetLeader(leader, now) ? [leader] : []);
        }
        return (restarted, targets);
    }

    private int Group(int node) => _partitionGroup.TryGetValue(node, out var g) ? g : -1;
}
