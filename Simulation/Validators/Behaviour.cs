using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Adversaries;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Validators;

/// <summary>
/// A node's scenario behaviour, applied to what its honest state machine emits: a silent leader drops its leader
/// messages, a withholding node drops its votes, and a double signer sends, beside every COMMIT vote from its start
/// time, a second one for a conflicting block signed with the same keys. (A split-brain node is two honest replicas,
/// routed by the network.) Nothing here is inside the protocol library.
/// </summary>
public sealed class Behaviour(RunContext context, NodePlan plan)
{
    private readonly StaleCertificateLeader? _stale = plan.Behaviour == NodeBehaviour.StaleCertificateLeader ? new(context, plan.Id) : null;
    private readonly Forger? _forger = plan.Behaviour == NodeBehaviour.Forge ? new(context, plan.Id) : null;
    private readonly ViewChangeSpammer? _spammer = plan.Behaviour == NodeBehaviour.ViewChangeSpam ? new(context) : null;
    // Messages an adversary decided to send on what the node received, sent with the node's next output.
    private readonly List<FbftEffect> _extra = [];
    private int _signs;

    /// <summary>Signatures made for the extra messages the behaviour adds (counted for the cost model).</summary>
    public int Signs => _signs + (_stale?.Signs ?? 0) + (_forger?.Signs ?? 0) + (_spammer?.Signs ?? 0);

    /// <summary>Lets an adversary that acts on what the node receives see one of its inputs.</summary>
    public void Observe(ShardEvent e) => _stale?.Observe(e, _extra);

    /// <summary>Adds what adversaries decided to send on the node's inputs to <paramref name="output"/>.</summary>
    public void Flush(List<FbftEffect> output)
    {
        output.AddRange(_extra);
        _extra.Clear();
    }

    /// <summary>Adds <paramref name="effect"/> to <paramref name="output"/> as the behaviour lets it out, with any extra message.</summary>
    public void Filter(FbftEffect effect, FbftNode node, TimeSpan now, List<FbftEffect> output)
    {
        if (Suppressed(effect, node, now)) return;
        if (_stale is not null)
        {
            if (_stale.Rewrite(effect, node, plan.Misbehaves(now)) is not { } rewritten) return;
            effect = rewritten;
        }
        if (_forger is not null && plan.Misbehaves(now)) _forger.Forge(effect, node, output);
        if (_spammer is not null && plan.Misbehaves(now)) _spammer.Spam(effect, node, output);
        output.Add(effect);
        if (effect is SendTo { Message: Vote { Type: MessageType.Commit } vote } send && plan.Behaviour == NodeBehaviour.DoubleSign && plan.Misbehaves(now))
            output.Add(new SendTo(send.Recipient, ConflictingVote(vote)));
    }

    private bool Suppressed(FbftEffect effect, FbftNode node, TimeSpan now)
    {
        var message = effect switch { Broadcast b => b.Message, SendTo s => s.Message, _ => null };
        return message is not null && plan.Misbehaves(now) && plan.Behaviour switch
        {
            NodeBehaviour.SilentLeader => node.IsLeader && message is Announce or Prepared or Committed or NewView,
            NodeBehaviour.WithholdVotes => message is Vote,
            NodeBehaviour.WithholdPower => message is Vote || (node.IsLeader && message is Announce or Prepared or Committed or NewView),
            _ => false,
        };
    }

    /// <summary>
    /// A COMMIT vote for a block that does not exist, at the same height and view, signed with the same keys: what a
    /// double-signing node sends beside its real vote. The leader's node sees both and reports the evidence.
    /// </summary>
    private Vote ConflictingVote(Vote vote)
    {
        var fake = Keccak256.Hash([.. vote.BlockHash.ToArray(), .. "double-sign"u8]);
        var payload = SigningPayloads.Commit(vote.BlockNumber, fake, vote.ViewId);
        var scheme = context.Scheme;
        var mine = context.KeysOf(plan.Id).Where(k => vote.Senders.Contains(k.Public)).ToList();
        _signs += mine.Count;
        return new Vote(MessageType.Commit, vote.ShardId, vote.ViewId, vote.BlockNumber, fake, vote.Senders, scheme.SignAggregate([.. mine.Select(k => k.Secret)], payload));
    }
}
