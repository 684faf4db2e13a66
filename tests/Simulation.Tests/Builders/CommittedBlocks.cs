using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Tests.Builders;

/// <summary>
/// Test-data builder for committed blocks of a run's shard: empty blocks on a parent, proposed by one node, with a
/// commit aggregate really signed by the keys of the given nodes (as the chain records it), so the observer's
/// signature check passes. <c>side</c> goes into the header's extra data: two sides are two different blocks.
/// </summary>
public sealed class CommittedBlocks(RunContext context, int shard = 0)
{
    public CommittedBlock Genesis => context.Genesis[shard];

    public Committee Committee => context.CommitteeOf(shard);

    public CommittedBlock On(CommittedBlock parent, int proposer, byte side, params int[] signers)
    {
        var number = parent.Number + 1;
        var leader = context.KeysOf(proposer)[0].Public;
        var header = EmptyBlockBuilder.Create(new ProposalContext((uint)shard, number, context.Config.EpochOf(number), parent.CommitViewId + 1,
            parent.Hash, parent.Header.Time + 2, Address.OfBlsKey(leader.Bytes), parent.CommitSignature, parent.CommitBitmap, null)).Header;
        var block = new Block(header.WithExtra([side]));
        var payload = SigningPayloads.Commit(block.Header);
        var aggregate = context.Scheme.CreateAccumulator();
        var slots = new List<int>();
        foreach (var key in signers.SelectMany(context.KeysOf))
        {
            aggregate.Add(context.Scheme.Sign(key.Secret, payload));
            slots.Add(Committee.IndexOf(key.Public));
        }
        return new CommittedBlock(block, aggregate.ToSignature(), SignerBitmap.Of(Committee.Count, [.. slots.Order()]), block.Header.ViewId);
    }

    public int NodeOf(PublicKey key) => context.NodeOfKey[key];
}
