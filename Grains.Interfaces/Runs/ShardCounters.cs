namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A shard's running totals that telemetry reads between steps: consensus messages delivered by type (lower-case type
/// names) and signatures verified. Reading them changes nothing in the run.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardCounters(
    [property: Id(0)] int Shard,
    [property: Id(1)] IReadOnlyDictionary<string, long> MessagesByType,
    [property: Id(2)] long SignaturesVerified);
