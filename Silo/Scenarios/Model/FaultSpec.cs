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

    /// <summary>How many leaders in a row an <c>isolate-next-leaders</c> fault cuts off (file field <c>count</c>); null for other kinds.</summary>
    public int? Count { get; init; }

    /// <summary>When the fault ends on its own, if it has a duration.</summary>
    public TimeSpan? Until => Duration is { } d ? At + d : null;

    /// <summary>
    /// The period of a recurring fault (file field <c>every</c>): it happens again every this long after <see cref="At"/>,
    /// each time for its <see cref="Duration"/> — a flapping validator is a crash every minute for 20 s, a denial of
    /// service on each new leader an isolate-leader every few seconds. Null: once.
    /// </summary>
    public TimeSpan? Every { get; init; }

    /// <summary>How many times a recurring fault happens (file field <c>times</c>); null: until the run's end.</summary>
    public int? Times { get; init; }

    /// <summary>When each occurrence starts: <see cref="At"/> alone, or every <see cref="Every"/> from it, <see cref="Times"/>
    /// times or while before <paramref name="runEnd"/> (the reader requires one of the two for a recurring fault).</summary>
    public IEnumerable<TimeSpan> Starts(TimeSpan? runEnd)
    {
        if (Every is not { } period)
        {
            yield return At;
            yield break;
        }
        var at = At;
        for (var n = 0; (Times is not { } times || n < times) && (Times is not null || runEnd is { } end && at < end); n++, at += period)
            yield return at;
    }
}
