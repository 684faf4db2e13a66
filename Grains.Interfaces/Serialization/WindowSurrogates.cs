using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Grains.Interfaces.Serialization;

// Surrogates for what crosses silos every window: each shard's progress and the messages it sends other shards.

[GenerateSerializer, Immutable]
public readonly struct CrossShardMessageSurrogate
{
    [Id(0)] public TimeSpan At { get; init; }
    [Id(1)] public int FromShard { get; init; }
    [Id(2)] public int ToShard { get; init; }
    [Id(3)] public long Seq { get; init; }
    [Id(4)] public CrossShardPayload Payload { get; init; }
}

[RegisterConverter]
public sealed class CrossShardMessageConverter : IConverter<CrossShardMessage, CrossShardMessageSurrogate>
{
    public CrossShardMessage ConvertFromSurrogate(in CrossShardMessageSurrogate s) => new(s.At, s.FromShard, s.ToShard, s.Seq, s.Payload);
    public CrossShardMessageSurrogate ConvertToSurrogate(in CrossShardMessage m) => new() { At = m.At, FromShard = m.FromShard, ToShard = m.ToShard, Seq = m.Seq, Payload = m.Payload };
}

/// <summary>Any one of the cross-shard payloads; exactly one field is set.</summary>
[GenerateSerializer, Immutable]
public readonly struct PayloadSurrogate
{
    [Id(0)] public Crosslink? Link { get; init; }
    [Id(1)] public SlashRecord? Record { get; init; }
    [Id(2)] public ulong Epoch { get; init; }
    [Id(3)] public byte[]? ShardState { get; init; }
    [Id(4)] public IReadOnlyList<RandomnessContribution>? Contributions { get; init; }
    [Id(5)] public CXReceiptsProof? Proof { get; init; }
}

[RegisterConverter]
public sealed class CrosslinkSentConverter : IConverter<CrosslinkSent, PayloadSurrogate>
{
    public CrosslinkSent ConvertFromSurrogate(in PayloadSurrogate s) => new(s.Link!);
    public PayloadSurrogate ConvertToSurrogate(in CrosslinkSent p) => new() { Link = p.Link };
}

[RegisterConverter]
public sealed class EvidenceSentConverter : IConverter<EvidenceSent, PayloadSurrogate>
{
    public EvidenceSent ConvertFromSurrogate(in PayloadSurrogate s) => new(s.Record!);
    public PayloadSurrogate ConvertToSurrogate(in EvidenceSent p) => new() { Record = p.Record };
}

[RegisterConverter]
public sealed class ShardStateSentConverter : IConverter<ShardStateSent, PayloadSurrogate>
{
    public ShardStateSent ConvertFromSurrogate(in PayloadSurrogate s) => new(s.Epoch, s.ShardState!);
    public PayloadSurrogate ConvertToSurrogate(in ShardStateSent p) => new() { Epoch = p.Epoch, ShardState = p.ShardState };
}

[RegisterConverter]
public sealed class RandomnessSentConverter : IConverter<RandomnessSent, PayloadSurrogate>
{
    public RandomnessSent ConvertFromSurrogate(in PayloadSurrogate s) => new(s.Contributions!);
    public PayloadSurrogate ConvertToSurrogate(in RandomnessSent p) => new() { Contributions = p.Contributions };
}

[RegisterConverter]
public sealed class ReceiptsSentConverter : IConverter<ReceiptsSent, PayloadSurrogate>
{
    public ReceiptsSent ConvertFromSurrogate(in PayloadSurrogate s) => new(s.Proof!);
    public PayloadSurrogate ConvertToSurrogate(in ReceiptsSent p) => new() { Proof = p.Proof };
}

[GenerateSerializer, Immutable]
public readonly struct ShardProgressSurrogate
{
    [Id(0)] public int Shard { get; init; }
    [Id(1)] public TimeSpan Now { get; init; }
    [Id(2)] public ulong Height { get; init; }
    [Id(3)] public int ViewChanges { get; init; }
    [Id(4)] public long Deliveries { get; init; }
    [Id(5)] public TimeSpan NextEventAt { get; init; }
    [Id(6)] public IReadOnlyList<CrossShardMessage> Outbox { get; init; }
    [Id(7)] public ulong EpochsCompleted { get; init; }
    [Id(8)] public int ViewChangesStarted { get; init; }
    [Id(9)] public TimeSpan TimeViewChanging { get; init; }
}

[RegisterConverter]
public sealed class ShardProgressConverter : IConverter<ShardProgress, ShardProgressSurrogate>
{
    public ShardProgress ConvertFromSurrogate(in ShardProgressSurrogate s) =>
        new(s.Shard, s.Now, s.Height, s.ViewChanges, s.Deliveries, s.NextEventAt, s.Outbox ?? [], s.EpochsCompleted)
        {
            ViewChangesStarted = s.ViewChangesStarted, TimeViewChanging = s.TimeViewChanging,
        };
    public ShardProgressSurrogate ConvertToSurrogate(in ShardProgress p) => new()
    {
        Shard = p.Shard, Now = p.Now, Height = p.Height, ViewChanges = p.ViewChanges, Deliveries = p.Deliveries,
        NextEventAt = p.NextEventAt, Outbox = p.Outbox, EpochsCompleted = p.EpochsCompleted,
        ViewChangesStarted = p.ViewChangesStarted, TimeViewChanging = p.TimeViewChanging,
    };
}

[GenerateSerializer, Immutable]
public readonly struct RunProgressSurrogate
{
    [Id(0)] public TimeSpan Now { get; init; }
    [Id(1)] public TimeSpan Duration { get; init; }
    [Id(2)] public IReadOnlyList<ShardProgress> Shards { get; init; }
    [Id(3)] public ulong? EpochGoal { get; init; }
}

[RegisterConverter]
public sealed class RunProgressConverter : IConverter<RunProgress, RunProgressSurrogate>
{
    public RunProgress ConvertFromSurrogate(in RunProgressSurrogate s) => new(s.Now, s.Duration, s.Shards, s.EpochGoal);
    public RunProgressSurrogate ConvertToSurrogate(in RunProgress p) => new() { Now = p.Now, Duration = p.Duration, Shards = p.Shards, EpochGoal = p.EpochGoal };
}
