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

    public bool IsCrashed(int node) => _crashed.Contains(node);

    /// <summary>Whether a message from <paramref name="from"/> to <paramref name="to"/> is cut at <paramref name="now"/>.</summary>
    public bool Blocks(int from, int to, TimeSpan now) =>
        _crashed.Contains(from) || _crashed.Contains(to)
        || (_isolated is { } iso && now < iso.Until && (from == iso.Node || to == iso.Node))
        || (_partitionGroup.Count > 0 && Group(from) != Group(to))
        || (_cut is { } cut && now < cut.Until && (from == cut.Node || to == cut.Node));

    /// <summary>Whether a commit cut (<see cref="Plans.CommitCutPlan"/>) is in force at <paramref name="now"/>.</summary>
    public bool Cutting(TimeSpan now) => _cut is { } cut && now < cut.Until;

    /// <summary>Cuts <paramref name="node"/> off from every other node until <paramref name="until"/> (a heal ends it sooner).</summary>
    public void Cut(int node, TimeSpan until) => _cut = (node, until);

    /// <summary>Whether links between live nodes are cut or slowed at <paramref name="now"/> (a partition, an isolation, a slow link): a gossip route then depends on the moment.</summary>
    public bool ShapesLinks(TimeSpan now) => _partitionGroup.Count > 0 || _slowLinks.Count > 0 || (_isolated is { } iso && now < iso.Until) || Cutting(now);

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
        }
        return (restarted, targets);
    }

    private int Group(int node) => _partitionGroup.TryGetValue(node, out var g) ? g : -1;
}
