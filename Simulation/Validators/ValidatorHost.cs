using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Staking;
using HarmonySim.Simulation.Transfers;

namespace HarmonySim.Simulation.Validators;

/// <summary>
/// One node's seat in one shard: its FBFT state machine (two replicas for a split-brain node), the chain head it
/// would keep on disk, its view of committees, and the pools the network handed it. Its scenario behaviour is applied
/// here, to what the node sends, never inside the protocol library (<see cref="Behaviour"/>).
/// </summary>
public sealed class ValidatorHost
{
    private readonly RunContext _context;
    private readonly BeaconMempool _pool = new();
    private readonly ReceiptPool _receipts = new();
    private readonly ICommitteeProvider _committees;
    private readonly Behaviour _behaviour;
    private readonly BlockValidationCounter _validations = new();
    private FbftNode[] _replicas = [];
    // One effects list per replica, reused step after step: the network applies a step's output before the next step.
    private readonly List<FbftEffect>[] _effects = [[], []];

    private readonly Load.ShardMempool? _mempool;

    /// <param name="mempool">The shard's transaction pool its leaders build from (a load run), else null.</param>
    public ValidatorHost(RunContext context, NodePlan plan, int shard, Load.ShardMempool? mempool = null)
    {
        _context = context;
        _mempool = mempool;
        Plan = plan;
        Shard = shard;
        _committees = context.CommitteesForNode();
        _behaviour = new Behaviour(context, plan);
    }

    // Messages the node refused, by verdict: forged and malformed ones among them (reported for honest nodes).
    private readonly long[] _rejected = new long[Enum.GetValues<Verdict>().Length];

    /// <summary>How many delivered messages the node refused, indexed by <see cref="Verdict"/>.</summary>
    public ReadOnlySpan<long> Rejected => _rejected;

    /// <summary>The shard's censorship account, which a censoring node's block builder reports its omissions to; null otherwise.</summary>
    public Adversaries.ShardCensorship? Censorship { get; init; }

    /// <summary>A testnet beacon's outside staking transactions, which this node's blocks may include (shard 0 only).</summary>
    public Testnet.OutsideStakingPool? OutsideStaking { get; init; }

    // The virtual time of the step in progress: a censoring builder asks whether its behaviour is in force now.
    private TimeSpan _now;
    private Adversaries.CensorFilter? _censor;

    public NodePlan Plan { get; }
    public int Node => Plan.Id;
    public int Shard { get; }
    public int Replicas => _replicas.Length;

    /// <summary>What the node had committed (its disk): a restart resumes from here.</summary>
    public CommittedBlock? Head { get; private set; }

    public FbftNode Replica(int replica) => _replicas[replica];

    /// <summary>Builds the node's replicas (at its committed head when restarting) and starts them; one output per replica.</summary>
    public IReadOnlyList<StepOutput> Start(TimeSpan now, bool restart)
    {
        _now = now;
        var head = restart && Head is not null ? Head : _context.Genesis[Shard];
        var count = Plan.Behaviour == NodeBehaviour.Equivocate ? 2 : 1;
        _replicas = new FbftNode[count];
        for (var r = 0; r < count; r++)
        {
            var replica = r;
            var (builder, validator) = BlockProduction(() => _replicas[replica].Head.Block);
            _replicas[r] = new FbftNode(_context.Config, _context.KeysOf(Node), _committees, head,
                count > 1 ? new SideBlockBuilder(builder, (byte)r) : builder, validator);
        }
        var outputs = new StepOutput[count];
        for (var r = 0; r < count; r++)
        {
            var before = Counted(_replicas[r]);
            _replicas[r].Start(now);
            outputs[r] = Output(r, before, now);
        }
        return outputs;
    }

    /// <summary>Feeds one replica everything due for it at one instant, in queue order.</summary>
    public StepOutput Step(int replica, TimeSpan now, List<ShardEvent> events)
    {
        _now = now;
        var node = _replicas[replica];
        if (_context.Memo is { } memo) VoteBatch.Prime(events, memo);
        var before = Counted(node);
        foreach (var e in events)
        {
            _behaviour.Observe(e);
            switch (e)
            {
                case Delivery d:
                    var verdict = node.Receive(d.Message, now);
                    if (verdict is not (Verdict.Accepted or Verdict.Buffered)) _rejected[(int)verdict]++;
                    break;
                case TimerFired t:
                    node.Tick(t.Kind, t.Token, now);
                    break;
                case SyncBlocks s:
                    foreach (var block in s.Blocks)
                        if (node.CatchUp(block, now) != Verdict.Accepted) break;
                    break;
                case BeaconPool p:
                    _pool.Replace(p.Crosslinks, p.Slashes, p.Randomness);
                    break;
                case ReceiptsPool r:
                    _receipts.Replace(r.Proofs);
                    break;
                case ShardStateAnnounced a when _committees is EpochCommittees epochs:
                    epochs.Announce(a.Epoch, a.ShardState);
                    break;
            }
        }
        return Output(replica, before, now);
    }

    /// <summary>The node's block builder and validator: the beacon's or a shard's in a staking run, empty blocks otherwise.</summary>
    /// <remarks><paramref name="head"/> is the replica's committed head: the beacon's builder and validator apply it first, so the
    /// parent's state never depends on what other nodes happened to compute before.</remarks>
    private (IBlockBuilder? Builder, IBlockValidator Validator) BlockProduction(Func<Block> head)
    {
        var transfers = _context.Transfers is { } t ? new TransferProduction(t, _receipts, Shard, _context.Config.GenesisUnixTime, head, _mempool, _validations, Censor(t)) : null;
        if (_context.Staking is not { } world || _committees is not EpochCommittees epochs)
            return transfers is null ? (null, new CountedValidation(_validations)) : (new TransferBlockBuilder(transfers), new TransferBlockValidator(transfers, _validations));
        return Shard == 0
            ? (new BeaconBlockBuilder(world, _pool, _context.Config.GenesisUnixTime, head, transfers, OutsideStaking), new BeaconBlockValidator(world, head, transfers, _validations))
            : (new ShardBlockBuilder(epochs, world.Rules, transfers), new ShardBlockValidator(epochs, world.Rules, transfers, _validations));
    }

    /// <summary>A censoring node's filter on what it builds (resolved once), else null.</summary>
    private Adversaries.CensorFilter? Censor(TransferWorld world)
    {
        if (Plan.Behaviour != NodeBehaviour.Censor || Plan.Censor is not { } plan || Censorship is not { } ledger) return null;
        return _censor ??= new Adversaries.CensorFilter(Adversaries.CensoredSenders.Resolve(plan, world), ledger, () => Plan.Misbehaves(_now) ? _now : null);
    }

    private StepOutput Output(int replica, OperationCounts before, TimeSpan now)
    {
        var node = _replicas[replica];
        var effects = _effects[replica];
        effects.Clear();
        foreach (var effect in node.PendingEffects)
        {
            if (effect is BlockCommitted c)
            {
                if (replica == 0) Head = c.Committed;
                // Every committed beacon block is applied by the node that committed it, in order, so the state of
                // its head is always one it computed or found (never one it needs another node to have computed).
                if (c.Committed.Header.ShardId == 0 && _context.Staking is { } world) world.Apply(c.Committed.Block);
                _context.Transfers?.Apply(c.Committed.Block);
            }
            if (replica == 0 && effect is CommitSignatureImproved i) Head = i.Committed;
            _behaviour.Filter(effect, node, now, effects);
        }
        _behaviour.Flush(effects);
        node.ClearEffects();
        return new StepOutput(Node, replica, effects, node.IsLeader, node.Height, Counted(node) - before);
    }

    /// <summary>
    /// What the node has computed so far: the state machine's own signature operations, the extra votes its behaviour
    /// signed, and the full block validations its validator ran (the host's counters, never per thread).
    /// </summary>
    private OperationCounts Counted(FbftNode node) =>
        new(node.Operations with { Signs = node.Operations.Signs + _behaviour.Signs }, _validations.Count, _validations.Transactions);

    /// <summary>The inner builder's blocks marked with the replica's side, so each replica of a split-brain leader proposes a different block.</summary>
    private sealed class SideBlockBuilder(IBlockBuilder? inner, byte side) : IBlockBuilder
    {
        public Block? Build(ProposalContext context)
        {
            var block = inner is null ? EmptyBlockBuilder.Create(context) : inner.Build(context);
            return block is null ? null : new Block(block.Header.WithExtra([side]), block.Transactions, block.Body);
        }
    }

    /// <summary>The protocol's own body check, counted for the cost model.</summary>
    private sealed class CountedValidation(BlockValidationCounter counter) : IBlockValidator
    {
        public string? Validate(Block block)
        {
            counter.Count++;
            return BodyRootValidator.Instance.Validate(block);
        }
    }
}

/// <summary>
/// What one step of a node's replica produced: its effects after its behaviour filtered them (a list the host reuses
/// for its next step, so it is read before then), where it stands, and what it computed.
/// </summary>
public readonly record struct StepOutput(int Node, int Replica, IReadOnlyList<FbftEffect> Effects, bool IsLeader, ulong Height, OperationCounts Operations);

/// <summary>Full block validations one node performed (the cost model charges them); owned by the node's host.</summary>
public sealed class BlockValidationCounter
{
    public int Count { get; set; }

    /// <summary>Transactions the node executed building or validating blocks.</summary>
    public long Transactions { get; set; }
}
