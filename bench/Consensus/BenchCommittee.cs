using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Bench.Consensus;

/// <summary>A committee of n single-key nodes with the simulated scheme, and correctly signed messages for any block.</summary>
internal sealed class BenchCommittee
{
    public BenchCommittee(int n)
    {
        Scheme = new SimulatedSignatureScheme(1);
        Keys = [.. Enumerable.Range(0, n).Select(i => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i))))];
        Committee = new Committee(0, 0, [.. Keys.Select((k, i) => new CommitteeSlot(k.Public, new Address(SHA256.HashData(BitConverter.GetBytes(-i)).AsSpan(0, 20))))], Scheme);
        Committees = new FixedCommitteeProvider(Committee);
        Genesis = CommittedBlock.Genesis(Block.Genesis(0, Config.GenesisUnixTime, Address.OfBlsKey(Keys[0].Public.Bytes)));
    }

    public SimulatedSignatureScheme Scheme { get; }
    public KeyPair[] Keys { get; }
    public Committee Committee { get; }
    public ICommitteeProvider Committees { get; }
    public FbftConfig Config { get; } = new() { BlocksPerEpoch = 1_000_000 };
    public CommittedBlock Genesis { get; }
    public int Count => Keys.Length;

    public FbftNode Node(int key, CommittedBlock head) => new(Config, [Keys[key]], Committees, head);

    /// <summary>A node whose committee object is new: no per-bitmap sums or quorum answers cached yet.</summary>
    public FbftNode NodeWithColdCaches(int key, CommittedBlock head) =>
        new(Config, [Keys[key]], new FixedCommitteeProvider(new Committee(0, 0, Committee.Slots, Scheme)), head);

    public Signature Aggregate(byte[] payload, IEnumerable<int> signers)
    {
        var acc = Scheme.CreateAccumulator();
        foreach (var s in signers) acc.Add(Scheme.Sign(Keys[s].Secret, payload));
        return acc.ToSignature();
    }

    public Block BlockOn(CommittedBlock parent) => EmptyBlockBuilder.Create(new ProposalContext(0, parent.Number + 1, 0, parent.CommitViewId + 1,
        parent.Hash, parent.Header.Time + 2, Address.OfBlsKey(Keys[0].Public.Bytes), parent.CommitSignature, parent.CommitBitmap, null));

    public T Signed<T>(Func<Signature, T> build) where T : FbftMessage
    {
        var unsigned = build(new Signature(new byte[Signature.Size]));
        return build(Scheme.Sign(Keys[0].Secret, unsigned.SigningBytes));
    }

    /// <summary>The leader's messages of consecutive heights, each with a different quorum of signers, as a validator receives them.</summary>
    public List<FbftMessage> ValidatorStream(int heights, int seed)
    {
        var random = new Random(seed);
        var messages = new List<FbftMessage>(3 * heights);
        var head = Genesis;
        var quorum = Committee.CountThreshold;
        for (var h = 0; h < heights; h++)
        {
            var block = BlockOn(head);
            var view = block.Header.ViewId;
            // Leader plus a random quorum, so every bitmap is new (no cache hits across heights).
            var signers = Enumerable.Range(1, Count - 1).OrderBy(_ => random.Next()).Take(quorum - 1).Append(0).Order().ToArray();
            var prepareBitmap = SignerBitmap.Of(Count, signers);
            var prepareAggregate = Aggregate(SigningPayloads.Prepare(block.Hash), signers);
            var commitAggregate = Aggregate(SigningPayloads.Commit(block.Header), signers);
            messages.Add(Signed(sig => new Announce(0, view, block.Number, block.Hash, block, Keys[0].Public, sig)));
            messages.Add(Signed(sig => new Prepared(0, view, block.Number, block, prepareAggregate, prepareBitmap, Keys[0].Public, sig)));
            messages.Add(Signed(sig => new Committed(0, view, block.Number, block.Hash, commitAggregate, prepareBitmap, Keys[0].Public, sig)));
            head = new CommittedBlock(block, commitAggregate, prepareBitmap, view);
        }
        return messages;
    }
}
