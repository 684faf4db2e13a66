namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// The virtual times a durable run's progress steps end at: step i ends at i × step, capped at the run's duration,
/// the same stops the embedded runner uses. A rebuilt run re-executes exactly these stops, so its windows, records
/// and digest are the ones the lost run had.
/// </summary>
public sealed class StepSchedule(TimeSpan step, TimeSpan duration)
{
    public TimeSpan Until(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        // Whole-step arithmetic in ticks never overflows for a duration the loader accepts (at most years).
        var end = TimeSpan.FromTicks(step.Ticks * index);
        return end < duration ? end : duration;
    }
}
