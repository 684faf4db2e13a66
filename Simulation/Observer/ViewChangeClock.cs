namespace HarmonySim.Simulation.Observer;

/// <summary>
/// The view changes a shard started and the virtual time it spent view-changing (docs/DESIGN-NOTES.md, "Counting view
/// changes"). A view change is started once per (height, view): retries of the same view within its slot and the
/// other nodes joining it are the same view change. The shard is view-changing from a start while it was not until the
/// next completed view change or canonical block; a run that ends mid-way counts up to its end.
/// </summary>
/// <remarks>The owner decides which reports count (honest nodes at the shard's next height); this class only keeps time.</remarks>
public sealed class ViewChangeClock
{
    private readonly HashSet<(ulong Height, ulong View)> _started = [];
    private TimeSpan _closedTotal;
    private TimeSpan? _openSince;

    /// <summary>Distinct (height, view) pairs a view change was started for.</summary>
    public int Started { get; private set; }

    /// <summary>A view change for <paramref name="view"/> at <paramref name="height"/> began at <paramref name="now"/>.</summary>
    public void Start(TimeSpan now, ulong height, ulong view)
    {
        // A straggler joining a view change that already ended must not reopen the clock: only a new view does.
        if (!_started.Add((height, view))) return;
        Started++;
        _openSince ??= now;
    }

    /// <summary>Forgets the views of heights below <paramref name="height"/>, where no view change can start any more.</summary>
    public void Forget(ulong height) => _started.RemoveWhere(k => k.Height < height);

    /// <summary>The shard left view-changing (a new view was entered, or a block committed) at <paramref name="now"/>.</summary>
    public void Stop(TimeSpan now)
    {
        if (_openSince is not { } since) return;
        _closedTotal += now - since;
        _openSince = null;
    }

    /// <summary>Virtual time spent view-changing up to <paramref name="now"/>, an unfinished view change included.</summary>
    public TimeSpan Spent(TimeSpan now) => _closedTotal + (_openSince is { } since && now > since ? now - since : TimeSpan.Zero);
}
