using HarmonySim.Grains.Runs;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Validators;

/// <summary>
/// Hosts one node's FBFT state machine. Its scenario behaviour is applied here, to what the node sends, never
/// inside the protocol library: a silent leader drops its leader messages, a withholding node drops its votes, and
/// a split-brain node runs two honest replicas with its real keys, each proposing its own blocks and voting with
/// one side of the shard (the shard network routes each side's messages to one replica).
/// </summary>
public sealed class ValidatorGrain(RunContexts runs) : Grain, IValidatorGrain
{
    private FbftNode[] _nodes = [];
    private SharedVerificationScheme? _memo;
    private NodePlan? _plan;
    private CommittedBlock? _head;

    public Task<IReadOnlyList<ValidatorOutput>> Start(RunPlan plan, int node, TimeSpan now, bool restart)
    {
        var context = runs.For(plan);
        _memo = context.Memo;
        _plan = plan.Nodes[node];
        // A restarted node keeps what it had committed (its disk) and loses everything else.
        var head = restart && _head is not null ? _head : context.Genesis[_plan.Shard];
        var replicas = _plan.Behaviour == NodeBehaviour.Equivocate ? 2 : 1;
        _nodes = [.. Enumerable.Range(0, replicas).Select(r => new FbftNode(context.Config, context.KeysOf(node), context.Committees, head,
            replicas > 1 ? new SideBlockBuilder((byte)r) : null, CountedValidation.Instance))];
        var outputs = new List<ValidatorOutput>(replicas);
        for (var r = 0; r < replicas; r++)
        {
            var before = CountingScheme.Snapshot;
            _nodes[r].Start(now);
            outputs.Add(Output(r, before));
        }
        return Task.FromResult<IReadOnlyList<ValidatorOutput>>(outputs);
    }

    public Task<ValidatorOutput> Step(ValidatorInput input)
    {
        if (_nodes.Length == 0) throw new InvalidOperationException("validator not started");
        var node = _nodes[input.Replica];
        if (_memo is not null) BatchVerifyVotes(input, _memo);
        var before = CountingScheme.Snapshot;
        foreach (var e in input.Events)
        {
            switch (e)
            {
                case Delivery d:
                    node.Receive(d.Message, input.Now);
                    break;
                case TimerFired t:
                    node.Tick(t.Kind, t.Token, input.Now);
                    break;
                case SyncBlocks s:
                    foreach (var block in s.Blocks)
                        if (node.CatchUp(block, input.Now) != Verdict.Accepted) break;
                    break;
            }
        }
        return Task.FromResult(Output(input.Replica, before));
    }

    private ValidatorOutput Output(int replica, OperationCounts before)
    {
        var node = _nodes[replica];
        var effects = new List<FbftEffect>(node.PendingEffects.Count);
        foreach (var effect in node.PendingEffects)
        {
            if (replica == 0 && effect is BlockCommitted c) _head = c.Committed;
            if (replica == 0 && effect is CommitSignatureImproved i) _head = i.Committed;
            if (!Suppressed(effect, node)) effects.Add(effect);
        }
        node.ClearEffects();
        return new ValidatorOutput(_plan!.Id, effects, node.IsLeader, node.Height, CountingScheme.Since(before), replica);
    }

    /// <summary>
    /// A leader receiving several votes at one instant checks them as a batch (one per payload) before the node checks
    /// them one by one from the memo. For a COMMIT the payload is taken with the vote's view, which is the block's
    /// own view except for a block carried through a view change; those few are then checked singly.
    /// </summary>
    private static void BatchVerifyVotes(ValidatorInput input, SharedVerificationScheme memo)
    {
        var votes = input.Events.OfType<Delivery>().Select(d => d.Message).OfType<Vote>().Where(v => v.Senders.Count == 1).ToList();
        if (votes.Count < 2) return;
        foreach (var group in votes.GroupBy(v => (v.Type, v.BlockNumber, v.BlockHash, v.ViewId)))
        {
            var payload = group.Key.Type == MessageType.Prepare
                ? SigningPayloads.Prepare(group.Key.BlockHash)
                : SigningPayloads.Commit(group.Key.BlockNumber, group.Key.BlockHash, group.Key.ViewId);
            var list = group.ToList();
            memo.PrimeBatch([.. list.Select(v => v.Senders[0])], payload, [.. list.Select(v => v.Signature)]);
        }
    }

    /// <summary>Empty blocks marked with the replica's side, so each replica of a split-brain leader proposes a different block.</summary>
    private sealed class SideBlockBuilder(byte side) : IBlockBuilder
    {
        public Protocol.Chain.Block? Build(ProposalContext context) => new Protocol.Chain.Block(EmptyBlockBuilder.Create(context).Header.WithExtra([side]));
    }

    /// <summary>The protocol's own body check, counted for the cost model.</summary>
    private sealed class CountedValidation : IBlockValidator
    {
        public static readonly CountedValidation Instance = new();

        public string? Validate(Protocol.Chain.Block block)
        {
            CountingScheme.CountBlockValidation();
            return BodyRootValidator.Instance.Validate(block);
        }
    }

    private bool Suppressed(FbftEffect effect, FbftNode node)
    {
        var message = effect switch { Broadcast b => b.Message, SendTo s => s.Message, _ => null };
        return message is not null && _plan!.Behaviour switch
        {
            NodeBehaviour.SilentLeader => node.IsLeader && message is Announce or Prepared or Committed or NewView,
            NodeBehaviour.WithholdVotes => message is Vote,
            _ => false,
        };
    }
}
