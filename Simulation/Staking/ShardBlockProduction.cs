using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Transfers;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// A non-beacon shard's blocks in a staking run: empty bodies, and an epoch's last block carries the shard state the
/// beacon announced for the next epoch. Until it has arrived the leader waits (Harmony would stay in the old epoch;
/// here every shard's epochs have the same length, see docs/EPOCHS.md). In a run with transfers the block carries
/// the shard's transfers as its transactions and the incoming receipt proofs it credits as its body.
/// </summary>
public sealed class ShardBlockBuilder(EpochCommittees committees, Protocol.Staking.Beacon.BeaconRules rules, TransferProduction? transfers = null) : IBlockBuilder
{
    public Block? Build(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] shardState = [];
        if (rules.IsLastBlockInEpoch(context.Number))
        {
            if (committees.AnnouncedFor(context.Epoch + 1) is not { } next) return null;
            shardState = next;
        }
        if (transfers is null) return new Block(EmptyBlockBuilder.Header(context, Block.EmptyTransactionsRoot, [], [], shardState));
        if (transfers.Propose(context) is not { } part) return null;
        var header = part.Seal(EmptyBlockBuilder.Header(context, Block.TransactionsRoot(part.Transactions), [], [], shardState));
        var block = new Block(header, part.Transactions, new ShardBody(part.Incoming));
        transfers.Remember(block, part);
        return block;
    }
}

/// <summary>Checks a shard block's body root and that an epoch's last block carries the beacon's shard state.</summary>
public sealed class ShardBlockValidator(EpochCommittees committees, Protocol.Staking.Beacon.BeaconRules rules, TransferProduction? transfers = null, Validators.BlockValidationCounter? counter = null) : IBlockValidator
{
    public string? Validate(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (counter is not null) counter.Count++;
        if (BodyRootValidator.Instance.Validate(block) is { } error) return error;
        if (transfers is null ? block.Body is not null : block.Body is not (null or ShardBody)) return "the block carries a body a shard block cannot have";
        if (transfers?.Validate(block) is { } invalid) return invalid;
        if (!rules.IsLastBlockInEpoch(block.Number)) return null;
        var expected = committees.AnnouncedFor(block.Header.Epoch + 1);
        if (expected is null) return "the beacon's shard state for the next epoch has not arrived";
        return block.Header.ShardState.AsSpan().SequenceEqual(expected) ? null : "shard state differs from the beacon's";
    }
}
