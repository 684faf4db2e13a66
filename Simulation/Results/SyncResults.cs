namespace HarmonySim.Simulation.Results;

/// <summary>
/// How the shard's nodes caught up (issue 14, fast state sync): the sync mode the scenario chose, every sync that
/// fetched at least one block, and every restart with how long the node took to sign again.
/// </summary>
public sealed record SyncResult(string Mode, IReadOnlyList<SyncRecord> Syncs, IReadOnlyList<RejoinRecord> Rejoins);

/// <summary>
/// One sync: the node, the path it took (fixed, short_range, staged, fast), the heights it fetched, the bytes it
/// downloaded, when it asked and how long it took until the blocks were applied.
/// </summary>
public sealed record SyncRecord(int Node, string Method, ulong FromHeight, ulong ToHeight, long Bytes, double StartS, double DurationS)
{
    public ulong Blocks => ToHeight - FromHeight + 1;
}

/// <summary>
/// A node that came back after downtime: when it restarted, the blocks it synced since, and the seconds from its
/// restart to its first vote (null when it had not voted again by the end of the run).
/// </summary>
public sealed record RejoinRecord(int Node, double RestartedAtS, ulong BlocksSynced, double? SignedAgainAfterS);
