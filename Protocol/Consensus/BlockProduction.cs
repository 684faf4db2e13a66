using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>Everything a proposer needs to build the next block's header.</summary>
public sealed record ProposalContext(
    uint ShardId,
    ulong Number,
    ulong Epoch,
    ulong ViewId,
    Hash32 ParentHash,
    ulong Time,
    Address Coinbase,
    Signature? LastCommitSignature,
    SignerBitmap? LastCommitBitmap,
    Committee? NextEpochCommittee);

/// <summary>Builds the leader's proposal (the host fills the body from its mempool).</summary>
public interface IBlockBuilder
{
    /// <summary>The proposal, or null when the host cannot build it yet (an epoch's last block waiting for the next shard state); the node retries.</summary>
    Block? Build(ProposalContext context);
}

/// <summary>The host's full validation of a proposed block (state transition and the like), run before COMMIT.</summary>
public interface IBlockValidator
{
    /// <summary>Null when the block is valid, otherwise why not.</summary>
    string? Validate(Block block);
}

/// <summary>The committee of a shard for an epoch.</summary>
public interface ICommitteeProvider
{
    Committee CommitteeFor(uint shardId, ulong epoch);

    /// <summary>The committee when it is already known (an election may not have happened yet).</summary>
    Committee? KnownCommittee(uint shardId, ulong epoch) => CommitteeFor(shardId, epoch);

    /// <summary>
    /// Called with every block the node commits, before it moves to the next height: a provider that learns
    /// the next epoch's committees from the shard state in an epoch's last block reads it here.
    /// </summary>
    void Observe(CommittedBlock committed)
    {
    }
}

/// <summary>One committee for every epoch, for networks without elections.</summary>
public sealed class FixedCommitteeProvider(Committee committee) : ICommitteeProvider
{
    public Committee CommitteeFor(uint shardId, ulong epoch) =>
        shardId == committee.ShardId ? committee : throw new ArgumentException($"no committee for shard {shardId}", nameof(shardId));
}

/// <summary>Blocks with an empty body; an epoch's last block lists the next committee's keys as its shard state.</summary>
public sealed class EmptyBlockBuilder : IBlockBuilder
{
    public static readonly EmptyBlockBuilder Instance = new();
    private static readonly Hash32 EmptyRoot = Block.TransactionsRoot([]);

    public Block? Build(ProposalContext context) => Create(context);

    public static Block Create(ProposalContext context) => new(Header(context, EmptyRoot, [], [],
        context.NextEpochCommittee is null ? [] : EncodeShardState(context.NextEpochCommittee)));

    /// <summary>The proposal's header with the given body commitments and shard state.</summary>
    public static BlockHeader Header(ProposalContext context, Hash32 txHash, byte[] crossLinks, byte[] slashes, byte[] shardState, byte[]? vrf = null, byte[]? vdf = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BlockHeader
        {
            ParentHash = context.ParentHash,
            Coinbase = context.Coinbase,
            TxHash = txHash,
            Number = context.Number,
            Epoch = context.Epoch,
            ViewId = context.ViewId,
            ShardId = context.ShardId,
            Time = context.Time,
            GasLimit = 80_000_000,
            LastCommitSignature = context.LastCommitSignature,
            LastCommitBitmap = context.LastCommitBitmap?.ToBytes() ?? [],
            CrossLinks = crossLinks,
            Slashes = slashes,
            ShardState = shardState,
            Vrf = vrf ?? [],
            Vdf = vdf ?? [],
        };
    }

    /// <summary>RLP of (epoch, shard, [key...]): the next committee as the header records it.</summary>
    public static byte[] EncodeShardState(Committee next)
    {
        var w = new RlpWriter().StartList().UInt(next.Epoch).UInt(next.ShardId).StartList();
        foreach (var slot in next.Slots) w.Bytes(slot.Key.Bytes);
        return w.EndList().EndList().ToArray();
    }
}

/// <summary>Only checks that the body matches the header's transaction root (blocks carry no state yet).</summary>
public sealed class BodyRootValidator : IBlockValidator
{
    public static readonly BodyRootValidator Instance = new();

    public string? Validate(Block block) => block.BodyMatchesHeader() ? null : "transactions do not match the header's TxHash";
}
