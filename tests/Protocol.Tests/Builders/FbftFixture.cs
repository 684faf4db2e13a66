using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Builders;

/// <summary>
/// Test-data builder for one node under test: a committee of keys, genesis, and correctly signed messages from
/// any member, so a test can feed the node exactly the input a rule is about.
/// </summary>
public sealed class FbftFixture
{
    public FbftFixture(int n, QuorumMode mode = QuorumMode.ByCount, FbftConfig? config = null, Func<int, CommitteeSlot>? slot = null, ulong seed = 1)
    {
        Scheme = new SimulatedSignatureScheme(seed);
        Keys = [.. Enumerable.Range(0, n).Select(i => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i + 1000 * (int)seed))))];
        Config = config ?? new FbftConfig { BlocksPerEpoch = 1_000_000 };
        var slots = Enumerable.Range(0, n).Select(i => slot?.Invoke(i) is { } s ? s with { Key = Keys[i].Public } : new CommitteeSlot(Keys[i].Public, OwnerOf(i))).ToList();
        Committee = new Committee(0, 0, slots, Scheme, mode, mode == QuorumMode.ByVotingPower ? VotingPower.FromDecimal(0.68m) : VotingPower.One);
        Committees = new FixedCommitteeProvider(Committee);
        Genesis = Protocol.Consensus.CommittedBlock.Genesis(Block.Genesis(0, Config.GenesisUnixTime, Address.OfBlsKey(Keys[0].Public.Bytes)));
    }

    public SimulatedSignatureScheme Scheme { get; }
    public KeyPair[] Keys { get; }
    public FbftConfig Config { get; }
    public Committee Committee { get; }
    public ICommitteeProvider Committees { get; }
    public CommittedBlock Genesis { get; }

    public static Address OwnerOf(int i) => new(SHA256.HashData(BitConverter.GetBytes(i)).AsSpan(0, Address.Size));

    public static BigInteger Ones(long amount) => amount * BigInteger.Pow(10, 18);

    /// <summary>A started node holding the given committee keys.</summary>
    public NodeUnderTest Node(params int[] keys) => Node(Genesis, keys);

    public NodeUnderTest Node(CommittedBlock head, params int[] keys) => NodeWith(head, null, keys);

    public NodeUnderTest NodeWith(CommittedBlock head, IBlockValidator? validator, params int[] keys) =>
        new(new FbftNode(Config, [.. keys.Select(k => Keys[k])], Committees, head, validator: validator));

    /// <summary>The block <paramref name="proposer"/> would propose on <paramref name="parent"/> in <paramref name="view"/>.</summary>
    public Block BlockOn(CommittedBlock parent, int proposer = 0, ulong? view = null, byte[]? extra = null)
    {
        var h = EmptyBlockBuilder.Create(new ProposalContext(0, parent.Number + 1, Config.EpochOf(parent.Number + 1), view ?? parent.CommitViewId + 1,
            parent.Hash, parent.Header.Time + 2, Address.OfBlsKey(Keys[proposer].Public.Bytes), parent.CommitSignature, parent.CommitBitmap, null)).Header;
        return new Block(extra is null ? h : h.WithExtra(extra));
    }

    public Block FirstBlock(int proposer = 0, byte[]? extra = null) => BlockOn(Genesis, proposer, extra: extra);

    public Announce Announce(Block block, int leader = 0, ulong? view = null)
    {
        var v = view ?? block.Header.ViewId;
        var unsigned = new Announce(0, v, block.Number, block.Hash, block, Keys[leader].Public, Zero);
        return new Announce(0, v, block.Number, block.Hash, block, Keys[leader].Public, Scheme.Sign(Keys[leader].Secret, unsigned.SigningBytes));
    }

    public Vote Prepare(Block block, params int[] signers) =>
        new(MessageType.Prepare, 0, block.Header.ViewId, block.Number, block.Hash, [.. signers.Select(s => Keys[s].Public)],
            Scheme.Aggregate(signers.Select(s => Scheme.Sign(Keys[s].Secret, SigningPayloads.Prepare(block.Hash)))));

    public Vote Commit(Block block, params int[] signers) =>
        new(MessageType.Commit, 0, block.Header.ViewId, block.Number, block.Hash, [.. signers.Select(s => Keys[s].Public)],
            Scheme.Aggregate(signers.Select(s => Scheme.Sign(Keys[s].Secret, SigningPayloads.Commit(block.Header)))));

    public Signature Aggregate(byte[] payload, params int[] signers) => Scheme.Aggregate(signers.Select(s => Scheme.Sign(Keys[s].Secret, payload)));

    public SignerBitmap Bitmap(params int[] members) => SignerBitmap.Of(Committee.Count, members);

    /// <summary>PREPARED in the block's own view, or (with <paramref name="view"/>) for a block carried into a later view and prepared again there.</summary>
    public Prepared Prepared(Block block, int[] signers, int leader = 0, Signature? aggregate = null, ulong? view = null)
    {
        var v = view ?? block.Header.ViewId;
        var agg = aggregate ?? Aggregate(SigningPayloads.Prepare(block.Hash, v, block.Header.ViewId), signers);
        var unsigned = new Prepared(0, v, block.Number, block, agg, Bitmap(signers), Keys[leader].Public, Zero);
        return new Prepared(0, v, block.Number, block, agg, Bitmap(signers), Keys[leader].Public, Scheme.Sign(Keys[leader].Secret, unsigned.SigningBytes));
    }

    /// <summary>A certificate for a block prepared again in <paramref name="view"/> after a NEWVIEW carried it there.</summary>
    public PreparedCertificate CarriedCertificate(Block block, ulong view, params int[] signers) =>
        new(block, Aggregate(SigningPayloads.Prepare(block.Hash, view, block.Header.ViewId), signers), Bitmap(signers), view);

    public Committed Committed(Block block, int[] signers, int leader = 0, ulong? view = null)
    {
        var agg = Aggregate(SigningPayloads.Commit(block.Header), signers);
        var v = view ?? block.Header.ViewId;
        var unsigned = new Committed(0, v, block.Number, block.Hash, agg, Bitmap(signers), Keys[leader].Public, Zero);
        return new Committed(0, v, block.Number, block.Hash, agg, Bitmap(signers), Keys[leader].Public, Scheme.Sign(Keys[leader].Secret, unsigned.SigningBytes));
    }

    /// <summary>Block, commit aggregate and bitmap as the chain records them.</summary>
    public CommittedBlock Finalised(Block block, params int[] signers) =>
        new(block, Aggregate(SigningPayloads.Commit(block.Header), signers), Bitmap(signers), block.Header.ViewId);

    public ViewChange ViewChange(int sender, ulong viewId, int newLeader, PreparedCertificate? m1 = null, ulong height = 1) =>
        new(0, viewId, height, Keys[sender].Public, Keys[newLeader].Public, m1,
            Scheme.Sign(Keys[sender].Secret, m1 is null ? SigningPayloads.Nil : m1.Payload), Scheme.Sign(Keys[sender].Secret, SigningPayloads.ViewId(viewId)));

    public NewView NewView(int leader, ulong viewId, int[] m3, int[] m2, PreparedCertificate? m1 = null, ulong height = 1)
    {
        var m2Agg = m2.Length == 0 ? null : Aggregate(SigningPayloads.Nil.ToArray(), m2);
        var m3Agg = Aggregate(SigningPayloads.ViewId(viewId), m3);
        var unsigned = new NewView(0, viewId, height, m1, m2Agg, Bitmap(m2), m3Agg, Bitmap(m3), Keys[leader].Public, Zero);
        return new NewView(0, viewId, height, m1, m2Agg, Bitmap(m2), m3Agg, Bitmap(m3), Keys[leader].Public, Scheme.Sign(Keys[leader].Secret, unsigned.SigningBytes));
    }

    public static readonly Signature Zero = new(new byte[Signature.Size]);
}

/// <summary>
/// Drives one node step by step: each step's effects are kept in <see cref="Effects"/>, and the timers it set are
/// remembered so a test can fire them.
/// </summary>
public sealed class NodeUnderTest
{
    private readonly Dictionary<TimerKind, SetTimer> _timers = [];

    public NodeUnderTest(FbftNode node)
    {
        Node = node;
        Step(() => node.Start(TimeSpan.Zero));
    }

    public FbftNode Node { get; }
    public List<FbftEffect> Effects { get; private set; } = [];
    public TimeSpan Now { get; private set; }

    public Verdict Receive(FbftMessage message, TimeSpan? at = null)
    {
        var verdict = Verdict.Accepted;
        Step(() => verdict = Node.Receive(message, Now = at ?? Now));
        return verdict;
    }

    public bool HasTimer(TimerKind kind) => _timers.ContainsKey(kind);

    public TimeSpan TimerAt(TimerKind kind) => _timers[kind].At;

    /// <summary>Fires the node's timer of a kind at the time it was set for.</summary>
    public void Fire(TimerKind kind)
    {
        var timer = _timers[kind];
        Step(() => Node.Tick(kind, timer.Token, Now = timer.At));
    }

    public List<T> Of<T>() => [.. Effects.OfType<T>()];

    public List<TMessage> Sent<TMessage>() where TMessage : FbftMessage =>
        [.. Effects.Select(e => e switch { Broadcast b => b.Message, SendTo s => s.Message, _ => null }).OfType<TMessage>()];

    private void Step(Action action)
    {
        Node.ClearEffects();
        action();
        Effects = [.. Node.PendingEffects];
        foreach (var e in Effects)
        {
            if (e is SetTimer t) _timers[t.Kind] = t;
            if (e is CancelTimer c) _timers.Remove(c.Kind);
        }
    }
}
