using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>View change (reference §1.8): time-slotted view IDs, VIEWCHANGE with M1/M2/M3, NEWVIEW, prepared blocks carried over.</summary>
public sealed partial class FbftNode
{
    // What the would-be leader of ViewChangingId has collected.
    private VoteTally? _m2;
    private VoteTally? _m3;
    private PreparedCertificate? _bestM1;
    private bool _newViewSent;

    private void ResetViewChangeCollection()
    {
        _m2 = null;
        _m3 = null;
        _bestM1 = null;
        _newViewSent = false;
    }

    /// <summary>
    /// The base of time-derived view IDs and of the leader gap: the view after the head block's own (Harmony's
    /// "stuck" view). Every node holding the head agrees on it, whatever views it has seen since.
    /// </summary>
    private ulong ViewChangeBase => Head.Header.ViewId + 1;

    private void StartViewChange(TimeSpan now, ViewChangeReason reason)
    {
        // The ID depends only on shared data (the head block and the clock), so nodes converge without talking;
        // within one 45 s slot a repeated view change retries the same view (resending its messages).
        var next = LeaderSelection.NextViewId(ViewChangeBase, Head.Header.Time, UnixTime(now), _config.ViewChangeSlot, ViewId + 1);
        var retry = Mode == NodeMode.ViewChanging && next == ViewChangingId;
        Mode = NodeMode.ViewChanging;
        ViewChangingId = next;
        Leader = ExpectedLeaderOf(next, now);
        CancelTimer(TimerKind.Consensus);
        CancelTimer(TimerKind.Propose);
        SetTimer(TimerKind.ViewChange, now + _config.ViewChangeTimeout);
        ResetLeaderRound();
        if (!retry) ResetViewChangeCollection();
        Emit(new ViewChangeStarted(next, Leader, reason));

        var m1 = _preparedCertificate;
        var viewIdPayload = SigningPayloads.ViewId(next);
        foreach (var key in _myKeys)
        {
            var message = new ViewChange(ShardId, next, Height, key.Public, Leader, m1,
                Sign(Committee, key.Secret, m1 is null ? SigningPayloads.Nil : m1.Payload),
                Sign(Committee, key.Secret, viewIdPayload));
            if (MyIndexOf(Leader) < 0) Emit(new SendTo(Leader, message));
            else if (!retry) OnViewChange(message, now);
        }
        if (MyIndexOf(Leader) >= 0) ReplayBuffered(now);
    }

    /// <summary>The leader of a view at this height: the gap-th next key after the head block's proposer.</summary>
    private PublicKey ExpectedLeaderOf(ulong viewId, TimeSpan now)
    {
        if (_config.ExploredLeaders?.Pick(Committee, Height, viewId, now) is { } explored) return explored;
        var baseIndex = LeaderSelection.BaseIndex(Committee, Head.Header, _config);
        return Committee.KeyAt(LeaderSelection.NthNext(Committee, baseIndex, viewId - ViewChangeBase, _config.ViewChangeLeaders));
    }

    private Verdict OnViewChange(ViewChange message, TimeSpan now)
    {
        if (message.ViewId + _config.StaleViewWindow < ViewChangingId) return Verdict.StaleView;
        if (message.BlockNumber < Height) return Verdict.Stale;
        if (message.BlockNumber > Height) return Verdict.OutOfWindow;
        if (message.ViewId > ViewChangingId + _config.MaxViewIdDiff) return Verdict.OutOfWindow;
        // A peer whose timer fired first: keep its message until this node reaches the same view change.
        if (Mode != NodeMode.ViewChanging || message.ViewId > ViewChangingId) return message.ViewId > ViewId ? Buffer(message) : Verdict.Stale;
        if (message.ViewId != ViewChangingId) return Verdict.WrongView;
        if (!message.NewLeader.Equals(Leader) || MyIndexOf(Leader) < 0) return Verdict.NotForThisRole;
        var sender = Committee.IndexOf(message.Sender);
        if (sender < 0) return Verdict.UnknownSender;
        _m3 ??= new VoteTally(Committee);
        _m2 ??= new VoteTally(Committee);
        if (_m3.HasVoted(sender)) return Verdict.Duplicate;
        if (!Verify(Committee, message.Sender, SigningPayloads.ViewId(message.ViewId), message.ViewIdSignature)) return Verdict.BadSignature;
        if (message.M1 is { } m1)
        {
            var verdict = CheckPreparedCertificate(m1);
            if (verdict != Verdict.Accepted) return verdict;
            if (!Verify(Committee, message.Sender, m1.Payload, message.ViewChangeSignature)) return Verdict.BadSignature;
            // Keep the certificate from the highest view: a block committed earlier is the only one that can hold it.
            if ((_bestM1 is null || m1.ViewId > _bestM1.ViewId) && _config.PlantedBug != Mutants.PlantedBug.M1NotRequired) _bestM1 = m1;
        }
        else
        {
            if (!Verify(Committee, message.Sender, SigningPayloads.Nil, message.ViewChangeSignature)) return Verdict.BadSignature;
            _m2.Add([sender], message.ViewChangeSignature);
        }
        _m3.Add([sender], message.ViewIdSignature);
        if (_m3.HasQuorum && !_newViewSent) EnterNewViewAsLeader(now);
        return Verdict.Accepted;
    }

    private void EnterNewViewAsLeader(TimeSpan now)
    {
        _newViewSent = true;
        var leaderKey = MyKeyAt(MyIndexOf(Leader));
        var m1 = _bestM1;
        var m2Aggregate = _m2!.Signers > 0 ? _m2.Aggregate : null;
        var unsigned = new NewView(ShardId, ViewChangingId, Height, m1, m2Aggregate, _m2.Bitmap, _m3!.Aggregate, _m3.Bitmap, leaderKey.Public, Placeholder);
        Emit(new Broadcast(new NewView(ShardId, ViewChangingId, Height, m1, m2Aggregate, _m2.Bitmap, _m3.Aggregate, _m3.Bitmap,
            leaderKey.Public, SignEnvelope(leaderKey, unsigned))));
        AdoptView(ViewChangingId, Leader, now, m1 is not null);
        if (m1 is not null)
        {
            // M1 ranks highest among the quorum's reports, mine included, so my own lock never stands against it.
            if (_preparedCertificate is null || m1.ViewId >= _preparedCertificate.ViewId) _preparedCertificate = m1;
            StartPrepareRound(m1.Block, now);
        }
        else ScheduleProposal(now);
        ReplayBuffered(now);
    }

    private Verdict OnNewView(NewView message, TimeSpan now)
    {
        if (message.BlockNumber < Height) return Verdict.Stale;
        if (message.BlockNumber > Height)
        {
            RequestSync();
            return Verdict.OutOfWindow;
        }
        if (message.ViewId <= ViewId) return Verdict.Stale;
        if (message.ViewId > Math.Max(ViewId, ViewChangingId) + _config.MaxViewIdDiff) return Verdict.OutOfWindow;
        if (MyIndexOf(message.Sender) >= 0) return Verdict.NotForThisRole;
        if (!message.Sender.Equals(ExpectedLeaderOf(message.ViewId, now))) return Verdict.WrongLeader;
        if (!EnvelopeValid(message)) return Verdict.BadSignature;
        // M2 need not be a quorum, so it is no certificate, but a malformed M2 bitmap was always refused before M3's
        // quorum was looked at; M3's own bad bitmap gives the same verdict, so checking M2's first changes no answer.
        if (!Committee.IsWellFormed(message.M2Bitmap)) return Verdict.BadBitmap;
        var verdict = ToVerdict(Check(new QuorumCertificate(Committee, message.M3Bitmap, SigningPayloads.ViewId(message.ViewId), message.M3Aggregate)));
        if (verdict != Verdict.Accepted) return verdict;
        if (message.M2Bitmap.Count > 0 &&
            (message.M2Aggregate is null || !VerifyAggregate(Committee, message.M2Bitmap, SigningPayloads.Nil, message.M2Aggregate)))
            return Verdict.BadSignature;
        // Someone in the view-change quorum reported a prepared block: the new view must carry it.
        if (!message.M3Bitmap.IsSubsetOf(message.M2Bitmap) && message.M1 is null && _config.PlantedBug != Mutants.PlantedBug.M1NotRequired)
            return Verdict.MissingPreparedBlock;
        if (message.M1 is { } m1)
        {
            verdict = CheckPreparedCertificate(m1);
            if (verdict != Verdict.Accepted) return verdict;
        }
        AdoptView(message.ViewId, message.Sender, now, message.M1 is not null);
        var outcome = Verdict.Accepted;
        if (message.M1 is { } carried)
        {
            _blocks[carried.BlockHash] = carried.Block;
            if (IsLockedAgainst(carried)) outcome = Verdict.Locked;
            else
            {
                if (_preparedCertificate is null || carried.ViewId >= _preparedCertificate.ViewId) _preparedCertificate = carried;
                // The prepared block survives the view change: prepare it again in this view. Committing it straight
                // away (Harmony's way) leaves it ranked at its old view, below a later certificate for another block,
                // so a later leader could carry that one past a commit made here (docs/DESIGN-NOTES.md).
                SendPrepareVote(carried.Block);
            }
        }
        ReplayBuffered(now);
        return outcome;
    }

    /// <summary>
    /// A node that holds a prepared certificate from a later view than the carried one's never prepares that other
    /// block: a block committed in that later view may be the one its certificate names.
    /// </summary>
    private bool IsLockedAgainst(PreparedCertificate carried) => _config.PlantedBug != Mutants.PlantedBug.NoViewChangeLock &&
        _preparedCertificate is { } mine && mine.BlockHash != carried.BlockHash && mine.ViewId > carried.ViewId;


    private void AdoptView(ulong viewId, PublicKey leader, TimeSpan now, bool carriesPreparedBlock)
    {
        Mode = NodeMode.Normal;
        ViewId = viewId;
        ViewChangingId = viewId;
        Leader = leader;
        Phase = Phase.Announce;
        CancelTimer(TimerKind.ViewChange);
        SetTimer(TimerKind.Consensus, now + _config.PhaseTimeout);
        ResetLeaderRound();
        Emit(new NewViewEntered(viewId, leader, carriesPreparedBlock));
    }
}
