using HarmonySim.Grains.Runs;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Grains.Staking;

/// <summary>
/// A non-beacon shard's blocks in a staking run: empty bodies, and an epoch's last block carries the shard state the
/// beacon announced for the next epoch. Until it has arrived the leader waits (Harmony would stay in the old epoch;
/// here every shard's epochs have the same length, see docs/EPOCHS.md).
/// </summary>
public sealed class ShardBlockBuilder(EpochCommittees committees, Protocol.Staking.Beacon.BeaconRules rules) : IBlockBuilder
{
    public Block? Build(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!rules.IsLastBlockInEpoch(context.Number)) return new Block(EmptyBlockBuilder.Header(context, Block.EmptyTransactionsRoot, [], [], []));
        var next = committees.AnnouncedFor(context.Epoch + 1);
        return next is null ? null : new Block(EmptyBlockBuilder.Header(context, Block.EmptyTransactionsRoot, [], [], next));
    }
}

/// <summary>Checks a shard block's body root and that an epoch's last block carries the beacon's shard state.</summary>
public sealed class ShardBlockValidator(EpochCommittees committees, Protocol.Staking.Beacon.BeaconRules rules) : IBlockValidator
{
    public string? Validate(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        CountingScheme.CountBlockValidation();
        if (BodyRootValidator.Instance.Validate(block) is { } error) return error;
        if (!rules.IsLastBlockInEpoch(block.Number)) return null;
        var expected = committees.AnnouncedFor(block.Header.Epoch + 1);
        if (expected is null) return "the beacon's shard state for the next epoch has not arrived";
        return block.Header.ShardState.AsSpan().SequenceEqual(expected) ? null : "shard state differs from the beacon's";
    }
}
