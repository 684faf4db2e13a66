using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Grains.Runs;

/// <summary>
/// The silo's memo of <see cref="RunContext"/>: keys, committees and genesis blocks are a pure function of the run
/// plan, and the shard networks of one run hosted on this silo share them (with the per-bitmap sums and verification
/// results those objects memoise) instead of each deriving thousands of keys again. Keyed by a SHA-256 of the whole
/// plan, so two plans can never share a context; nothing in a context changes the outcome of a run.
/// </summary>
public sealed class RunContexts
{
    private readonly ConcurrentDictionary<string, Lazy<RunContext>> _runs = new();
    // Inside a silo every grain of a run receives the same plan object: its fingerprint is taken once.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RunPlan, string> _fingerprints = [];

    public RunContext For(RunPlan plan) => _runs.GetOrAdd(_fingerprints.GetValue(plan, Fingerprint), _ => new Lazy<RunContext>(() => new RunContext(plan))).Value;

    private static string Fingerprint(RunPlan plan) =>
        plan.RunId + "#" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(plan)));
}
