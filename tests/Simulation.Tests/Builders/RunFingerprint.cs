using System.Globalization;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Tests.Builders;

/// <summary>
/// Everything a run's result says, as lines that compare by value: per shard its delivery trace hash, counters,
/// every commit and every logged event. Two runs with equal fingerprints are indistinguishable from their results.
/// </summary>
public static class RunFingerprint
{
    /// <summary>Fingerprints where <paramref name="run"/> stands: its result and everything it recorded.</summary>
    public static IReadOnlyList<string> Of(LocalRun run) => [.. Lines(run.Result(), run.Recorded)];

    /// <summary>Fingerprints a result beside its shards' records.</summary>
    public static IReadOnlyList<string> Of(RunResult result, Func<int, ShardRecords> recorded) => [.. Lines(result, recorded)];

    /// <summary>Runs a plan to its end in this process and fingerprints the result.</summary>
    public static IReadOnlyList<string> Run(RunPlan plan)
    {
        using var run = new LocalRun(plan);
        run.RunToEnd();
        return Of(run);
    }

    private static IEnumerable<string> Lines(RunResult result, Func<int, ShardRecords> recorded)
    {
        yield return $"simulated {result.SimulatedTime.Ticks}";
        foreach (var s in result.Shards)
        {
            yield return Invariant($"shard {s.Shard} trace {s.DeliveryTraceHash} deliveries {s.Deliveries} signatures {s.SignaturesVerified} view_changes {s.ViewChanges} started {s.ViewChangesStarted} view_changing {s.TimeViewChanging.Ticks} height {s.Height} blocks {s.Blocks}");
            var records = recorded(s.Shard);
            yield return $"shard {s.Shard} messages {string.Join(' ', s.MessagesByType.Select(kv => $"{kv.Key}={kv.Value}"))}";
            foreach (var c in records.Commits)
                yield return Invariant($"shard {s.Shard} commit {c.Height} {c.Hash} view {c.ViewId} proposed {c.ProposedAt.Ticks} committed {c.CommittedAt.Ticks} signers {c.Signers} verified {c.SignatureVerified} leader {c.LeaderNode}");
            foreach (var e in records.Events)
                yield return Invariant($"event {e.At.Ticks} {e.Shard} {e.Kind} {string.Join(' ', e.Fields.Select(f => $"{f.Key}={f.Value}"))}");
            foreach (var v in s.SafetyViolations) yield return $"violation {v}";
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
