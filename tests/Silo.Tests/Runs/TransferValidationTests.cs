using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Staking;
using HarmonySim.Simulation.Transfers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// Block production and validation of transfers with the real ledger and committees of a run: a source block on shard
/// 1 emits bob's receipt to carol on shard 2, the destination credits its proof once; a replayed proof and tampered
/// proofs make a destination block invalid, and a leader never includes them.
/// </summary>
[TestClass]
public sealed class TransferValidationTests
{
    private sealed record Fixture(RunContext Context, TransferWorld World, CommittedBlock Source, CXReceiptsProof Proof);

    private static Fixture Setup()
    {
        var scenario = ScenarioLoader.Parse(TransferRunTests.Yaml, "transfers-small.yaml").Scenario!;
        var context = new RunContext(RunPlanBuilder.Build(scenario, "validation-" + Guid.NewGuid().ToString("N")));
        var world = context.Transfers!;
        // Block 1 of shard 1 at 4 s: bob's transfers submitted at 3 s (to carol on shard 2) and none later.
        var (builder, _, _) = Node(context, 1, []);
        var block = builder.Build(Proposal(context, 1, context.Genesis[1].Hash, 4))!;
        Assert.HasCount(1, block.Transactions, "bob → carol");
        var committed = Commit(context, block);
        var outgoing = world.After(block.Hash)!.Outgoing;
        return new Fixture(context, world, committed, CXReceiptsProofBuilder.Build(committed, outgoing, 2)!);
    }

    /// <summary>A node of <paramref name="shard"/> at genesis; set <see cref="Head"/> to move its committed head, as FBFT would.</summary>
    private static (ShardBlockBuilder Builder, ShardBlockValidator Validator, ReceiptPool Pool) Node(RunContext context, int shard, IReadOnlyList<CXReceiptsProof> pool)
    {
        var world = context.Staking!;
        var receipts = new ReceiptPool();
        receipts.Replace(pool);
        Head = context.Genesis[shard].Block;
        var production = new TransferProduction(context.Transfers!, receipts, shard, context.Config.GenesisUnixTime, () => Head!);
        var epochs = new EpochCommittees(world.Cache, world.GenesisCommittees);
        return (new ShardBlockBuilder(epochs, world.Rules, production), new ShardBlockValidator(epochs, world.Rules, production), receipts);
    }

    /// <summary>The committed head of the node the current test made (tests run one at a time per class instance).</summary>
    [ThreadStatic]
    private static Block? Head;

    private static ProposalContext Proposal(RunContext context, int shard, Hash32 parent, ulong seconds, ulong number = 1)
    {
        var committee = context.CommitteeOf(shard);
        return new ProposalContext((uint)shard, number, 0, 0, parent, context.Config.GenesisUnixTime + seconds,
            Address.OfBlsKey(committee.KeyAt(0).Bytes), null, null, null);
    }

    /// <summary>Every distinct key of the committee signs the block's COMMIT payload.</summary>
    private static CommittedBlock Commit(RunContext context, Block block)
    {
        var committee = context.CommitteeOf((int)block.Header.ShardId);
        var keys = context.Plan.Nodes.SelectMany(n => context.KeysOf(n.Id)).ToDictionary(k => k.Public);
        var bitmap = new SignerBitmapBuilder(committee.Count);
        var seen = new HashSet<PublicKey>();
        var acc = context.Scheme.CreateAccumulator();
        for (var i = 0; i < committee.Count; i++)
        {
            if (!seen.Add(committee.KeyAt(i))) continue;
            bitmap.Set(i);
            acc.Add(context.Scheme.Sign(keys[committee.KeyAt(i)].Secret, SigningPayloads.Commit(block.Header)));
        }
        return new CommittedBlock(block, acc.ToSignature(), bitmap.ToBitmap(), block.Header.ViewId);
    }

    /// <summary>A destination block on shard 2 that includes <paramref name="proofs"/> as a leader would seal it, without checking them.</summary>
    private static Block Forged(RunContext context, Hash32 parent, ulong number, IReadOnlyList<CXReceiptsProof> proofs)
    {
        var header = EmptyBlockBuilder.Header(Proposal(context, 2, parent, 2 * number + 2, number), Block.EmptyTransactionsRoot, [], [], []);
        var parentLedger = context.Transfers!.After(parent)!.Ledger;
        return new Block(header.WithTransfers(Protocol.State.LedgerRoot.Of(parentLedger), OutgoingReceipts.Hash([]), IncomingReceipts.Hash(proofs)), [], new ShardBody(proofs));
    }

    [TestMethod]
    public void The_destination_credits_a_valid_proof_once()
    {
        var f = Setup();
        var (builder, validator, _) = Node(f.Context, 2, [f.Proof]);
        var block = builder.Build(Proposal(f.Context, 2, f.Context.Genesis[2].Hash, 4))!;
        Assert.HasCount(1, IncomingReceipts.Of(block.Body));
        Assert.IsNull(validator.Validate(block));
        var carol = f.World.AddressOf("carol");
        Assert.AreEqual(TransferWorld.ToAtto(250 + 50), f.World.After(block.Hash)!.Ledger.AccountOf(carol).Balance);
        Assert.AreEqual(IncomingReceipts.Hash([f.Proof]), block.Header.IncomingReceiptHash);

        // The next leader still has the proof in its pool but does not include it again.
        Head = block;
        var next = builder.Build(Proposal(f.Context, 2, block.Hash, 6, 2))!;
        Assert.IsEmpty(IncomingReceipts.Of(next.Body));
        Assert.IsNull(validator.Validate(next));
    }

    [TestMethod]
    public void A_replayed_proof_is_rejected_at_block_validation()
    {
        var f = Setup();
        var (builder, validator, _) = Node(f.Context, 2, [f.Proof]);
        var first = builder.Build(Proposal(f.Context, 2, f.Context.Genesis[2].Hash, 4))!;
        Assert.IsNull(validator.Validate(first));

        Head = first;
        var replay = Forged(f.Context, first.Hash, 2, [f.Proof]);
        StringAssert.Contains(validator.Validate(replay), "already spent");
        Head = f.Context.Genesis[2].Block;
        var twice = Forged(f.Context, f.Context.Genesis[2].Hash, 1, [f.Proof, f.Proof]);
        StringAssert.Contains(validator.Validate(twice), "already spent", "the same proof twice in one block");
    }

    [TestMethod]
    public void Tampered_proofs_are_rejected_at_block_validation_and_never_included()
    {
        var f = Setup();
        var p = f.Proof;
        var r = p.Receipts[0];
        var moreMoney = p with { Receipts = [r with { Amount = r.Amount * 10 }] };
        var otherRecipient = p with { Receipts = [r with { To = f.World.AddressOf("dave") }] };
        var committee = f.Context.CommitteeOf(1);
        var oneSigner = p with { CommitBitmap = SignerBitmap.Of(committee.Count, 0).ToBytes() };
        var otherHeader = p with { Header = p.Header.WithExtra([1]) };
        var badSignature = p with { CommitSignature = Commit(f.Context, new Block(p.Header.WithExtra([2]))).CommitSignature! };

        var (builder, validator, _) = Node(f.Context, 2, [moreMoney, otherRecipient, oneSigner, otherHeader, badSignature]);
        var expected = new[] { "receipts root", "receipts root", "not a quorum", "header hash", "commit signature does not verify" };
        var tampered = new[] { moreMoney, otherRecipient, oneSigner, otherHeader, badSignature };
        for (var i = 0; i < tampered.Length; i++)
            StringAssert.Contains(validator.Validate(Forged(f.Context, f.Context.Genesis[2].Hash, 1, [tampered[i]])), expected[i], $"case {i}");

        var built = builder.Build(Proposal(f.Context, 2, f.Context.Genesis[2].Hash, 4))!;
        Assert.IsEmpty(IncomingReceipts.Of(built.Body), "a leader includes none of them");
        Assert.IsNull(validator.Validate(built));
    }

    [TestMethod]
    public void A_block_whose_header_misstates_its_transfers_is_rejected()
    {
        var f = Setup();
        var (_, validator, _) = Node(f.Context, 1, []);
        var h = f.Source.Header;
        Assert.IsNull(validator.Validate(f.Source.Block));
        var noReceipts = new Block(h.WithTransfers(h.Root, OutgoingReceipts.Hash([]), h.IncomingReceiptHash), f.Source.Block.Transactions, f.Source.Block.Body);
        StringAssert.Contains(validator.Validate(noReceipts), "OutgoingReceiptHash");
        var wrongRoot = new Block(h.WithTransfers(h.ParentHash, h.OutgoingReceiptHash, h.IncomingReceiptHash), f.Source.Block.Transactions, f.Source.Block.Body);
        StringAssert.Contains(validator.Validate(wrongRoot), "Root");
    }

    [TestMethod]
    public void Proofs_and_shard_bodies_survive_an_orleans_serialization_round_trip()
    {
        var f = Setup();
        var sent = OrleansCopy.Of<Simulation.Runs.CrossShardPayload>(new Simulation.Runs.ReceiptsSent(f.Proof));
        var proof = ((Simulation.Runs.ReceiptsSent)sent!).Proof;
        Assert.AreEqual(IncomingReceipts.Digest(f.Proof), IncomingReceipts.Digest(proof));
        Assert.AreEqual(f.Proof.Receipts[0], proof.Receipts[0]);
        Assert.IsNull(ReceiptProofVerifier.Verify(proof, 2, f.World.GenesisCommittees));

        var (builder, validator, _) = Node(f.Context, 2, [f.Proof]);
        var block = builder.Build(Proposal(f.Context, 2, f.Context.Genesis[2].Hash, 4))!;
        var copy = OrleansCopy.Of(block);
        Assert.AreEqual(block.Hash, copy.Hash);
        Assert.AreEqual(IncomingReceipts.Hash(IncomingReceipts.Of(block.Body)), IncomingReceipts.Hash(IncomingReceipts.Of(copy.Body)));
        Assert.IsNull(validator.Validate(copy));
    }
}
