using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Simulation.Transfers;

/// <summary>
/// A shard's blocks in a run with transfers or load but no elections: its transfers as transactions, the incoming
/// receipt proofs it credits as its body, and, at an epoch's end, the fixed committee as its shard state (as an
/// empty block would carry it).
/// </summary>
public sealed class TransferBlockBuilder(TransferProduction transfers) : IBlockBuilder
{
    public Block? Build(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (transfers.Propose(context) is not { } part) return null;
        var shardState = context.NextEpochCommittee is { } next ? EmptyBlockBuilder.EncodeShardState(next) : [];
        var header = part.Seal(EmptyBlockBuilder.Header(context, Block.TransactionsRoot(part.Transactions), [], [], shardState));
        var block = new Block(header, part.Transactions, new ShardBody(part.Incoming));
        transfers.Remember(block, part);
        return block;
    }
}

/// <summary>Checks a transfer block's body root and re-executes its transfer part (through the silo's memo).</summary>
public sealed class TransferBlockValidator(TransferProduction transfers, Validators.BlockValidationCounter counter) : IBlockValidator
{
    public string? Validate(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        counter.Count++;
        if (BodyRootValidator.Instance.Validate(block) is { } error) return error;
        if (block.Body is not (null or ShardBody)) return "the block carries a body a shard block cannot have";
        return transfers.Validate(block);
    }
}
