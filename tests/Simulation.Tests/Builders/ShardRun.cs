using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Tests.Builders;

/// <summary>A shard's totals beside everything it recorded: what a test of one shard's run reads.</summary>
public sealed record ShardRun(ShardResult Result, ShardRecords Records)
{
    public IReadOnlyList<CommitRecord> Commits => Records.Commits;
    public IReadOnlyList<LoggedEvent> Events => Records.Events;
    public int ViewChanges => Result.ViewChanges;
    public IReadOnlyList<string> SafetyViolations => Result.SafetyViolations;

    /// <summary>Shard <paramref name="shard"/> of <paramref name="run"/> where it stands now.</summary>
    public static ShardRun Of(LocalRun run, int shard = 0) => new(run.Result().Shards[shard], run.Recorded(shard));

    /// <summary>Runs <paramref name="plan"/> to its end in this process and reads shard <paramref name="shard"/>.</summary>
    public static ShardRun ToEnd(RunPlan plan, int shard = 0)
    {
        using var run = new LocalRun(plan);
        run.RunToEnd();
        return Of(run, shard);
    }
}
