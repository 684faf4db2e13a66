using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Reports.Load;

/// <summary>A stretch of a run in which the offered rate stays constant: a step of a saturation search.</summary>
public sealed record LoadStep(int Index, TimeSpan From, TimeSpan To, double NetworkRate)
{
    public bool Contains(TimeSpan t) => t >= From && t < To;
}

/// <summary>
/// The steps of a load plan: the stretches where the network's offered rate (every source's curve summed) is constant
/// and positive, at least <see cref="MinimumLength"/> long, cut at every point of every curve, up to the run's end.
/// A staircase makes one step per stair; a constant load one step; a linear ramp none.
/// </summary>
public static class LoadSteps
{
    public static readonly TimeSpan MinimumLength = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<LoadStep> Of(LoadPlan load, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(load);
        var cuts = load.Sources.SelectMany(s => s.Rate.Points.Select(p => p.At)).Append(TimeSpan.Zero).Append(duration)
            .Where(t => t <= duration).Distinct().Order().ToList();
        var steps = new List<LoadStep>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var start = Rate(load, from);
            // Just before the end: at a step time the curve already holds the next stair's rate.
            var end = Rate(load, to - TimeSpan.FromTicks(1));
            if (start <= 0 || Math.Abs(start - end) > 1e-9 * start || to - from < MinimumLength) continue;
            steps.Add(new LoadStep(steps.Count, from, to, start));
        }
        return steps;
    }

    private static double Rate(LoadPlan load, TimeSpan t) => load.Sources.Sum(s => s.Rate.At(t));
}
