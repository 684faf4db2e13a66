using HarmonySim.Simulation.Results;

namespace HarmonySim.Simulation.Sync;

/// <summary>
/// The shard's bookkeeping of syncs: which node replicas have one under way (a node runs one sync at a time; what it
/// asks meanwhile is ignored), the syncs done, and for each restarted node when it voted again. Report data only: no
/// draw, nothing in the event log.
/// </summary>
public sealed class SyncLedger
{
    private readonly Dictionary<(int Node, int Replica), SyncRecord> _underway = [];
    private readonly List<SyncRecord> _done = [];
    private readonly List<Rejoin> _rejoins = [];
    private int _awaitingVote;

    /// <summary>Whether some restarted node has not voted yet (a cheap test for the hot path).</summary>
    public bool AwaitsVotes => _awaitingVote > 0;

    public bool IsUnderway(int node, int replica) => _underway.ContainsKey((node, replica));

    /// <summary>A sync starts; its record is kept when its blocks arrive.</summary>
    public void Begin(int node, int replica, SyncRecord record) => _underway[(node, replica)] = record;

    /// <summary>The blocks of the node's sync arrived.</summary>
    public void Arrived(int node, int replica)
    {
        if (_underway.Remove((node, replica), out var record)) Add(record);
    }

    /// <summary>A sync finished at once (the fixed model delivers when the request comes due).</summary>
    public void Add(SyncRecord record)
    {
        _done.Add(record);
        foreach (var r in _rejoins)
            if (r.Node == record.Node && r.SignedAt is null) r.BlocksSynced += record.Blocks;
    }

    /// <summary>A crash abandons the node's syncs under way.</summary>
    public void Crashed(int node)
    {
        foreach (var key in _underway.Keys.Where(k => k.Node == node).ToList()) _underway.Remove(key);
        foreach (var r in _rejoins)
            if (r.Node == node && r.SignedAt is null)
            {
                r.SignedAt = TimeSpan.MinValue;
                _awaitingVote--;
            }
    }

    public void Restarted(int node, TimeSpan at)
    {
        _rejoins.Add(new Rejoin(node, at));
        _awaitingVote++;
    }

    /// <summary>The node sent a vote at <paramref name="at"/>: its first since a restart, if it is waiting for one.</summary>
    public void Voted(int node, TimeSpan at)
    {
        foreach (var r in _rejoins)
            if (r.Node == node && r.SignedAt is null)
            {
                r.SignedAt = at;
                _awaitingVote--;
            }
    }

    public SyncResult? Result(string mode) => _done.Count == 0 && _rejoins.Count == 0 ? null : new SyncResult(mode, [.. _done],
        [.. _rejoins.Select(r => new RejoinRecord(r.Node, Seconds(r.At), r.BlocksSynced,
            r.SignedAt is { } s && s != TimeSpan.MinValue ? Seconds(s - r.At) : null))]);

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);

    /// <summary>A restart being followed: its time, the blocks synced since, and when the node voted again (MinValue: crashed again first).</summary>
    private sealed class Rejoin(int node, TimeSpan at)
    {
        public int Node { get; } = node;
        public TimeSpan At { get; } = at;
        public ulong BlocksSynced { get; set; }
        public TimeSpan? SignedAt { get; set; }
    }
}
