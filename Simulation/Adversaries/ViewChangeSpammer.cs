using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>
/// View-change spam: each time the node sends a message of its own, it also sends every committee member a VIEWCHANGE
/// for a view ahead of its own (cycling 1–200 views ahead), validly signed with its own key, naming the receiver as
/// the new leader. Honest nodes buffer or refuse them (bounded buffers), never change view on them alone: a view change
/// needs a quorum of M3 signatures.
/// </summary>
public sealed class ViewChangeSpammer(RunContext context)
{
    private ulong _ahead;

    public int Signs { get; private set; }

    public void Spam(FbftEffect effect, FbftNode fbft, List<FbftEffect> output)
    {
        if (effect is not (SendTo or Broadcast) || fbft.Keys.Count == 0) return;
        var key = fbft.Keys[0];
        var committee = fbft.Committee;
        if (committee.IndexOf(key.Public) < 0) return;
        var view = Math.Max(fbft.ViewId, fbft.ViewChangingId) + 1 + _ahead++ % 200;
        var nil = context.Scheme.Sign(key.Secret, SigningPayloads.Nil);
        var viewSignature = context.Scheme.Sign(key.Secret, SigningPayloads.ViewId(view));
        Signs += 2;
        for (var i = 0; i < committee.Count; i++)
        {
            var to = committee.KeyAt(i);
            if (fbft.Keys.Any(k => k.Public.Equals(to))) continue;
            output.Add(new SendTo(to, new ViewChange(fbft.ShardId, view, fbft.Height, key.Public, to, null, nil, viewSignature)));
        }
    }
}
