namespace HarmonySim.Simulation.Sync;

/// <summary>The path one sync took (reported as fixed, short_range, staged, fast).</summary>
public enum SyncMethod
{
    /// <summary>The kernel's fixed catch-up: the missing blocks 500 ms after the request, no bandwidth modelled.</summary>
    Fixed,

    /// <summary>A gap within the last mile: one hash query, then the bodies, then re-execution (Harmony's short-range sync).</summary>
    ShortRange,

    /// <summary>Staged stream sync: heads, block hashes, bodies, re-execution, one stage after the other.</summary>
    Staged,

    /// <summary>Fast sync: heads, headers to the pivot, the state snapshot at the pivot, then the recent blocks as staged sync.</summary>
    Fast,
}
