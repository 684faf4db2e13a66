using HarmonySim.Grains.Runs;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Grains.Validators;

/// <summary>
/// Hosts one node's FBFT state machine. Its scenario behaviour is applied here, to what the node sends, never
/// inside the protocol library: a silent leader drops its leader messages, a withholding node drops its votes.
/// </summary>
public sealed class ValidatorGrain(RunContexts runs) : Grain, IValidatorGrain
{
    private FbftNode? _node;
    private NodePlan? _plan;
    private CommittedBlock? _head;

    public Task<ValidatorOutput> Start(RunPlan plan, int node, TimeSpan now, bool restart)
    {
        var context = runs.For(plan);
        var before = CountingScheme.Snapshot;
        _plan = plan.Nodes[node];
        // A restarted node keeps what it had committed (its disk) and loses everything else.
        var head = restart && _head is not null ? _head : context.Genesis[_plan.Shard];
        _node = new FbftNode(context.Config, context.KeysOf(node), context.Committees, head, validator: CountedValidation.Instance);
        _node.Start(now);
        return Task.FromResult(Output(before));
    }

    public Task<ValidatorOutput> Step(ValidatorInput input)
    {
        var node = _node ?? throw new InvalidOperationException("validator not started");
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
        return Task.FromResult(Output(before));
    }

    private ValidatorOutput Output(OperationCounts before)
    {
        var node = _node!;
        var effects = new List<FbftEffect>(node.PendingEffects.Count);
        foreach (var effect in node.PendingEffects)
        {
            if (effect is BlockCommitted c) _head = c.Committed;
            if (effect is CommitSignatureImproved i) _head = i.Committed;
            if (!Suppressed(effect, node)) effects.Add(effect);
        }
        node.ClearEffects();
        return new ValidatorOutput(_plan!.Id, effects, node.IsLeader, node.Height, node.ViewId, CountingScheme.Since(before));
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
