using System.Collections.Immutable;

namespace HarmonySim.Grains.Interfaces.Scenarios;

/// <summary>What a fault does.</summary>
[GenerateSerializer]
public enum FaultKind
{
    /// <summary>Target nodes stop (lose nothing committed); with a duration they restart after it (file value <c>crash</c>).</summary>
    Crash,

    /// <summary>Crashed target nodes restart from their own committed chain (file value <c>restart</c>).</summary>
    Restart,

    /// <summary>The network splits into <see cref="FaultSpec.Groups"/>; with a duration it heals after it (file value <c>partition</c>).</summary>
    Partition,

    /// <summary>Ends every active partition, leader isolation and slow link (file value <c>heal</c>).</summary>
    Heal,

    /// <summary>The current leader of each target shard is cut off from everyone (file value <c>isolate-leader</c>).</summary>
    IsolateLeader,

    /// <summary>Every link to and from the target nodes gets <see cref="FaultSpec.ExtraDelay"/> more one-way delay (file value <c>slow-link</c>).</summary>
    SlowLink,
}

/// <summary>A fault target: a cohort by name, or every node serving shard <see cref="Shard"/> (file value <c>shard:N</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record FaultTarget
{
    public static FaultTarget ForCohort(string name) => new() { Cohort = name };

    public static FaultTarget ForShard(int shard) => new() { Shard = shard };

    [Id(0)] public string? Cohort { get; init; }

    [Id(1)] public int? Shard { get; init; }

    public override string ToString() => Cohort ?? $"shard:{Shard}";
}

/// <summary>
/// One fault at a point of virtual time. Which members are set depends on <see cref="Kind"/>: <c>crash</c>,
/// <c>restart</c> and <c>slow-link</c> have targets (cohorts and/or shards); <c>isolate-leader</c> has shard
/// targets only; <c>partition</c> has groups (every cohort in exactly one); <c>heal</c> has neither.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FaultSpec
{
    [Id(0)] public TimeSpan At { get; init; }

    [Id(1)] public FaultKind Kind { get; init; }

    [Id(2)] public ImmutableArray<FaultTarget> Targets { get; init; } = [];

    /// <summary>How long the fault lasts (crash, partition, isolate-leader, slow-link); null: until a later restart or heal.</summary>
    [Id(3)] public TimeSpan? Duration { get; init; }

    /// <summary>Partition sides, each a list of cohort names.</summary>
    [Id(4)] public ImmutableArray<ImmutableArray<string>> Groups { get; init; } = [];

    /// <summary>Extra one-way delay of a slow link.</summary>
    [Id(5)] public TimeSpan? ExtraDelay { get; init; }

    /// <summary>When the fault ends on its own, if it has a duration.</summary>
    public TimeSpan? Until => Duration is { } d ? At + d : null;
}
