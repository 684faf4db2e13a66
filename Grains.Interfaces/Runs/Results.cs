namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>A block as the shard first saw it finalised by an honest node.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitRecord(
    [property: Id(0)] ulong Height,
    [property: Id(1)] string Hash,
    [property: Id(2)] ulong ViewId,
    [property: Id(3)] TimeSpan ProposedAt,
    [property: Id(4)] TimeSpan CommittedAt,
    [property: Id(5)] int Signers,
    [property: Id(6)] bool SignatureVerified,
    [property: Id(7)] int LeaderNode);

/// <summary>One line of the canonical event log (events.jsonl): a time, a shard, a kind and its fields in a fixed order.</summary>
[GenerateSerializer, Immutable]
public sealed record LoggedEvent(
    [property: Id(0)] TimeSpan At,
    [property: Id(1)] int Shard,
    [property: Id(2)] string Kind,
    [property: Id(3)] IReadOnlyList<KeyValuePair<string, string>> Fields);

[GenerateSerializer, Immutable]
public sealed record ShardResult(
    [property: Id(0)] int Shard,
    [property: Id(1)] IReadOnlyList<CommitRecord> Commits,
    [property: Id(2)] int ViewChanges,
    [property: Id(3)] IReadOnlyList<TimeSpan> ViewChangeTimes,
    [property: Id(4)] IReadOnlyDictionary<string, long> MessagesByType,
    [property: Id(5)] long Deliveries,
    [property: Id(6)] long SignaturesVerified,
    [property: Id(7)] IReadOnlyList<string> SafetyViolations,
    [property: Id(8)] IReadOnlyList<LoggedEvent> Events,
    [property: Id(9)] string DeliveryTraceHash,
    [property: Id(10)] int Validators,
    [property: Id(11)] int Keys,
    [property: Id(12)] StakingRunResult? Staking = null,
    [property: Id(13)] TransferRunResult? Transfers = null);

[GenerateSerializer, Immutable]
public sealed record RunResult(
    [property: Id(0)] RunPlan Plan,
    [property: Id(1)] TimeSpan SimulatedTime,
    [property: Id(2)] IReadOnlyList<ShardResult> Shards);
