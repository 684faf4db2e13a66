using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>The leader's side (reference §1.4): announce, gather prepares, PREPARED, gather commits, COMMITTED, grace.</summary>
public sealed partial class FbftNode
{
    private Block? _proposal;
    private VoteTally? _prepareTally;
    private Block? _commitBlock;
    private VoteTally? _commitTally;
    private readonly Dictionary<int, Vote> _commitVotesBySlot = [];
    private GraceState? _grace;

    /// <summary>Commit collection that continues after quorum until the grace timer fires.</summary>
    private sealed record GraceState(Block Block, ulong ViewId, VoteTally Tally, int SignersAtQuorum, bool CommittedEarly);

    private bool GraceRunning => _grace is not null;

    private void ResetLeaderRound()
    {
        _proposal = null;
        _prepareTally = null;
        _commitBlock = null;
        _commitTally = null;
        _commitVotesBySlot.Clear();
    }

    private void ScheduleProposal(TimeSpan now)
    {
        var due = _lastAnnounceAt + _config.BlockPeriod;
        SetTimer(TimerKind.Propose, due > now ? due : now);
    }

    private void Propose(TimeSpan now)
    {
        if (Mode != NodeMode.Normal || !IsLeader || Phase != Phase.Announce || _proposal is not null || GraceRunning) return;
        var leaderKey = MyKeyAt(MyIndexOf(Leader));
        var epochEnds = _config.IsLastBlockInEpoch(Height);
        var context = new ProposalContext(
            ShardId, Height, _config.EpochOf(Height), ViewId, Head.Hash,
            Math.Max(UnixTime(now), Head.Header.Time),
            Address.OfBlsKey(leaderKey.Public.Bytes),
            Head.CommitSignature, Head.CommitBitmap,
            epochEnds ? _committees.KnownCommittee(ShardId, _config.EpochOf(Height) + 1) : null);
        var block = _builder.Build(context);
        if (block is null)
        {
            SetTimer(TimerKind.Propose, now + _config.ProposalRetry);
            return;
        }
        AnnounceBlock(block, leaderKey, now);
    }

    private void AnnounceBlock(Block block, KeyPair leaderKey, TimeSpan now)
    {
        _lastAnnounceAt = now;
        var unsigned = new Announce(ShardId, ViewId, Height, block.Hash, block, leaderKey.Public, Placeholder);
        var announce = new Announce(ShardId, ViewId, Height, block.Hash, block, leaderKey.Public, SignEnvelope(leaderKey, unsigned));
        _announceByView[ViewId] = announce;
        Emit(new Broadcast(announce));
        StartPrepareRound(block, now);
    }

    /// <summary>
    /// The leader's prepare round in this view, its own prepare votes counted straight away: for the block it just
    /// announced, or for the block its NEWVIEW carried, prepared again here so that its certificate (and every lock on
    /// it) ranks at this view, as PBFT's new-view pre-prepare does.
    /// </summary>
    private void StartPrepareRound(Block block, TimeSpan now)
    {
        _proposal = block;
        _blocks[block.Hash] = block;
        Phase = Phase.Prepare;
        _prepareTally = new VoteTally(Committee);
        _preparedVotedView = ViewId;
        _prepareTally.Add(_myIndices, SignWithAllKeys(SigningPayloads.Prepare(block.Hash, ViewId, block.Header.ViewId)));
        CheckPrepareQuorum(now);
    }

    private Verdict OnPrepare(Vote vote, TimeSpan now)
    {
        var verdict = CheckVoteRouting(vote);
        if (verdict != Verdict.Accepted) return verdict;
        if (_proposal is null || _prepareTally is null || Phase != Phase.Prepare) return Verdict.Stale;
        if (vote.BlockHash != _proposal.Hash) return Verdict.UnknownBlock;
        Span<int> indices = stackalloc int[vote.Senders.Count];
        verdict = ResolveSendersIn(Committee, vote, indices);
        if (verdict != Verdict.Accepted) return verdict;
        foreach (var i in indices)
            if (_prepareTally.HasVoted(i)) return Verdict.Duplicate;
        if (!VoteSignatureValidIn(Committee, vote, indices, SigningPayloads.Prepare(vote.BlockHash, ViewId, _proposal.Header.ViewId))) return Verdict.BadSignature;
        _prepareTally.Add(indices, vote.Signature);
        CheckPrepareQuorum(now);
        return Verdict.Accepted;
    }

    /// <summary>Checks shared by PREPARE and COMMIT at the leader (reference §1.6).</summary>
    private Verdict CheckVoteRouting(Vote vote)
    {
        if (Mode != NodeMode.Normal) return Verdict.NotInThisMode;
        if (vote.ViewId + _config.StaleViewWindow < ViewId) return Verdict.StaleView;
        if (vote.BlockNumber < Height) return Verdict.Stale;
        if (vote.BlockNumber > Height) return Verdict.OutOfWindow;
        if (vote.ViewId != ViewId) return Verdict.WrongView;
        return IsLeader ? Verdict.Accepted : Verdict.NotForThisRole;
    }

    private void CheckPrepareQuorum(TimeSpan now)
    {
        if (_prepareTally is not { HasQuorum: true } || Phase != Phase.Prepare || _proposal is null) return;
        var certificate = new PreparedCertificate(_proposal, _prepareTally.Aggregate, _prepareTally.Bitmap, ViewId);
        _preparedCertificate = certificate;
        var leaderKey = MyKeyAt(MyIndexOf(Leader));
        var unsigned = new Prepared(ShardId, ViewId, Height, _proposal, certificate.PrepareAggregate, certificate.PrepareBitmap, leaderKey.Public, Placeholder);
        Emit(new Broadcast(new Prepared(ShardId, ViewId, Height, _proposal, certificate.PrepareAggregate, certificate.PrepareBitmap,
            leaderKey.Public, SignEnvelope(leaderKey, unsigned))));
        BeginCommitCollection(_proposal, now);
    }

    /// <summary>Starts gathering commits for a block after PREPARED, the leader's own first.</summary>
    private void BeginCommitCollection(Block block, TimeSpan now)
    {
        Phase = Phase.Commit;
        _commitBlock = block;
        _commitTally = new VoteTally(Committee);
        _commitVotedView = ViewId;
        _commitTally.Add(_myIndices, SignWithAllKeys(SigningPayloads.Commit(block.Header)));
        CheckCommitQuorum(now);
    }

    private Verdict OnCommit(Vote vote, TimeSpan now)
    {
        // Late commits for the block in its grace period still count toward the final aggregate.
        if (_grace is { } grace && vote.BlockNumber == grace.Block.Number && vote.ViewId == grace.ViewId)
            return AddCommit(vote, grace.Block, grace.Tally, now, checkQuorum: false);
        var verdict = CheckVoteRouting(vote);
        if (verdict != Verdict.Accepted) return verdict;
        if (_commitBlock is null || _commitTally is null) return Verdict.Stale;
        return AddCommit(vote, _commitBlock, _commitTally, now, checkQuorum: true);
    }

    private Verdict AddCommit(Vote vote, Block block, VoteTally tally, TimeSpan now, bool checkQuorum)
    {
        var committee = tally == _grace?.Tally ? _committees.CommitteeFor(ShardId, _config.EpochOf(block.Number)) : Committee;
        Span<int> indices = stackalloc int[vote.Senders.Count];
        var verdict = ResolveSendersIn(committee, vote, indices);
        if (verdict != Verdict.Accepted) return verdict;
        var payload = SigningPayloads.Commit(vote.BlockNumber, vote.BlockHash, vote.BlockHash == block.Hash ? block.Header.ViewId : vote.ViewId);
        if (!VoteSignatureValidIn(committee, vote, indices, payload)) return Verdict.BadSignature;
        var conflict = RecordCommitVote(vote, indices);
        if (vote.BlockHash != block.Hash) return conflict ? Verdict.Equivocation : Verdict.UnknownBlock;
        if (!tally.Add(indices, vote.Signature)) return Verdict.Duplicate;
        if (checkQuorum) CheckCommitQuorum(now);
        return conflict ? Verdict.Equivocation : Verdict.Accepted;
    }

    /// <summary>Remembers verified commit votes per slot; a second vote for another block in the same view is double signing.</summary>
    private bool RecordCommitVote(Vote vote, ReadOnlySpan<int> indices)
    {
        var conflict = false;
        foreach (var i in indices)
        {
            if (_commitVotesBySlot.TryGetValue(i, out var earlier))
            {
                if (earlier.BlockHash != vote.BlockHash && earlier.ViewId == vote.ViewId && earlier.BlockNumber == vote.BlockNumber)
                {
                    conflict = true;
                    Emit(new EvidenceObserved(new DoubleSignEvidence(Committee.KeyAt(i), vote.BlockNumber, vote.ViewId, earlier, vote)));
                }
            }
            else _commitVotesBySlot[i] = vote;
        }
        return conflict;
    }

    private void CheckCommitQuorum(TimeSpan now)
    {
        if (_commitTally is not { HasQuorum: true } || _commitBlock is null || GraceRunning || Phase != Phase.Commit) return;
        var block = _commitBlock;
        var tally = _commitTally;
        var dueIn = _lastAnnounceAt + _config.BlockPeriod - _config.CommitGraceMargin - now;
        var grace = dueIn > _config.MinCommitGrace ? dueIn : _config.MinCommitGrace;
        var early = !_config.IsLastBlockInEpoch(block.Number);
        _grace = new GraceState(block, ViewId, tally, tally.Signers, early);
        SetTimer(TimerKind.CommitGrace, now + grace);
        if (early)
        {
            // Pipelining: finalise with the quorum aggregate now, keep collecting for the grace period.
            var committed = new CommittedBlock(block, tally.Aggregate, tally.Bitmap, ViewId);
            BroadcastCommitted(committed);
            CommitLocally(committed, now);
        }
    }

    private void FinishGrace(TimeSpan now)
    {
        if (_grace is not { } grace) return;
        _grace = null;
        var final = new CommittedBlock(grace.Block, grace.Tally.Aggregate, grace.Tally.Bitmap, grace.ViewId);
        if (!grace.CommittedEarly)
        {
            if (Head.Number + 1 == final.Number)
            {
                BroadcastCommitted(final);
                CommitLocally(final, now);
            }
            return;
        }
        if (grace.Tally.Signers > grace.SignersAtQuorum && Head.Hash == final.Hash)
        {
            Head = final;
            Emit(new CommitSignatureImproved(final));
            BroadcastCommitted(final);
        }
        if (IsLeader && Mode == NodeMode.Normal && Phase == Phase.Announce && _proposal is null) ScheduleProposal(now);
    }

    private void BroadcastCommitted(CommittedBlock committed)
    {
        var committee = _committees.CommitteeFor(ShardId, _config.EpochOf(committed.Number));
        var leaderKey = _keys.FirstOrDefault(k => Address.OfBlsKey(k.Public.Bytes) == committed.Header.Coinbase && committee.IndexOf(k.Public) >= 0)
            ?? _keys.First(k => committee.IndexOf(k.Public) >= 0);
        var unsigned = new Committed(ShardId, committed.CommitViewId, committed.Number, committed.Hash, committed.CommitSignature!, committed.CommitBitmap!, leaderKey.Public, Placeholder);
        Emit(new Broadcast(new Committed(ShardId, committed.CommitViewId, committed.Number, committed.Hash, committed.CommitSignature!, committed.CommitBitmap!,
            leaderKey.Public, Sign(committee, leaderKey.Secret, unsigned.SigningBytes))));
    }

    private static Verdict ResolveSendersIn(Committee committee, Vote vote, Span<int> indices)
    {
        Address? owner = null;
        for (var k = 0; k < vote.Senders.Count; k++)
        {
            var i = committee.IndexOf(vote.Senders[k]);
            if (i < 0) return Verdict.UnknownSender;
            for (var j = 0; j < k; j++)
                if (indices[j] == i) return Verdict.Duplicate;
            indices[k] = i;
            var slot = committee.Slots[i];
            if (committee.Mode == QuorumMode.ByVotingPower && vote.Senders.Count > 1 && !slot.IsHarmonyOperated)
            {
                if (owner is { } o && o != slot.Owner) return Verdict.MixedOwners;
                owner = slot.Owner;
            }
        }
        return Verdict.Accepted;
    }

    private bool VoteSignatureValidIn(Committee committee, Vote vote, ReadOnlySpan<int> indices, ReadOnlySpan<byte> payload)
    {
        if (indices.Length == 1) return Verify(committee, vote.Senders[0], payload, vote.Signature);
        return VerifyAggregate(committee, SignerBitmap.Of(committee.Count, indices), payload, vote.Signature);
    }

    /// <summary>Stands in for the envelope signature while the digest of an unsigned message is computed.</summary>
    private static readonly Signature Placeholder = new(new byte[Signature.Size]);
}
