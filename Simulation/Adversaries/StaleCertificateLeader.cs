using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>
/// A byzantine new leader that carries the oldest prepared certificate it has seen at the height instead of the newest,
/// or one where its quorum reported none (any valid certificate passes NEWVIEW's checks; only the lock, <c>IsLockedAgainst</c>, stops honest nodes that hold a
/// later one from preparing the older block again). Its own honest state machine keeps collecting votes for the block
/// it chose, so the host gathers the prepares for the stale block itself, sends PREPARED at a quorum, then gathers the
/// commits and sends COMMITTED at a quorum.
/// To make room for a newer block at the height, it also hides its own certificate from other leaders (its VIEWCHANGEs
/// claim none). This is the schedule random faults never reached (issue 13): without the lock it forks the chain.
/// </summary>
public sealed class StaleCertificateLeader(RunContext context, int node)
{
    // Per height, the certificate from the lowest view this node has seen (in VIEWCHANGEs' M1 or PREPAREDs).
    private readonly SortedDictionary<ulong, PreparedCertificate> _oldest = [];
    private Hijack? _hijack;

    /// <summary>Signatures the adversary made itself (counted for the cost model).</summary>
    public int Signs { get; private set; }

    /// <summary>Looks at what the node receives: certificates to remember, commits for a stale block to gather.</summary>
    public void Observe(ShardEvent e, List<FbftEffect> extra)
    {
        if (e is not Delivery { Message: var message }) return;
        switch (message)
        {
            case ViewChange { M1: { } m1 } vc:
                Remember(vc.BlockNumber, m1);
                break;
            case Prepared p:
                Remember(p.BlockNumber, new PreparedCertificate(p.Block, p.Aggregate, p.Bitmap, p.ViewId));
                break;
            case Vote vote when _hijack is { } h && vote.BlockHash == h.Certificate.BlockHash && vote.ViewId == h.ViewId:
                Gather(h, vote, extra);
                break;
        }
    }

    /// <summary>
    /// The node's NEWVIEW with the oldest certificate known at its height, when that is older than the one it chose.
    /// Outside its active window (<paramref name="active"/> false) it only remembers, and sends what the node sent.
    /// </summary>
    public FbftEffect? Rewrite(FbftEffect effect, FbftNode fbft, bool active)
    {
        if (effect is Broadcast { Message: Prepared own })
        {
            Remember(own.BlockNumber, new PreparedCertificate(own.Block, own.Aggregate, own.Bitmap, own.ViewId));
            // Prepare and hide: as leader it keeps the certificate its quorum gave it and tells nobody, so the view
            // fails, the next leader proposes afresh at the height, and this node holds an older certificate to carry.
            if (active) return null;
        }
        if (!active) return effect;
        if (effect is SendTo { Message: ViewChange { M1: { } hidden } vc } send) return HideCertificate(send, vc, hidden, fbft);
        if (effect is not Broadcast { Message: NewView nv }) return effect;
        foreach (var height in _oldest.Keys.Where(h => h < nv.BlockNumber).ToList()) _oldest.Remove(height);
        // Older than the honest choice, or any certificate where the quorum reported none: both pass NEWVIEW's checks.
        if (!_oldest.TryGetValue(nv.BlockNumber, out var stale)
            || (nv.M1 is { } chosen && (stale.ViewId >= chosen.ViewId || stale.BlockHash == chosen.BlockHash))) return effect;
        var key = LeaderKey(fbft, nv.Sender);
        var unsigned = new NewView(nv.ShardId, nv.ViewId, nv.BlockNumber, stale, nv.M2Aggregate, nv.M2Bitmap, nv.M3Aggregate, nv.M3Bitmap, nv.Sender, Placeholder);
        Signs++;
        var committee = fbft.Committee;
        _hijack = new Hijack(stale, nv.ViewId, key, committee, MySlots(fbft, committee), MySecrets(fbft, committee));
        _hijack.Prepares.Add(_hijack.Mine, OwnSignature(_hijack, SigningPayloads.Prepare(stale.BlockHash, nv.ViewId, stale.Block.Header.ViewId)));
        return new Broadcast(new NewView(nv.ShardId, nv.ViewId, nv.BlockNumber, stale, nv.M2Aggregate, nv.M2Bitmap, nv.M3Aggregate, nv.M3Bitmap,
            nv.Sender, context.Scheme.Sign(key.Secret, unsigned.SigningBytes)));
    }

    /// <summary>
    /// Its VIEWCHANGE to another leader claims no prepared block (M2, NIL signed with its own key), so that leader may
    /// propose afresh at the height while this node keeps the older certificate to carry later.
    /// </summary>
    private SendTo HideCertificate(SendTo send, ViewChange vc, PreparedCertificate hidden, FbftNode fbft)
    {
        Remember(vc.BlockNumber, hidden);
        var key = fbft.Keys.FirstOrDefault(k => k.Public.Equals(vc.Sender));
        if (key is null) return send;
        Signs++;
        return new SendTo(send.Recipient, new ViewChange(vc.ShardId, vc.ViewId, vc.BlockNumber, vc.Sender, vc.NewLeader, null,
            context.Scheme.Sign(key.Secret, SigningPayloads.Nil), vc.ViewIdSignature));
    }

    private void Remember(ulong height, PreparedCertificate certificate)
    {
        if (!_oldest.TryGetValue(height, out var known) || certificate.ViewId < known.ViewId) _oldest[height] = certificate;
    }

    /// <summary>Prepares for the stale block, then (after its PREPARED) commits, as the honest leader's rounds do.</summary>
    private void Gather(Hijack h, Vote vote, List<FbftEffect> extra)
    {
        Span<int> indices = stackalloc int[vote.Senders.Count];
        for (var k = 0; k < vote.Senders.Count; k++)
        {
            indices[k] = h.Committee.IndexOf(vote.Senders[k]);
            if (indices[k] < 0) return;
        }
        var block = h.Certificate.Block;
        var shard = block.Header.ShardId;
        // Honest voters sign correctly; a bad vote would only make honest nodes refuse the PREPARED or COMMITTED below.
        if (vote.Type == MessageType.Prepare)
        {
            if (h.Commits is not null || !h.Prepares.Add(indices, vote.Signature) || !h.Prepares.HasQuorum) return;
            var unsignedPrepared = new Prepared(shard, h.ViewId, block.Number, block, h.Prepares.Aggregate, h.Prepares.Bitmap, h.Key.Public, Placeholder);
            Signs++;
            extra.Add(new Broadcast(new Prepared(shard, h.ViewId, block.Number, block, h.Prepares.Aggregate, h.Prepares.Bitmap,
                h.Key.Public, context.Scheme.Sign(h.Key.Secret, unsignedPrepared.SigningBytes))));
            h.Commits = new VoteTally(h.Committee);
            h.Commits.Add(h.Mine, OwnSignature(h, SigningPayloads.Commit(block.Header)));
            return;
        }
        if (h.Commits is null || !h.Commits.Add(indices, vote.Signature) || !h.Commits.HasQuorum) return;
        var unsigned = new Committed(shard, h.ViewId, block.Number, block.Hash, h.Commits.Aggregate, h.Commits.Bitmap, h.Key.Public, Placeholder);
        Signs++;
        extra.Add(new Broadcast(new Committed(shard, h.ViewId, block.Number, block.Hash, h.Commits.Aggregate, h.Commits.Bitmap,
            h.Key.Public, context.Scheme.Sign(h.Key.Secret, unsigned.SigningBytes))));
        _hijack = null;
    }

    private Signature OwnSignature(Hijack h, byte[] payload)
    {
        Signs += h.Mine.Length;
        return context.Scheme.SignAggregate(h.Secrets, payload);
    }

    private static int[] MySlots(FbftNode fbft, Committee committee) =>
        [.. fbft.Keys.Select(k => committee.IndexOf(k.Public)).Where(i => i >= 0)];

    private static SecretKey[] MySecrets(FbftNode fbft, Committee committee) =>
        [.. fbft.Keys.Where(k => committee.IndexOf(k.Public) >= 0).Select(k => k.Secret)];

    private KeyPair LeaderKey(FbftNode fbft, PublicKey sender) => fbft.Keys.FirstOrDefault(k => k.Public.Equals(sender)) ?? context.KeysOf(node)[0];

    private static readonly Signature Placeholder = new(new byte[Signature.Size]);

    /// <summary>The stale block being pushed through one view: its prepare tally, then its commit tally.</summary>
    private sealed class Hijack(PreparedCertificate certificate, ulong viewId, KeyPair key, Committee committee, int[] mine, SecretKey[] secrets)
    {
        public PreparedCertificate Certificate { get; } = certificate;
        public ulong ViewId { get; } = viewId;
        public KeyPair Key { get; } = key;
        public Committee Committee { get; } = committee;
        public int[] Mine { get; } = mine;
        public SecretKey[] Secrets { get; } = secrets;
        public VoteTally Prepares { get; } = new(committee);
        public VoteTally? Commits { get; set; }
    }
}
