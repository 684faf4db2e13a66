using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

public enum NodeMode
{
    Normal,
    ViewChanging,
}

public enum Phase
{
    Announce,
    Prepare,
    Commit,
}

/// <summary>
/// One node's FBFT state machine for one shard (reference §1), holding one or more of the committee's keys.
/// Sans-I/O in the style of etcd's raft: the host feeds it messages, timer firings and committed blocks with
/// the current virtual time, and carries out the effects it leaves in <see cref="PendingEffects"/>. It never
/// reads a clock, sends, sleeps or draws randomness, so the same inputs give the same effects.
/// </summary>
public sealed partial class FbftNode
{
    private readonly FbftConfig _config;
    private readonly IReadOnlyList<KeyPair> _keys;
    private readonly ICommitteeProvider _committees;
    private readonly IBlockBuilder _builder;
    private readonly IBlockValidator _validator;
    private readonly List<FbftEffect> _outbox = [];
    private readonly Dictionary<TimerKind, long> _timerTokens = [];
    private readonly List<FbftMessage> _future = [];
    private readonly Queue<BlockHeader> _recentHeaders = new();
    private long _nextToken;

    // My keys in the current committee: slot indices (ascending) and the matching key pairs.
    private int[] _myIndices = [];
    private KeyPair[] _myKeys = [];
    private PublicKey[] _myPublicKeys = [];

    // The block at this height that passed full validation (PREPARED and COMMITTED both need it checked).
    private Hash32? _validatedBlock;

    // Per-height state, reset when the height advances.
    private readonly Dictionary<ulong, Announce> _announceByView = [];
    private readonly Dictionary<Hash32, Block> _blocks = [];
    private PreparedCertificate? _preparedCertificate;
    private ulong _preparedVotedView = ulong.MaxValue;
    private ulong _commitVotedView = ulong.MaxValue;
    private TimeSpan _lastAnnounceAt;
    private bool _syncRequestedAtThisHeight;

    // Leader rotation bookkeeping: who proposed the last run of blocks and how many.
    private Address _runLeader;
    private int _runLength;

    public FbftNode(FbftConfig config, IReadOnlyList<KeyPair> keys, ICommitteeProvider committees, CommittedBlock head,
        IBlockBuilder? builder = null, IBlockValidator? validator = null)
    {
        if (keys.Count == 0) throw new ArgumentException("a node holds at least one key", nameof(keys));
        _config = config;
        _keys = keys;
        _committees = committees;
        _builder = builder ?? EmptyBlockBuilder.Instance;
        _validator = validator ?? BodyRootValidator.Instance;
        Head = head;
        ShardId = head.Header.ShardId;
        ViewId = head.CommitViewId + 1;
        ViewChangingId = ViewId;
        _committees.Observe(head);
        EnterHeight();
        Leader = ComputeLeaderForNextHeight(head.Header);
    }

    public uint ShardId { get; }
    public CommittedBlock Head { get; private set; }
    public ulong Height => Head.Number + 1;
    public ulong ViewId { get; private set; }
    public ulong ViewChangingId { get; private set; }
    public NodeMode Mode { get; private set; } = NodeMode.Normal;
    public Phase Phase { get; private set; } = Phase.Announce;
    public PublicKey Leader { get; private set; }
    public Committee Committee { get; private set; } = null!;
    public IReadOnlyList<KeyPair> Keys => _keys;

    /// <summary>True when one of this node's keys is the current leader.</summary>
    public bool IsLeader => MyIndexOf(Leader) >= 0;

    /// <summary>Effects produced since the host last called <see cref="ClearEffects"/>, in order.</summary>
    public IReadOnlyList<FbftEffect> PendingEffects => _outbox;

    public void ClearEffects() => _outbox.Clear();

    /// <summary>Starts the node: arms the bootstrap timeout and, if it leads, schedules the first proposal.</summary>
    public void Start(TimeSpan now)
    {
        _lastAnnounceAt = now - _config.BlockPeriod;
        SetTimer(TimerKind.Consensus, now + _config.BootstrapTimeout);
        if (IsLeader) ScheduleProposal(now);
    }

    /// <summary>Handles a received message.</summary>
    public Verdict Receive(FbftMessage message, TimeSpan now)
    {
        if (message.ShardId != ShardId) return Verdict.WrongShard;
        return message switch
        {
            Announce m => OnAnnounce(m, now),
            Vote { Type: MessageType.Prepare } m => OnPrepare(m, now),
            Prepared m => OnPrepared(m, now),
            Vote { Type: MessageType.Commit } m => OnCommit(m, now),
            Committed m => OnCommitted(m, now),
            ViewChange m => OnViewChange(m, now),
            NewView m => OnNewView(m, now),
            _ => Verdict.NotForThisRole,
        };
    }

    /// <summary>Handles a timer the node set; firings of replaced or cancelled timers are ignored.</summary>
    public void Tick(TimerKind kind, long token, TimeSpan now)
    {
        if (!_timerTokens.TryGetValue(kind, out var current) || current != token) return;
        _timerTokens.Remove(kind);
        switch (kind)
        {
            case TimerKind.Consensus:
                StartViewChange(now, ViewChangeReason.ConsensusTimeout);
                break;
            case TimerKind.ViewChange:
                // A view change that went nowhere may mean the rest of the shard moved on: ask for blocks too.
                _syncRequestedAtThisHeight = false;
                RequestSync();
                StartViewChange(now, ViewChangeReason.ViewChangeTimeout);
                break;
            case TimerKind.Propose:
                Propose(now);
                break;
            case TimerKind.CommitGrace:
                FinishGrace(now);
                break;
        }
    }

    /// <summary>
    /// Applies a block the host fetched from peers (sync). It must be the next height, extend the head and carry a
    /// commit aggregate that verifies with quorum for its committee.
    /// </summary>
    public Verdict CatchUp(CommittedBlock committed, TimeSpan now)
    {
        if (committed.Number != Height) return committed.Number < Height ? Verdict.Stale : Verdict.OutOfWindow;
        if (committed.CommitSignature is null || committed.CommitBitmap is null) return Verdict.BadSignature;
        var error = CheckHeader(committed.Block, expectedViewId: null, proposer: null);
        if (error is not null) return Verdict.InvalidBlock;
        var verdict = CheckCommitCertificate(committed.Block, committed.CommitBitmap, committed.CommitSignature);
        if (verdict != Verdict.Accepted) return verdict;
        CommitLocally(committed, now);
        return Verdict.Accepted;
    }

    // ----- shared mechanics -------------------------------------------------------------------------

    private void Emit(FbftEffect effect) => _outbox.Add(effect);

    private void SetTimer(TimerKind kind, TimeSpan at)
    {
        var token = ++_nextToken;
        _timerTokens[kind] = token;
        Emit(new SetTimer(kind, at, token));
    }

    private void CancelTimer(TimerKind kind)
    {
        if (_timerTokens.Remove(kind)) Emit(new CancelTimer(kind));
    }

    private int MyIndexOf(PublicKey key)
    {
        var index = Committee.IndexOf(key);
        return index >= 0 && Array.IndexOf(_myIndices, index) >= 0 ? index : -1;
    }

    private KeyPair MyKeyAt(int index) => _myKeys[Array.IndexOf(_myIndices, index)];

    private ulong UnixTime(TimeSpan now) => _config.GenesisUnixTime + (ulong)Math.Max(0, (long)now.TotalSeconds);

    /// <summary>Resets per-height state and loads the committee of the height's epoch.</summary>
    private void EnterHeight()
    {
        var committee = _committees.CommitteeFor(ShardId, _config.EpochOf(Height));
        if (!ReferenceEquals(committee, Committee))
        {
            Committee = committee;
            LoadMyKeys();
        }
        _announceByView.Clear();
        _blocks.Clear();
        _preparedCertificate = null;
        _validatedBlock = null;
        _preparedVotedView = ulong.MaxValue;
        _commitVotedView = ulong.MaxValue;
        _syncRequestedAtThisHeight = false;
        ResetLeaderRound();
        ResetViewChangeCollection();
    }

    /// <summary>Finds which committee slots this node's keys hold (once per committee).</summary>
    private void LoadMyKeys()
    {
        var mine = new SortedList<int, KeyPair>();
        foreach (var pair in _keys)
        {
            var i = Committee.IndexOf(pair.Public);
            if (i >= 0) mine.TryAdd(i, pair);
        }
        _myIndices = [.. mine.Keys];
        _myKeys = [.. mine.Values];
        _myPublicKeys = [.. _myKeys.Select(k => k.Public)];
        _mySecrets = null;
    }

    private PublicKey[] MyPublicKeys() => _myPublicKeys;

    /// <summary>Records a finalised block, advances the height and works out the next leader.</summary>
    private void CommitLocally(CommittedBlock committed, TimeSpan now)
    {
        var epochEnds = _config.IsLastBlockInEpoch(committed.Number);
        TrackRotation(committed.Header);
        Head = committed;
        _committees.Observe(committed);
        Emit(new BlockCommitted(committed));
        ViewId = committed.CommitViewId + 1;
        ViewChangingId = ViewId;
        if (Mode == NodeMode.ViewChanging)
        {
            Mode = NodeMode.Normal;
            CancelTimer(TimerKind.ViewChange);
        }
        Phase = Phase.Announce;
        EnterHeight();
        Leader = ComputeLeaderForNextHeight(committed.Header);
        if (epochEnds)
        {
            _runLength = 0;
            _recentHeaders.Clear();
        }
        SetTimer(TimerKind.Consensus, now + _config.PhaseTimeout);
        if (IsLeader && !GraceRunning) ScheduleProposal(now);
        ReplayBuffered(now);
    }

    private void TrackRotation(BlockHeader header)
    {
        if (header.Coinbase == _runLeader && _runLength > 0) _runLength++;
        else { _runLeader = header.Coinbase; _runLength = 1; }
        _recentHeaders.Enqueue(header);
        while (_recentHeaders.Count > _config.Rotation.SignatureLookback) _recentHeaders.Dequeue();
    }

    /// <summary>Leader of the height after <paramref name="head"/>: slot 0 at an epoch start, else the head's proposer unless rotation hands over.</summary>
    private PublicKey ComputeLeaderForNextHeight(BlockHeader head)
    {
        var baseIndex = LeaderSelection.BaseIndex(Committee, head, _config);
        if (baseIndex == 0 && (head.Number == 0 || _config.IsLastBlockInEpoch(head.Number))) return Committee.KeyAt(0);
        var rotation = _config.Rotation;
        if (!rotation.Enabled || _runLength < rotation.BlocksPerLeader(_config.BlocksPerEpoch, Committee.Count)) return Committee.KeyAt(baseIndex);
        for (ulong offset = 1; offset <= (ulong)Committee.Count; offset++)
        {
            var candidate = LeaderSelection.NthNextValidator(Committee, baseIndex, offset);
            if (SignedRecently(candidate)) return Committee.KeyAt(candidate);
        }
        return Committee.KeyAt(baseIndex);
    }

    /// <summary>A rotation candidate is skipped when its bit is missing from the last commit bitmaps of all recent same-epoch headers.</summary>
    private bool SignedRecently(int index)
    {
        var checkedAny = false;
        foreach (var header in _recentHeaders)
        {
            if (header.Epoch != Committee.Epoch || header.Number <= 1 || header.LastCommitBitmap.Length == 0) continue;
            if (_config.IsLastBlockInEpoch(header.Number - 1)) continue;
            checkedAny = true;
            if (header.TryLastCommitSigners(Committee.Count, out var bitmap, out _) && bitmap![index]) return true;
        }
        return !checkedAny;
    }

    private void RequestSync()
    {
        if (_syncRequestedAtThisHeight) return;
        _syncRequestedAtThisHeight = true;
        Emit(new SyncRequested(Height));
    }

    /// <summary>Keeps a message for a height the node has not reached yet (bounded).</summary>
    /// <summary>
    /// Keeps a message the node cannot act on yet but soon may: a later height, a view it has not entered, a view
    /// change it has not started (jitter reorders NEWVIEW and the first ANNOUNCE, and nodes' timers fire apart).
    /// Bounded; the oldest is dropped first.
    /// </summary>
    private Verdict Buffer(FbftMessage message)
    {
        if (message.BlockNumber > Height + _config.MaxBlockNumDiff) return Verdict.OutOfWindow;
        if (message.ViewId > Math.Max(ViewId, ViewChangingId) + _config.MaxViewIdDiff) return Verdict.OutOfWindow;
        if (_future.Count >= Math.Max(_config.FutureMessageBuffer, 2 * Committee.Count)) _future.RemoveAt(0);
        _future.Add(message);
        return Verdict.Buffered;
    }

    /// <summary>Offers buffered messages for the current height again after the node's height, view or mode changed.</summary>
    private void ReplayBuffered(TimeSpan now)
    {
        if (_future.Count == 0) return;
        var due = _future.Where(m => m.BlockNumber <= Height).ToList();
        _future.RemoveAll(m => m.BlockNumber <= Height);
        foreach (var message in due)
            if (message.BlockNumber == Height) Receive(message, now);
    }

    /// <summary>Consensus rules for a block at the current height (reference §1.6, §8.1): null when it passes.</summary>
    private string? CheckHeader(Block block, ulong? expectedViewId, PublicKey? proposer)
    {
        var h = block.Header;
        if (_validatedBlock == block.Hash && expectedViewId is null && proposer is null) return null;
        var parent = Head.Header;
        if (h.Number != Height) return $"number {h.Number}, expected {Height}";
        if (h.ShardId != ShardId) return $"shard {h.ShardId}, expected {ShardId}";
        if (h.ParentHash != parent.Hash) return "parent hash is not the head";
        if (h.Epoch != _config.EpochOf(h.Number)) return $"epoch {h.Epoch}, expected {_config.EpochOf(h.Number)}";
        if (h.Time < parent.Time) return "time before the parent's";
        if (expectedViewId is { } v && h.ViewId != v) return $"view {h.ViewId}, expected {v}";
        if (h.CarriesShardState != _config.IsLastBlockInEpoch(h.Number)) return "shard state present exactly in an epoch's last block";
        if (proposer is not null && h.Coinbase != Address.OfBlsKey(proposer.Bytes)) return "coinbase is not the proposer's";
        if (proposer is null && Committee.IndexOfCoinbase(h.Coinbase) < 0) return "coinbase is not a committee key";
        var seal = CheckParentSeal(h);
        if (seal is not null) return seal;
        var verdict = _validator.Validate(block);
        if (verdict is null) _validatedBlock = block.Hash;
        return verdict;
    }

    /// <summary>Header N+1 must carry a quorum commit aggregate for block N over N's commit payload.</summary>
    private string? CheckParentSeal(BlockHeader h)
    {
        var parent = Head.Header;
        if (parent.Number == 0 && Head.CommitSignature is null)
            return h.LastCommitSignature is null && h.LastCommitBitmap.Length == 0 ? null : "a child of genesis carries no commit signature";
        if (h.LastCommitSignature is null) return "missing the parent's commit signature";
        var parentCommittee = _committees.CommitteeFor(ShardId, _config.EpochOf(parent.Number));
        if (!h.TryLastCommitSigners(parentCommittee.Count, out var bitmap, out var error)) return "last commit bitmap: " + error;
        // This check never had a separate well-formedness answer: a bitmap with a bit on a non-voting slot is not a
        // quorum either (Committee.IsQuorum), so BadBitmap keeps the quorum sentence it always got.
        return Check(new QuorumCertificate(parentCommittee, bitmap!, SigningPayloads.Commit(parent), h.LastCommitSignature)) switch
        {
            CertificateCheck.Valid => null,
            CertificateCheck.BadBitmap or CertificateCheck.NoQuorum => "last commit bitmap is not a quorum",
            _ => "last commit signature does not verify",
        };
    }

    /// <summary>A commit certificate for a block at the current height: quorum bitmap plus an aggregate over its commit payload.</summary>
    private Verdict CheckCommitCertificate(Block block, SignerBitmap bitmap, Signature aggregate) =>
        ToVerdict(Check(new QuorumCertificate(Committee, bitmap, SigningPayloads.Commit(block.Header), aggregate)));

    /// <summary>A prepared certificate for the current height: quorum bitmap, aggregate over its prepare payload, and a valid block.</summary>
    private Verdict CheckPreparedCertificate(PreparedCertificate certificate)
    {
        if (certificate.ViewId < certificate.Block.Header.ViewId) return Verdict.InvalidBlock;
        var verdict = ToVerdict(Check(new QuorumCertificate(Committee, certificate.PrepareBitmap, certificate.SignedPayload, certificate.PrepareAggregate)));
        if (verdict != Verdict.Accepted) return verdict;
        return CheckHeader(certificate.Block, expectedViewId: null, proposer: null) is null ? Verdict.Accepted : Verdict.InvalidBlock;
    }
}
