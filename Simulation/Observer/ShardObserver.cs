using System.Globalization;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Simulation.Observer;

/// <summary>
/// What a shard's network saw: the canonical chain (each height's first commit by an honest node), the safety check
/// (another honest node committing a different block at a height), block and view-change timings, message counts,
/// the event log lines of the shard and the delivery trace. It only watches; nothing it holds feeds back into the run
/// except the canonical blocks a syncing node is sent. Its memory does not grow with the run's length: the records
/// (commits, view changes, event-log lines) are taken off it step by step (<see cref="TakeRecords"/>) and written out
/// by the host, and canonical blocks no replica can still need are dropped (<see cref="Forget"/>).
/// </summary>
public sealed class ShardObserver(int shard) : IDisposable
{
    private readonly Dictionary<ulong, CommittedBlock> _canonical = [];
    private List<CommitRecord> _commits = [];
    private readonly Dictionary<(ulong Height, ulong View), TimeSpan> _proposedAt = [];
    private readonly Dictionary<(ulong Height, ulong View), TimeSpan> _preparedAt = [];
    private ulong _forgottenBelow;
    private readonly HashSet<(ulong Height, ulong View)> _newViews = [];
    private List<TimeSpan> _viewChangeTimes = [];
    private readonly ViewChangeClock _viewChanging = new();
    private List<LoggedEvent> _events = [];
    private readonly List<string> _safetyViolations = [];
    private readonly DeliveryTrace _trace = new();
    // Counts by message type, indexed by the type's wire value (1–7).
    private readonly long[] _countsByType = new long[8];

    public long Deliveries { get; private set; }
    public long SignatureChecks { get; private set; }
    public ulong Height { get; private set; }

    /// <summary>Canonical blocks held for syncing nodes and the safety check (bounded by <see cref="Forget"/>).</summary>
    public int CanonicalBlocksHeld => _canonical.Count;
    public long Blocks { get; private set; }
    public int ViewChanges { get; private set; }
    public int ViewChangesStarted => _viewChanging.Started;

    /// <summary>Virtual time the shard spent view-changing up to <paramref name="now"/>.</summary>
    public TimeSpan TimeViewChanging(TimeSpan now) => _viewChanging.Spent(now);

    public void Delivered(TimeSpan now, int from, int to, FbftMessage message)
    {
        Deliveries++;
        _trace.Add(now, from, to, message.Fingerprint);
        _countsByType[(int)message.Type]++;
    }

    public void Computed(long signatureChecks) => SignatureChecks += signatureChecks;

    /// <summary>A node broadcast a message: an ANNOUNCE starts a round, a PREPARED ends its prepare phase.</summary>
    public void Broadcast(FbftMessage message, TimeSpan now)
    {
        switch (message)
        {
            case Announce a: _proposedAt.TryAdd((a.BlockNumber, a.Block.Header.ViewId), now); break;
            case Prepared p: _preparedAt.TryAdd((p.BlockNumber, p.Block.Header.ViewId), now); break;
        }
    }

    /// <summary>When the block at a height and view was first announced, if this network saw it.</summary>
    public TimeSpan? ProposedAt(ulong height, ulong view) => _proposedAt.TryGetValue((height, view), out var at) ? at : null;

    public CommittedBlock? Canonical(ulong height) => _canonical.GetValueOrDefault(height);

    public List<CommittedBlock> CanonicalFrom(ulong height)
    {
        var blocks = new List<CommittedBlock>();
        for (var h = height; _canonical.TryGetValue(h, out var b); h++) blocks.Add(b);
        return blocks;
    }

    /// <summary>An honest node committed a block: true when it is the height's first (a new canonical block).</summary>
    public bool Committed(TimeSpan now, int node, CommittedBlock committed, Committee committee, Func<PublicKey, int> nodeOfKey)
    {
        // Below what was forgotten no replica commits (Forget's contract); such a report is not a new block.
        if (committed.Number < _forgottenBelow) return false;
        if (_canonical.TryGetValue(committed.Number, out var first))
        {
            if (first.Hash != committed.Hash)
            {
                _safetyViolations.Add($"shard {shard} height {committed.Number}: node {node} committed {committed.Hash}, another honest node {first.Hash}");
                Log(now, "safety_violation", ("height", Text(committed.Number)), ("node", Text(node)), ("hash", committed.Hash.ToString()));
            }
            return false;
        }
        _canonical[committed.Number] = committed;
        _viewChanging.Stop(now);
        var verified = committed.CommitBitmap is { } bitmap && committed.CommitSignature is { } signature
            && new QuorumCertificate(committee, bitmap, SigningPayloads.Commit(committed.Header), signature).Check() == CertificateCheck.Valid;
        var proposed = _proposedAt.TryGetValue((committed.Number, committed.Header.ViewId), out var at) ? at : now;
        var leaderSlot = committee.IndexOfCoinbase(committed.Header.Coinbase);
        var leader = leaderSlot < 0 ? -1 : nodeOfKey(committee.KeyAt(leaderSlot));
        var signers = committed.CommitBitmap?.Count ?? 0;
        var power = committed.CommitBitmap is { } signed ? (double)committee.PowerOf(signed) / VotingPower.One : 0;
        TimeSpan? prepared = _preparedAt.TryGetValue((committed.Number, committed.Header.ViewId), out var p) ? p : null;
        Height = Math.Max(Height, committed.Number);
        Blocks++;
        _commits.Add(new CommitRecord(committed.Number, committed.Hash.ToString(), committed.CommitViewId, proposed, now, signers, verified, leader)
        {
            SigningPower = power,
            PreparedAt = prepared,
        });
        Log(now, "commit", ("height", Text(committed.Number)), ("hash", committed.Hash.ToString()), ("view", Text(committed.CommitViewId)),
            ("signers", Text(signers)), ("leader", Text(leader)));
        return true;
    }

    /// <summary>
    /// An honest node at <paramref name="height"/> started (or retried) a view change. Only nodes working on the shard's
    /// next block count: one left behind the chain is catching up, not holding the shard up. Nothing is logged, so the
    /// event log and the run digest are what they were before view changes were counted when started.
    /// </summary>
    public void ViewChangeStarted(TimeSpan now, ulong height, ViewChangeStarted started)
    {
        if (height == Height + 1) _viewChanging.Start(now, height, started.ViewId);
    }

    /// <summary>An honest node entered a new view; the first report of each (height, view) is a view change.</summary>
    public void NewView(TimeSpan now, ulong height, NewViewEntered entered, string leader)
    {
        if (!_newViews.Add((height, entered.ViewId))) return;
        ViewChanges++;
        _viewChangeTimes.Add(now);
        if (height == Height + 1) _viewChanging.Stop(now);
        Log(now, "new_view", ("height", Text(height)), ("view", Text(entered.ViewId)), ("leader", leader),
            ("carried_prepared_block", entered.CarriedPreparedBlock ? "true" : "false"));
    }

    public void Log(TimeSpan now, string kind, params (string Key, string Value)[] fields) =>
        _events.Add(new LoggedEvent(now, shard, kind, [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]));

    /// <summary>The commits, view changes and event-log lines recorded since the last take, handed over and forgotten.</summary>
    public ShardRecords TakeRecords()
    {
        var records = new ShardRecords(shard, _commits, _viewChangeTimes, _events)
        {
            MessagesByType = MessagesByType(),
            SignatureChecks = SignatureChecks,
        };
        _commits = [];
        _viewChangeTimes = [];
        _events = [];
        return records;
    }

    /// <summary>
    /// Drops what concerns heights below <paramref name="height"/>: canonical blocks, proposal times and seen views.
    /// The caller passes a height no replica of the shard is below (a syncing node asks from its own height, and a
    /// node commits or changes view only at it), so nothing dropped can be asked for or compared again.
    /// </summary>
    public void Forget(ulong height)
    {
        for (var h = _forgottenBelow; h < height; h++) _canonical.Remove(h);
        _forgottenBelow = Math.Max(_forgottenBelow, height);
        foreach (var key in _proposedAt.Keys.Where(k => k.Height < height).ToList()) _proposedAt.Remove(key);
        foreach (var key in _preparedAt.Keys.Where(k => k.Height < height).ToList()) _preparedAt.Remove(key);
        _newViews.RemoveWhere(k => k.Height < height);
        _viewChanging.Forget(height);
    }

    /// <summary>The shard's part of the run result at <paramref name="now"/> (staking and transfer parts are added by their owners); its records are taken separately.</summary>
    public ShardResult Result(int validators, int keys, TimeSpan now) => new(shard, Height, Blocks, ViewChanges,
        MessagesByType(), Deliveries, SignatureChecks, _safetyViolations, _trace.Hex(), validators, keys)
    {
        ViewChangesStarted = _viewChanging.Started,
        TimeViewChanging = _viewChanging.Spent(now),
    };

    public void Dispose() => _trace.Dispose();

    /// <summary>Messages delivered so far by type (lower-case names, only types seen), in name order.</summary>
    public SortedDictionary<string, long> MessagesByType()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in Enum.GetValues<MessageType>())
            if (_countsByType[(int)type] > 0) counts[type.ToString().ToLowerInvariant()] = _countsByType[(int)type];
        return counts;
    }

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
