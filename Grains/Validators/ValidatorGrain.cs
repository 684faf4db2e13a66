using HarmonySim.Grains.Runs;
using HarmonySim.Grains.Staking;
using HarmonySim.Grains.Transfers;
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
    // One seat per shard the node follows: its own shard, or every shard when slots move between shards each epoch.
    private readonly Dictionary<int, ShardSeat> _seats = [];
    private readonly BeaconMempool _pool = new();
    private SharedVerificationScheme? _memo;
    private NodePlan? _plan;
    private RunContext? _context;

    public Task<IReadOnlyList<ValidatorOutput>> Start(RunPlan plan, int node, TimeSpan now, bool restart, int shard)
    {
        var context = runs.For(plan);
        _context = context;
        _memo = context.Memo;
        _plan = plan.Nodes[node];
        if (!_seats.TryGetValue(shard, out var seat)) _seats[shard] = seat = new ShardSeat(context.CommitteesForNode());
        // A restarted node keeps what it had committed (its disk) and what it learned of committees, and loses everything else.
        var head = restart && seat.Head is not null ? seat.Head : context.Genesis[shard];
        var replicas = _plan.Behaviour == NodeBehaviour.Equivocate ? 2 : 1;
        seat.Nodes = new FbftNode[replicas];
        for (var r = 0; r < replicas; r++)
        {
            var replica = r;
            var (builder, validator) = BlockProduction(context, shard, seat.Committees, seat.Receipts, () => seat.Nodes[replica].Head.Block);
            seat.Nodes[r] = new FbftNode(context.Config, context.KeysOf(node), seat.Committees, head,
                replicas > 1 ? new SideBlockBuilder(builder, (byte)r) : builder, validator);
        }
        var outputs = new List<ValidatorOutput>(replicas);
        for (var r = 0; r < replicas; r++)
        {
            var before = CountingScheme.Snapshot;
            seat.Nodes[r].Start(now);
            outputs.Add(Output(seat, r, before, now));
        }
        return Task.FromResult<IReadOnlyList<ValidatorOutput>>(outputs);
    }

    public Task<ValidatorOutput> Step(ValidatorInput input)
    {
        if (!_seats.TryGetValue(input.Shard, out var seat) || seat.Nodes.Length == 0)
            throw new InvalidOperationException($"validator not started for shard {input.Shard}");
        var node = seat.Nodes[input.Replica];
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
                case BeaconPool p:
                    _pool.Replace(p.Crosslinks, p.Slashes, p.Randomness);
                    break;
                case ReceiptsPool r:
                    seat.Receipts.Replace(r.Proofs);
                    break;
                case ShardStateAnnounced a when seat.Committees is EpochCommittees epochs:
                    epochs.Announce(a.Epoch, a.ShardState);
                    break;
            }
        }
        return Task.FromResult(Output(seat, input.Replica, before, input.Now));
    }

    /// <summary>The node's block builder and validator for a shard: the beacon's or a shard's in a staking run, empty blocks otherwise.</summary>
    /// <remarks><paramref name="head"/> is the replica's committed head: the beacon's builder and validator apply it first, so the
    /// parent's state never depends on what other nodes happened to compute before.</remarks>
    private (IBlockBuilder? Builder, IBlockValidator Validator) BlockProduction(RunContext context, int shard, ICommitteeProvider committees, ReceiptPool receipts, Func<Protocol.Chain.Block> head)
    {
        if (context.Staking is not { } world || committees is not EpochCommittees epochs) return (null, CountedValidation.Instance);
        var transfers = context.Transfers is { } t ? new TransferProduction(t, receipts, shard, context.Config.GenesisUnixTime, head) : null;
        return shard == 0
            ? (new BeaconBlockBuilder(world, _pool, context.Config.GenesisUnixTime, head, transfers), new BeaconBlockValidator(world, head, transfers))
            : (new ShardBlockBuilder(epochs, world.Rules, transfers), new ShardBlockValidator(epochs, world.Rules, transfers));
    }

    private ValidatorOutput Output(ShardSeat seat, int replica, OperationCounts before, TimeSpan now)
    {
        var node = seat.Nodes[replica];
        var effects = new List<FbftEffect>(node.PendingEffects.Count);
        foreach (var effect in node.PendingEffects)
        {
            if (effect is BlockCommitted c)
            {
                if (replica == 0) seat.Head = c.Committed;
                // Every committed beacon block is applied by the node that committed it, in order, so the state of
                // its head is always one it computed or found (never one it needs another node to have computed).
                if (c.Committed.Header.ShardId == 0 && _context!.Staking is { } world) world.Apply(c.Committed.Block);
                _context!.Transfers?.Apply(c.Committed.Block);
            }
            if (replica == 0 && effect is CommitSignatureImproved i) seat.Head = i.Committed;
            if (Suppressed(effect, node)) continue;
            effects.Add(effect);
            if (effect is SendTo { Message: Vote { Type: MessageType.Commit } vote } send && _plan!.Behaviour == NodeBehaviour.DoubleSign && _plan.Misbehaves(now))
                effects.Add(new SendTo(send.Recipient, ConflictingVote(vote)));
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

    /// <summary>
    /// A COMMIT vote for a block that does not exist, at the same height and view, signed with the same keys: what a
    /// double-signing node sends beside its real vote. The leader's node sees both and reports the evidence.
    /// </summary>
    private Vote ConflictingVote(Vote vote)
    {
        var fake = Keccak256.Hash([.. vote.BlockHash.ToArray(), .. "double-sign"u8]);
        var payload = SigningPayloads.Commit(vote.BlockNumber, fake, vote.ViewId);
        var scheme = _context!.Scheme;
        var mine = _context.KeysOf(_plan!.Id).Where(k => vote.Senders.Contains(k.Public)).ToList();
        var acc = scheme.CreateAccumulator();
        foreach (var key in mine) acc.Add(scheme.Sign(key.Secret, payload));
        return new Vote(MessageType.Commit, vote.ShardId, vote.ViewId, vote.BlockNumber, fake, vote.Senders, acc.ToSignature());
    }

    /// <summary>The inner builder's blocks marked with the replica's side, so each replica of a split-brain leader proposes a different block.</summary>
    private sealed class SideBlockBuilder(IBlockBuilder? inner, byte side) : IBlockBuilder
    {
        public Protocol.Chain.Block? Build(ProposalContext context)
        {
            var block = inner is null ? EmptyBlockBuilder.Create(context) : inner.Build(context);
            return block is null ? null : new Protocol.Chain.Block(block.Header.WithExtra([side]), block.Transactions, block.Body);
        }
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

    /// <summary>What the node keeps for one shard: its FBFT replicas, its committed head and its view of committees.</summary>
    private sealed class ShardSeat(ICommitteeProvider committees)
    {
        public FbftNode[] Nodes { get; set; } = [];
        public CommittedBlock? Head { get; set; }
        public ICommitteeProvider Committees { get; } = committees;

        /// <summary>Receipt proofs from other shards this shard's network handed the node.</summary>
        public ReceiptPool Receipts { get; } = new();
    }
}
