using Stopwatch = System.Diagnostics.Stopwatch;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// Holds virtual time to a multiple of wall time from an anchor (the virtual and wall time when the pace was last set),
/// so a change of speed or a pause does not make the run race to catch up with the old pace. Null speed: no waiting.
/// </summary>
public sealed class Pacer(double? speed)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _virtualAnchor;
    private TimeSpan _wallAnchor;

    public double? Speed { get; private set; } = speed;

    /// <summary>Starts pacing afresh from <paramref name="virtualNow"/> at the given speed.</summary>
    public void Reset(double? speed, TimeSpan virtualNow)
    {
        Speed = speed;
        _virtualAnchor = virtualNow;
        _wallAnchor = _wall.Elapsed;
    }

    /// <summary>Waits until the wall clock has caught up with <paramref name="virtualNow"/> at the current speed.</summary>
    public async Task Wait(TimeSpan virtualNow, CancellationToken cancellation)
    {
        if (Speed is not { } speed) return;
        var due = _wallAnchor + (virtualNow - _virtualAnchor) / speed;
        var wait = due - _wall.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
    }
}
