namespace HarmonySim.Simulation.Tests.Builders;

/// <summary>Reading a shard's records the way the fault tests need them.</summary>
public static class ShardResults
{
    /// <summary>The fault kinds the shard logged, in order (kebab case, as the event log writes them).</summary>
    public static IReadOnlyList<string> LoggedFaults(this ShardRun shard) =>
        [.. shard.Events.Where(e => e.Kind == "fault").Select(e => e.Fields.Single(f => f.Key == "fault").Value)];

    public static IReadOnlyList<CommitRecord> CommittedBetween(this ShardRun shard, double fromSeconds, double toSeconds) =>
        [.. shard.Commits.Where(c => c.CommittedAt >= TimeSpan.FromSeconds(fromSeconds) && c.CommittedAt < TimeSpan.FromSeconds(toSeconds))];
}
