using System.Collections.Concurrent;

namespace HarmonySim.Grains.Runs;

/// <summary>One <see cref="RunContext"/> per run per silo, built on first use (a silo-wide singleton service).</summary>
public sealed class RunContexts
{
    private readonly ConcurrentDictionary<string, Lazy<RunContext>> _runs = new();

    public RunContext For(RunPlan plan) => _runs.GetOrAdd(plan.RunId, _ => new Lazy<RunContext>(() => new RunContext(plan))).Value;

    public void Forget(string runId) => _runs.TryRemove(runId, out _);
}
