using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>The validator's side (reference §1.4, §1.6): prepare on ANNOUNCE, validate then commit on PREPARED, finalise on COMMITTED.</summary>
public sealed partial class FbftNode
{
    private Verdict OnAnnounce(Announce message, TimeSpan now)
    {
        if (message.ViewId + _config.StaleViewWindow < ViewId) return Verdict.StaleView;
        if (message.BlockNumber < Height) return Verdict.Stale;
        if (message.BlockNumber > Height + _config.MaxBlockNumDiff) return Verdict.OutOfWindow;
        if (message.BlockNumber > Height) return OnFutureAnnounce(message, now);
        if (Mode != NodeMode.Normal || message.ViewId > ViewId) return Buffer(message);
        if (IsLeader) return Verdict.NotForThisRole;
        if (message.ViewId != ViewId) return Verdict.WrongView;
        if (!message.Sender.Equals(Leader)) return Verdict.WrongLeader;
        if (!EnvelopeValid(message)) return Verdict.BadSignature;
        if (message.Block.Hash != message.BlockHash || message.Block.Number != message.BlockNumber) return Verdict.InvalidBlock;
        if (_announceByView.TryGetValue(message.ViewId, out var earlier))
        {
            if (earlier.BlockHash == message.BlockHash) return Verdict.Duplicate;
            Emit(new EvidenceObserved(new LeaderEquivocationEvidence(message.Sender, message.BlockNumber, message.ViewId, earlier, message)));
            StartViewChange(now, ViewChangeReason.LeaderEquivocation);
            return Verdict.Equivocation;
        }
        _announceByView[message.ViewId] = message;
        _blocks[message.BlockHash] = message.Block;
        _lastAnnounceAt = now;
        // Prepare right away; full validation happens before COMMIT (reference §1.4 step 2).
        SendPrepareVote(message.Block);
        return Verdict.Accepted;
    }

    /// <summary>
    /// One prepare vote per view, for an announced block or one a NEWVIEW carried into this view (its payload then
    /// names the view). A node without a seat this epoch (not elected) follows the chain but has no vote.
    /// </summary>
    private void SendPrepareVote(Chain.Block block)
    {
        if (_preparedVotedView == ViewId || _myKeys.Length == 0) return;
        _preparedVotedView = ViewId;
        Phase = Phase.Prepare;
        Emit(new SendTo(Leader, new Vote(MessageType.Prepare, ShardId, ViewId, Height, block.Hash, MyPublicKeys(),
            SignWithAllKeys(SigningPayloads.Prepare(block.Hash, ViewId, block.Header.ViewId)))));
    }

    /// <summary>
    /// An ANNOUNCE for the next height: its header carries the commit aggregate for the block this node is
    /// waiting on, so the node can finalise that block from it (Harmony's catch-up) and then take part.
    /// </summary>
    private Verdict OnFutureAnnounce(Announce message, TimeSpan now)
    {
        var header = message.Block.Header;
        if (message.BlockNumber == Height + 1 && header.LastCommitSignature is not null
            && _blocks.TryGetValue(header.ParentHash, out var parent)
            && header.TryLastCommitSigners(Committee.Count, out var bitmap, out _)
            && message.Block.Hash == message.BlockHash
            && CheckCommitCertificate(parent, bitmap!, header.LastCommitSignature) == Verdict.Accepted
            && CheckHeader(parent, expectedViewId: null, proposer: null) is null)
        {
            CommitLocally(new CommittedBlock(parent, header.LastCommitSignature, bitmap, message.ViewId - 1), now);
            return Receive(message, now);
        }
        RequestSync();
        return Buffer(message);
    }

    private Verdict OnPrepared(Prepared message, TimeSpan now)
    {
        if (message.ViewId + _config.StaleViewWindow < ViewId) return Verdict.StaleView;
        if (message.BlockNumber < Height) return Verdict.Stale;
        if (message.BlockNumber > Height)
        {
            RequestSync();
            return Buffer(message);
        }
        if (Mode != NodeMode.Normal || message.ViewId > ViewId) return Buffer(message);
        if (IsLeader) return Verdict.NotForThisRole;
        if (message.ViewId != ViewId) return Verdict.WrongView;
        if (!message.Sender.Equals(Leader)) return Verdict.WrongLeader;
        if (!EnvelopeValid(message)) return Verdict.BadSignature;
        if (message.Block.Number != message.BlockNumber || message.Block.Header.ViewId > message.ViewId) return Verdict.InvalidBlock;
        var certificate = new PreparedCertificate(message.Block, message.Aggregate, message.Bitmap, message.ViewId);
        var verdict = ToVerdict(Check(new QuorumCertificate(Committee, message.Bitmap, certificate.SignedPayload, message.Aggregate)));
        if (verdict != Verdict.Accepted) return verdict;
        // Validate fully before committing (reference §1.4 step 4). A block carried into this view was proposed in an
        // earlier one, by another leader; its certificate in this view is the quorum's own word that the NEWVIEW carried it.
        var fresh = !certificate.IsCarried;
        if (CheckHeader(message.Block, expectedViewId: fresh ? message.ViewId : null, proposer: fresh ? message.Sender : null) is not null) return Verdict.InvalidBlock;
        _blocks[message.BlockHash] = message.Block;
        if (_preparedCertificate is null || certificate.ViewId >= _preparedCertificate.ViewId)
            _preparedCertificate = certificate;
        if (_commitVotedView == ViewId) return Verdict.Duplicate;
        SendCommitVote(message.Block);
        return Verdict.Accepted;
    }

    private void SendCommitVote(Chain.Block block)
    {
        _commitVotedView = ViewId;
        Phase = Phase.Commit;
        if (_myKeys.Length == 0) return;
        Emit(new SendTo(Leader, new Vote(MessageType.Commit, ShardId, ViewId, Height, block.Hash, MyPublicKeys(),
            SignWithAllKeys(SigningPayloads.Commit(block.Header)))));
    }

    /// <summary>
    /// COMMITTED is self-certifying (a quorum aggregate over the commit payload), so it is accepted in any mode
    /// from any committee member; it finalises the block, or improves the head's aggregate when it has more signers.
    /// </summary>
    private Verdict OnCommitted(Committed message, TimeSpan now)
    {
        if (message.BlockNumber + 1 < Height) return Verdict.Stale;
        if (message.BlockNumber > Height)
        {
            RequestSync();
            return Buffer(message);
        }
        if (message.BlockNumber + 1 == Height) return OnCommittedForHead(message);
        if (Committee.IndexOf(message.Sender) < 0) return Verdict.UnknownSender;
        if (!_blocks.TryGetValue(message.BlockHash, out var block))
        {
            RequestSync();
            return Verdict.UnknownBlock;
        }
        if (!EnvelopeValid(message)) return Verdict.BadSignature;
        var verdict = CheckCommitCertificate(block, message.Bitmap, message.Aggregate);
        if (verdict != Verdict.Accepted) return verdict;
        if (CheckHeader(block, expectedViewId: null, proposer: null) is not null) return Verdict.InvalidBlock;
        CommitLocally(new CommittedBlock(block, message.Aggregate, message.Bitmap, message.ViewId), now);
        return Verdict.Accepted;
    }

    private Verdict OnCommittedForHead(Committed message)
    {
        if (message.BlockHash != Head.Hash) return Verdict.UnknownBlock;
        if (Head.CommitBitmap is { } current && message.Bitmap.Count <= current.Count) return Verdict.Duplicate;
        var committee = _committees.CommitteeFor(ShardId, _config.EpochOf(Head.Number));
        if (committee.IndexOf(message.Sender) < 0) return Verdict.UnknownSender;
        if (!Verify(committee, message.Sender, message.SigningBytes, message.EnvelopeSignature)) return Verdict.BadSignature;
        var verdict = ToVerdict(Check(new QuorumCertificate(committee, message.Bitmap, SigningPayloads.Commit(Head.Header), message.Aggregate)));
        if (verdict != Verdict.Accepted) return verdict;
        Head = Head with { CommitSignature = message.Aggregate, CommitBitmap = message.Bitmap };
        Emit(new CommitSignatureImproved(Head));
        return Verdict.Accepted;
    }
}
