using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>
/// Sends a forged or malformed copy ahead of each consensus message the node sends, cycling through the forgeries
/// in a fixed order (no randomness): a vote whose signature is over other bytes; a vote in another committee member's
/// name; a PREPARED or COMMITTED whose bitmap names only the leader (no quorum); a VIEWCHANGE whose M1 carries a block
/// only the forger prepared. Honest nodes must refuse every one (verdicts counted in <c>ShardResult.Rejected</c>)
/// and the shard goes on. The forged copy goes first, so a duplicate check cannot hide it.
/// </summary>
public sealed class Forger(RunContext context, int node)
{
    private int _next;

    /// <summary>Signatures made for forgeries (counted for the cost model).</summary>
    public int Signs { get; private set; }


    public void Forge(FbftEffect effect, FbftNode fbft, List<FbftEffect> output)
    {
        var forged = effect switch
        {
            SendTo { Message: Vote vote } s => new SendTo(s.Recipient, ForgeVote(vote, fbft)),
            Broadcast { Message: Prepared p } => new Broadcast(Unquorate(p, fbft)),
            Broadcast { Message: Committed c } => new Broadcast(Unquorate(c, fbft)),
            SendTo { Message: ViewChange vc } s => new SendTo(s.Recipient, UnpreparedM1(vc, fbft)),
            _ => (FbftEffect?)null,
        };
        if (forged is null) return;
        output.Add(forged);
    }

    private Vote ForgeVote(Vote vote, FbftNode fbft)
    {
        var key = fbft.Keys[0];
        Signs++;
        if (_next++ % 2 == 0)
            return new Vote(vote.Type, vote.ShardId, vote.ViewId, vote.BlockNumber, vote.BlockHash, vote.Senders, context.Scheme.Sign(key.Secret, "forged"u8));
        // In the name of the next committee member, signed with the forger's own key.
        var committee = fbft.Committee;
        var victim = committee.KeyAt((Math.Max(0, committee.IndexOf(vote.Senders[0])) + 1) % committee.Count);
        var payload = vote.Type == MessageType.Prepare ? SigningPayloads.Prepare(vote.BlockHash) : SigningPayloads.Commit(vote.BlockNumber, vote.BlockHash, vote.ViewId);
        return new Vote(vote.Type, vote.ShardId, vote.ViewId, vote.BlockNumber, vote.BlockHash, [victim], context.Scheme.Sign(key.Secret, payload));
    }

    private Prepared Unquorate(Prepared p, FbftNode fbft)
    {
        var (bitmap, key) = OnlyMe(fbft, p.Sender);
        var unsigned = new Prepared(p.ShardId, p.ViewId, p.BlockNumber, p.Block, p.Aggregate, bitmap, p.Sender, Placeholder);
        Signs++;
        return new Prepared(p.ShardId, p.ViewId, p.BlockNumber, p.Block, p.Aggregate, bitmap, p.Sender, context.Scheme.Sign(key.Secret, unsigned.SigningBytes));
    }

    private Committed Unquorate(Committed c, FbftNode fbft)
    {
        var (bitmap, key) = OnlyMe(fbft, c.Sender);
        var unsigned = new Committed(c.ShardId, c.ViewId, c.BlockNumber, c.BlockHash, c.Aggregate, bitmap, c.Sender, Placeholder);
        Signs++;
        return new Committed(c.ShardId, c.ViewId, c.BlockNumber, c.BlockHash, c.Aggregate, bitmap, c.Sender, context.Scheme.Sign(key.Secret, unsigned.SigningBytes));
    }

    /// <summary>A VIEWCHANGE whose M1 claims the node's head block is prepared again at the next height, certified by the forger alone.</summary>
    private ViewChange UnpreparedM1(ViewChange vc, FbftNode fbft)
    {
        var key = fbft.Keys.FirstOrDefault(k => k.Public.Equals(vc.Sender)) ?? fbft.Keys[0];
        var block = fbft.Head.Block;
        var (bitmap, _) = OnlyMe(fbft, key.Public);
        var m1 = new PreparedCertificate(block, context.Scheme.Sign(key.Secret, SigningPayloads.Prepare(block.Hash)), bitmap);
        Signs += 2;
        return new ViewChange(vc.ShardId, vc.ViewId, vc.BlockNumber, vc.Sender, vc.NewLeader, m1, context.Scheme.Sign(key.Secret, m1.Payload), vc.ViewIdSignature);
    }

    private (SignerBitmap Bitmap, KeyPair Key) OnlyMe(FbftNode fbft, PublicKey sender)
    {
        var committee = fbft.Committee;
        var key = fbft.Keys.FirstOrDefault(k => k.Public.Equals(sender)) ?? context.KeysOf(node)[0];
        var index = Math.Max(0, committee.IndexOf(key.Public));
        return (SignerBitmap.Of(committee.Count, [index]), key);
    }

    private static readonly Signature Placeholder = new(new byte[Signature.Size]);
}
