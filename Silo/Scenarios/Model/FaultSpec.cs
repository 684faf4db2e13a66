using System.Collections.Immutable;

using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>A fault target: a cohort by name, or every node serving shard <see cref="Shard"/> (file value <c>shard:N</c>).</summary>
public sealed record FaultTarget
{
    public static FaultTarget ForCohort(string name) => new() { Cohort = name };

    public static FaultTarget ForShard(int shard) => new() { Shard = shard };

    public string? Cohort { get; init; }

    public int? Shard { get; init; }

    public override string ToString() => Cohort ?? $"shard:{Shard}";
}

/// <summary>
/// One fault at a point of virtual time. Which members are set depends on <see cref="Kind"/>: <c>crash</c>,
/// <c>restart</c> and <c>slow-link</c> have targets (cohorts and/or shards); <c>isolate-leader</c> has shard
/// targets only; <c>partition</c> has groups (every cohort in exactly one); <c>heal</c> has neither.
/// </summary>
public sealed record FaultSpec
{
    public TimeSpan At { get; init; }

    public FaultKind Kind { get; init; }

    public ImmutableArray<FaultTarget> Targets { get; init; } = [];

    /// <summary>How long the fault lasts (crash, partition, isolate-leader, slow-link); null: until a later restart or heal.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Partition sides, each a list of cohort names.</summary>
    public ImmutableArray<ImmutableArray<string>> Groups { get; init; } = [];

    /// <summary>Extra one-way delay of a slow link.</summary>
    public TimeSpan? ExtraDelay { get; init; }

    /// <summary>When the fault ends on its own, if it has a duration.</summary>
    public TimeSpan? Until => Duration is { } d ? At + d : null;
}
