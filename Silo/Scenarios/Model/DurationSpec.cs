namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>What ends a run.</summary>
public enum DurationKind
{
    /// <summary>A span of virtual time (file field <c>duration.time</c>).</summary>
    Time,

    /// <summary>Every shard has committed this many blocks (file field <c>duration.blocks</c>).</summary>
    Blocks,

    /// <summary>The beacon chain (shard 0) has completed this many epochs (file field <c>duration.epochs</c>).</summary>
    Epochs,
}

/// <summary>How long a run lasts: exactly one of a time, a block count or an epoch count.</summary>
public sealed record DurationSpec
{
    public static DurationSpec ForTime(TimeSpan time) => new() { Kind = DurationKind.Time, Time = time };

    public static DurationSpec ForBlocks(ulong blocks) => new() { Kind = DurationKind.Blocks, Count = blocks };

    public static DurationSpec ForEpochs(ulong epochs) => new() { Kind = DurationKind.Epochs, Count = epochs };

    public DurationKind Kind { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="DurationKind.Time"/>.</summary>
    public TimeSpan? Time { get; init; }

    /// <summary>Blocks or epochs; set when <see cref="Kind"/> is not <see cref="DurationKind.Time"/>.</summary>
    public ulong? Count { get; init; }

    public override string ToString() => Kind switch
    {
        DurationKind.Time => $"{Time!.Value.TotalSeconds:0.###} s",
        DurationKind.Blocks => $"{Count} blocks",
        _ => $"{Count} epochs",
    };
}
