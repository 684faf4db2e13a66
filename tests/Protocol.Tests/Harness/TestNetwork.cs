using System.Buffers.Binary;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Harness;

/// <summary>
/// A deterministic discrete-event network of FBFT nodes for tests: seeded latency, jitter (hence reordering), loss,
/// crashes with restart and sync, and byzantine nodes built from honest state machines driven by the host. It checks
/// safety as it goes and hashes the whole delivery trace, so two runs of one spec can be compared bit for bit.
/// </summary>
public sealed class TestNetwork
{
    private readonly NetworkSpec _spec;
    private readonly Random _random;
    private readonly PriorityQueue<Event, (long Time, long Seq)> _events = new();
    private readonly Dictionary<PublicKey, int> _nodeOfKey = [];
    private readonly Replica[][] _replicas;
    private readonly int[] _honestSide;
    private readonly bool[] _crashed;
    private readonly Dictionary<ulong, CommittedBlock> _canonical = [];
    private readonly IncrementalHash _trace = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ICommitteeProvider _committees;
    private readonly CommittedBlock _genesis;
    private long _seq;

    public TestNetwork(NetworkSpec spec)
    {
        _spec = spec;
        _random = new Random(spec.Seed);
        Scheme = spec.SchemeFactory?.Invoke() ?? new SimulatedSignatureScheme((ulong)spec.Seed);
        NodeKeys = [.. spec.Nodes.Select((node, i) => (IReadOnlyList<KeyPair>)[.. Enumerable.Range(0, node.Keys).Select(k => Scheme.CreateKey(Ikm(spec.Seed, i, k)))])];
        for (var i = 0; i < NodeKeys.Count; i++)
            foreach (var k in NodeKeys[i]) _nodeOfKey[k.Public] = i;
        Committee = BuildCommittee();
        _committees = new FixedCommitteeProvider(Committee);
        _genesis = CommittedBlock.Genesis(Block.Genesis(0, spec.Config.GenesisUnixTime, Address.OfBlsKey(Committee.KeyAt(0).Bytes)));
        _canonical[0] = _genesis;
        _honestSide = [.. spec.Nodes.Select((_, i) => spec.SideOf is { } sides ? sides[i] : _random.Next(spec.Sides))];
        _crashed = new bool[spec.Nodes.Count];
        Chains = [.. spec.Nodes.Select(_ => new List<CommittedBlock> { _genesis })];
        _replicas = [.. spec.Nodes.Select((_, i) => CreateReplicas(i, _genesis))];
        foreach (var crash in spec.Crashes)
        {
            Schedule(crash.At, new Event(EventKind.Crash, crash.Node, 0));
            if (crash.RestartAt is { } at) Schedule(at, new Event(EventKind.Restart, crash.Node, 0));
        }
    }

    public ISignatureScheme Scheme { get; }
    public Committee Committee { get; }
    public IReadOnlyList<IReadOnlyList<KeyPair>> NodeKeys { get; }
    public TimeSpan Now { get; private set; }

    /// <summary>Each node's committed chain (for a split-brain node, its first replica's).</summary>
    public IReadOnlyList<List<CommittedBlock>> Chains { get; }

    /// <summary>Heights at which two honest nodes committed different blocks.</summary>
    public List<string> SafetyViolations { get; } = [];

    public List<Evidence> Evidence { get; } = [];
    public long Deliveries { get; private set; }
    public int ViewChangesStarted { get; private set; }
    public int NewViewsEntered { get; private set; }
    public List<(ulong ViewId, int LeaderNode)> Leaders { get; } = [];

    /// <summary>When set, receives a line for every rejected message and every non-network effect.</summary>
    public Action<string>? Log { get; set; }

    public bool IsHonest(int node) => !_spec.Nodes[node].IsByzantine;

    /// <summary>Lowest committed height over honest nodes that are not crashed at the end.</summary>
    public ulong MinHonestHeight => Enumerable.Range(0, Chains.Count).Where(i => IsHonest(i) && !_crashed[i]).Select(i => Chains[i][^1].Number).DefaultIfEmpty(0UL).Min();

    public ulong MaxHonestHeight => Enumerable.Range(0, Chains.Count).Where(IsHonest).Select(i => Chains[i][^1].Number).DefaultIfEmpty(0UL).Max();

    /// <summary>SHA-256 over every delivery (time, sender, receiver, message digest) in order.</summary>
    public string TraceHash => Convert.ToHexStringLower(_trace.GetCurrentHash());

    public FbftNode NodeOf(int node) => _replicas[node][0].Node;

    /// <summary>Runs until <paramref name="until"/> virtual time, or until <paramref name="stop"/> holds.</summary>
    public TestNetwork Run(TimeSpan until, Func<TestNetwork, bool>? stop = null)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _replicas.Length; i++)
                foreach (var r in _replicas[i]) Start(r);
        }
        while (_events.TryPeek(out _, out var priority) && priority.Time <= until.Ticks)
        {
            var e = _events.Dequeue();
            Now = TimeSpan.FromTicks(priority.Time);
            Handle(e);
            if (stop?.Invoke(this) == true) break;
        }
        return this;
    }

    private bool _started;

    private void Start(Replica replica)
    {
        replica.Node.Start(Now);
        Drain(replica);
    }

    private void Handle(Event e)
    {
        switch (e.Kind)
        {
            case EventKind.Deliver:
                if (_crashed[e.Node]) return;
                var target = _replicas[e.Node][e.Replica];
                Deliveries++;
                AppendTrace(e);
                var verdict = target.Node.Receive(e.Message!, Now);
                if (Log is not null && verdict != Verdict.Accepted) Log($"{Now.TotalSeconds:F3} n{e.Node}.{e.Replica} {verdict} {e.Message} from n{e.From}");
                Drain(target);
                break;
            case EventKind.Timer:
                if (_crashed[e.Node] || e.Generation != _replicas[e.Node][e.Replica].Generation) return;
                var timed = _replicas[e.Node][e.Replica];
                timed.Node.Tick(e.TimerKind, e.Token, Now);
                Drain(timed);
                break;
            case EventKind.Sync:
                if (_crashed[e.Node] || e.Generation != _replicas[e.Node][e.Replica].Generation) return;
                var syncing = _replicas[e.Node][e.Replica];
                for (var h = syncing.Node.Height; _canonical.TryGetValue(h, out var block); h++)
                {
                    if (syncing.Node.CatchUp(block, Now) != Verdict.Accepted) break;
                    Drain(syncing);
                }
                Drain(syncing);
                break;
            case EventKind.Crash:
                _crashed[e.Node] = true;
                break;
            case EventKind.Restart:
                _crashed[e.Node] = false;
                _replicas[e.Node] = CreateReplicas(e.Node, Chains[e.Node][^1], generation: _replicas[e.Node][0].Generation + 1);
                foreach (var r in _replicas[e.Node]) Start(r);
                break;
        }
    }

    private void AppendTrace(Event e)
    {
        Span<byte> header = stackalloc byte[8 + 4 + 4 + 4];
        BinaryPrimitives.WriteInt64LittleEndian(header, Now.Ticks);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], e.From);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], e.Node);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], e.Replica);
        _trace.AppendData(header);
        _trace.AppendData(e.Message!.SigningBytes);
    }

    /// <summary>Carries out a replica's effects, applying its node's byzantine behaviour to what it sends.</summary>
    private void Drain(Replica replica)
    {
        var node = replica.Node;
        if (node.PendingEffects.Count == 0) return;
        var effects = node.PendingEffects.ToArray();
        node.ClearEffects();
        var behaviour = _spec.Nodes[replica.NodeIndex].Behaviour;
        var honest = behaviour == Byzantine.None;
        foreach (var effect in effects)
        {
            if (Log is not null && effect is not (SetTimer or Broadcast or SendTo)) Log($"{Now.TotalSeconds:F3} n{replica.NodeIndex}.{replica.Index} {effect}");
            switch (effect)
            {
                case Broadcast b when !Suppressed(behaviour, node, b.Message):
                    for (var j = 0; j < _replicas.Length; j++)
                        if (j != replica.NodeIndex) Send(replica, j, b.Message);
                    break;
                case SendTo s when !Suppressed(behaviour, node, s.Message):
                    var to = _nodeOfKey[s.Recipient];
                    if (to == replica.NodeIndex) SendLocal(replica, s.Message);
                    else Send(replica, to, s.Message);
                    break;
                case SetTimer t:
                    Schedule(t.At, new Event(EventKind.Timer, replica.NodeIndex, replica.Index) { TimerKind = t.Kind, Token = t.Token, Generation = replica.Generation });
                    break;
                case BlockCommitted c:
                    OnCommitted(replica, c.Committed, honest);
                    break;
                case CommitSignatureImproved improved when replica.Index == 0:
                    var chain = Chains[replica.NodeIndex];
                    if (chain[^1].Hash == improved.Committed.Hash) chain[^1] = improved.Committed;
                    break;
                case EvidenceObserved ev when honest:
                    Evidence.Add(ev.Evidence);
                    break;
                case SyncRequested:
                    Schedule(Now + _spec.SyncDelay, new Event(EventKind.Sync, replica.NodeIndex, replica.Index) { Generation = replica.Generation });
                    break;
                case ViewChangeStarted when honest:
                    ViewChangesStarted++;
                    break;
                case NewViewEntered nv when honest:
                    NewViewsEntered++;
                    break;
            }
        }
    }

    private bool Suppressed(Byzantine behaviour, FbftNode node, FbftMessage message)
    {
        if (behaviour.HasFlag(Byzantine.SilentAfterPrepared))
        {
            var index = _nodeOfKey[node.Keys[0].Public];
            if (_silenced.Contains(index)) return true;
            if (message is Prepared p)
            {
                _silenced.Add(index);
                PreparedBeforeSilence.Add(p);
            }
        }
        return (behaviour.HasFlag(Byzantine.SilentLeader) && node.IsLeader && message is Announce or Prepared or Committed or NewView)
            || (behaviour.HasFlag(Byzantine.WithholdVotes) && message is Vote);
    }

    private readonly HashSet<int> _silenced = [];

    /// <summary>PREPARED messages that <see cref="Byzantine.SilentAfterPrepared"/> nodes sent just before falling silent.</summary>
    public List<Prepared> PreparedBeforeSilence { get; } = [];

    private void OnCommitted(Replica replica, CommittedBlock committed, bool honest)
    {
        if (replica.Index == 0)
        {
            var chain = Chains[replica.NodeIndex];
            if (committed.Number == chain[^1].Number + 1) chain.Add(committed);
        }
        if (!honest) return;
        if (_canonical.TryGetValue(committed.Number, out var existing))
        {
            if (existing.Hash != committed.Hash)
                SafetyViolations.Add($"height {committed.Number}: node {replica.NodeIndex} committed {committed.Hash}, another honest node {existing.Hash}");
        }
        else
        {
            _canonical[committed.Number] = committed;
            var leader = Committee.IndexOfCoinbase(committed.Header.Coinbase);
            Leaders.Add((committed.Header.ViewId, leader < 0 ? -1 : _nodeOfKey[Committee.KeyAt(leader)]));
        }
    }

    /// <summary>Routes a message from one replica to a node: split-brain replicas only talk to their own side.</summary>
    private void Send(Replica from, int to, FbftMessage message)
    {
        if (_crashed[from.NodeIndex]) return;
        var fromSplit = _replicas[from.NodeIndex].Length > 1;
        var side = fromSplit ? from.Side : _honestSide[from.NodeIndex];
        var targets = _replicas[to];
        int replicaIndex;
        if (targets.Length > 1) replicaIndex = Math.Clamp(side, 0, targets.Length - 1);
        else
        {
            if (fromSplit && IsHonest(to) && side != _honestSide[to]) return;
            if (fromSplit && !IsHonest(to) && from.Side != 0) return;
            replicaIndex = 0;
        }
        if (Now < _spec.LossEndsAt && _spec.Loss > 0 && _random.NextDouble() < _spec.Loss) return;
        var delay = _spec.BaseLatency + TimeSpan.FromTicks((long)(_random.NextDouble() * _spec.Jitter.Ticks));
        Schedule(Now + delay, new Event(EventKind.Deliver, to, replicaIndex) { Message = message, From = from.NodeIndex });
    }

    private void SendLocal(Replica from, FbftMessage message) =>
        Schedule(Now, new Event(EventKind.Deliver, from.NodeIndex, from.Index) { Message = message, From = from.NodeIndex });

    private void Schedule(TimeSpan at, Event e) => _events.Enqueue(e, (at.Ticks, ++_seq));

    private Replica[] CreateReplicas(int node, CommittedBlock head, int generation = 0)
    {
        var spec = _spec.Nodes[node];
        var count = spec.Behaviour.HasFlag(Byzantine.SplitBrain) ? _spec.Sides : 1;
        return [.. Enumerable.Range(0, count).Select(side => new Replica(node, side, count > 1 ? side : _honestSide[node], generation,
            new FbftNode(_spec.Config, NodeKeys[node], _committees, head,
                count > 1 ? new SideBlockBuilder((byte)side) : EmptyBlockBuilder.Instance)))];
    }

    private Committee BuildCommittee()
    {
        var slots = new List<(CommitteeSlot Slot, int Node)>();
        for (var i = 0; i < _spec.Nodes.Count; i++)
        {
            var owner = new Address(SHA256.HashData(BitConverter.GetBytes(i)).AsSpan(0, Address.Size));
            foreach (var k in NodeKeys[i]) slots.Add((new CommitteeSlot(k.Public, owner, _spec.Nodes[i].StakePerKey), i));
        }
        // Harmony lists its own slots first, then external winners by descending stake.
        var ordered = slots.Where(s => s.Slot.IsHarmonyOperated)
            .Concat(slots.Where(s => !s.Slot.IsHarmonyOperated).OrderByDescending(s => s.Slot.EffectiveStake!.Value))
            .Select(s => s.Slot).ToList();
        return new Committee(0, 0, ordered, Scheme, _spec.QuorumMode, _spec.HarmonyVoteShare);
    }

    private static byte[] Ikm(int seed, int node, int key)
    {
        var input = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(input, seed);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(4), node);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(8), key);
        return SHA256.HashData(input);
    }

    private sealed record Replica(int NodeIndex, int Index, int Side, int Generation, FbftNode Node);

    private enum EventKind { Deliver, Timer, Sync, Crash, Restart }

    private sealed record Event(EventKind Kind, int Node, int Replica)
    {
        public FbftMessage? Message { get; init; }
        public int From { get; init; }
        public TimerKind TimerKind { get; init; }
        public long Token { get; init; }
        public int Generation { get; init; }
    }

    /// <summary>Builds empty blocks marked with a side, so each replica of a split-brain leader proposes a different block.</summary>
    private sealed class SideBlockBuilder(byte side) : IBlockBuilder
    {
        public Block? Build(ProposalContext context) => new Block(EmptyBlockBuilder.Create(context).Header.WithExtra([side]));
    }
}
