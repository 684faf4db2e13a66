namespace HarmonySim.Dashboard.Control;

/// <summary>
/// What the dashboard may do to a live run. Everything takes effect between two steps of the run, at the virtual time
/// the step reached, so a run nobody touches is the run it would have been without the dashboard. A replayed run has
/// no control.
/// </summary>
public interface IRunControl
{
    bool Paused { get; }

    /// <summary>Whether the run is being held now (paused takes hold at the end of the step under way).</summary>
    bool Holding { get; }

    /// <summary>The pace (virtual seconds per wall second), null when running flat out.</summary>
    double? Speed { get; }

    void Pause();

    void Resume();

    /// <summary>Sets the pace; null runs flat out. Returns why it was refused, or null.</summary>
    string? SetSpeed(double? factor);

    /// <summary>Queues a fault for the next step boundary. Returns why it was refused (an unknown kind, node or shard), or null.</summary>
    string? Inject(FaultRequest fault);
}
