namespace HarmonySim.Grains.Interfaces.Runs;

[GenerateSerializer, Immutable]
public sealed record ShardProgress(
    [property: Id(0)] int Shard,
    [property: Id(1)] TimeSpan Now,
    [property: Id(2)] ulong Height,
    [property: Id(3)] int ViewChanges,
    [property: Id(4)] long Deliveries,
    [property: Id(5)] TimeSpan NextEventAt,
    [property: Id(6)] IReadOnlyList<CrossShardMessage>? Outbox = null,
    [property: Id(7)] ulong EpochsCompleted = 0);

[GenerateSerializer, Immutable]
public sealed record RunProgress(
    [property: Id(0)] TimeSpan Now,
    [property: Id(1)] TimeSpan Duration,
    [property: Id(2)] IReadOnlyList<ShardProgress> Shards,
    [property: Id(3)] ulong? EpochGoal = null)
{
    public bool Done => Now >= Duration;
}
