using HarmonySim.Dashboard.Control;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// An operator's hold on a live run (the dashboard's pause, resume, speed and fault form). Requests are only recorded
/// here; the <see cref="Runner"/> carries them out between two steps, where every shard stands at the same virtual
/// time. Faults go through the grains' outside-control path (a validator grain for crash and restart, the shard
/// network for the rest), which logs them like scripted faults, so they enter the event log and the digest: a run
/// someone steered is reproducible from its log, and a run nobody touched is the run it would have been.
/// </summary>
public sealed class RunControl(RunPlan plan, double? speed) : IRunControl, IDisposable
{
    private const double MinSpeed = 0.001;
    private const double MaxSpeed = 1_000_000;

    private static readonly Dictionary<string, FaultKind> Kinds = new(StringComparer.Ordinal)
    {
        ["crash"] = FaultKind.Crash,
        ["restart"] = FaultKind.Restart,
        ["isolate-leader"] = FaultKind.IsolateLeader,
        ["partition"] = FaultKind.Partition,
        ["heal"] = FaultKind.Heal,
    };

    private readonly Lock _gate = new();
    private readonly List<(FaultKind Kind, int? Shard, IReadOnlyList<int> Nodes)> _pending = [];
    private readonly SemaphoreSlim _wake = new(0);
    private bool _speedChanged;

    public bool Paused { get; private set; }

    public bool Holding { get; private set; }

    public double? Speed { get; private set; } = speed;

    public void Pause()
    {
        lock (_gate) Paused = true;
    }

    public void Resume()
    {
        lock (_gate) Paused = false;
        _wake.Release();
    }

    public string? SetSpeed(double? factor)
    {
        if (factor is { } f && !(f >= MinSpeed && f <= MaxSpeed)) return $"speed: expected max or a multiple from {MinSpeed} to {MaxSpeed}, got {f}";
        lock (_gate)
        {
            Speed = factor;
            _speedChanged = true;
        }
        return null;
    }

    public string? Inject(FaultRequest fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!Kinds.TryGetValue(fault.Kind, out var kind)) return $"kind: expected one of {string.Join(", ", Kinds.Keys)}, got '{fault.Kind}'";
        if (fault.Shard is { } s && (s < 0 || s >= plan.Shards)) return $"shard: this run has shards 0 to {plan.Shards - 1}, got {s}";
        var unknown = fault.Nodes.Where(n => n < 0 || n >= plan.Nodes.Count).ToList();
        if (unknown.Count > 0) return $"nodes: this run has nodes 0 to {plan.Nodes.Count - 1}, got {unknown[0]}";
        if (kind is FaultKind.Crash or FaultKind.Restart or FaultKind.Partition && fault.Nodes.Count == 0)
            return $"nodes: {fault.Kind} needs at least one node id";
        lock (_gate) _pending.Add((kind, fault.Shard, [.. fault.Nodes.Distinct().Order()]));
        _wake.Release();
        return null;
    }

    /// <summary>
    /// Between two steps (every shard at <paramref name="now"/>): applies the queued faults, holds the run while it is
    /// paused (applying faults queued meanwhile) and re-anchors the pace after a pause or a change of speed.
    /// </summary>
    internal async Task BetweenSteps(IGrainFactory grains, TimeSpan now, Pacer pacer, CancellationToken cancellation)
    {
        var held = false;
        while (true)
        {
            List<(FaultKind Kind, int? Shard, IReadOnlyList<int> Nodes)> faults;
            bool paused;
            lock (_gate)
            {
                faults = [.. _pending];
                _pending.Clear();
                paused = Paused;
            }
            foreach (var fault in faults) await Apply(grains, fault.Kind, fault.Shard, fault.Nodes);
            if (!paused) break;
            held = true;
            Holding = true;
            try
            {
                await _wake.WaitAsync(cancellation);
            }
            finally
            {
                Holding = false;
            }
        }
        lock (_gate)
        {
            if (held || _speedChanged) pacer.Reset(Speed, now);
            _speedChanged = false;
        }
    }

    public void Dispose() => _wake.Dispose();

    private async Task Apply(IGrainFactory grains, FaultKind kind, int? shard, IReadOnlyList<int> nodes)
    {
        if (kind is FaultKind.Crash or FaultKind.Restart)
        {
            // The validators' own control, as any outside caller would use it.
            await Task.WhenAll(nodes.Select(n => grains.GetGrain<IValidatorGrain>($"{plan.RunId}/{n}")).Select(v => kind == FaultKind.Crash ? v.Crash() : v.Restart()));
            return;
        }
        var shards = shard is { } one ? [one] : Enumerable.Range(0, plan.Shards);
        foreach (var s in shards) await grains.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{s}").Control(kind, nodes);
    }
}
