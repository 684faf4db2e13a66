using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Bench.Consensus;

/// <summary>
/// Consensus messages processed per second (simulated scheme): by one validator, by the leader (which checks every
/// vote), and by a whole committee running rounds in a zero-latency in-memory network.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 6)]
public class ConsensusBenchmarks
{
    private const int Heights = 200;
    private BenchCommittee _committee = null!;
    private List<FbftMessage> _validatorStream = null!;
    private List<Vote> _prepares = null!;
    private List<Vote> _commits = null!;

    [Params(250, 2500)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _committee = new BenchCommittee(N);
        _validatorStream = _committee.ValidatorStream(Heights, seed: 1);

        // The leader's first proposal is deterministic, so its votes can be signed ahead of time.
        var leader = _committee.Node(0, _committee.Genesis);
        leader.Start(TimeSpan.Zero);
        var propose = leader.PendingEffects.OfType<SetTimer>().Single(t => t.Kind == TimerKind.Propose);
        leader.Tick(TimerKind.Propose, propose.Token, propose.At);
        var block = leader.PendingEffects.OfType<Broadcast>().Select(b => b.Message).OfType<Announce>().Single().Block;
        var prepare = SigningPayloads.Prepare(block.Hash);
        var commit = SigningPayloads.Commit(block.Header);
        _prepares = [.. Enumerable.Range(1, N - 1).Select(i => new Vote(MessageType.Prepare, 0, 1, 1, block.Hash, [_committee.Keys[i].Public], _committee.Scheme.Sign(_committee.Keys[i].Secret, prepare)))];
        _commits = [.. Enumerable.Range(1, N - 1).Select(i => new Vote(MessageType.Commit, 0, 1, 1, block.Hash, [_committee.Keys[i].Public], _committee.Scheme.Sign(_committee.Keys[i].Secret, commit)))];

        // Messages one WholeCommittee invocation delivers, for turning its time into messages per second.
        Console.WriteLine($"// WholeCommittee N={N}: {new InstantNetwork(_committee).RunBlocks(3)} messages delivered per invocation");
    }

    /// <summary>
    /// One validator follows 200 heights: ANNOUNCE, PREPARED, COMMITTED each, each height with another signer set.
    /// The stream is reused across invocations, so message encodings, block hashes and the committee's per-bitmap
    /// caches are warm, as in a silo where all validators of a shard share the message objects and the committee.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 3 * Heights)]
    public ulong OneValidator() => Follow(_committee.Node(1, _committee.Genesis));

    /// <summary>As <see cref="OneValidator"/>, but every bitmap's quorum and summed key is computed afresh (a lone node, no shared caches).</summary>
    [Benchmark(OperationsPerInvoke = 3 * Heights)]
    public ulong OneValidatorColdCaches() => Follow(_committee.NodeWithColdCaches(1, _committee.Genesis));

    private ulong Follow(FbftNode node)
    {
        node.Start(TimeSpan.Zero);
        var now = TimeSpan.Zero;
        foreach (var message in _validatorStream)
        {
            node.Receive(message, now);
            node.ClearEffects();
            now += TimeSpan.FromMilliseconds(10);
        }
        return node.Height;
    }

    /// <summary>The leader of one round checks n−1 PREPAREs and n−1 COMMITs (every signature verified).</summary>
    [Benchmark]
    public ulong LeaderRound()
    {
        var leader = _committee.Node(0, _committee.Genesis);
        leader.Start(TimeSpan.Zero);
        var propose = leader.PendingEffects.OfType<SetTimer>().Single(t => t.Kind == TimerKind.Propose);
        leader.Tick(TimerKind.Propose, propose.Token, propose.At);
        foreach (var vote in _prepares) leader.Receive(vote, TimeSpan.Zero);
        foreach (var vote in _commits) leader.Receive(vote, TimeSpan.Zero);
        return leader.Height;
    }

    /// <summary>The whole committee commits 3 blocks over an in-memory network; messages counted at delivery.</summary>
    [Benchmark]
    public long WholeCommittee() => new InstantNetwork(_committee).RunBlocks(3);
}
