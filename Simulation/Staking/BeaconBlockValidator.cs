using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Transfers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// A beacon validator's check of a proposal: the header commits to the body, the state transition applies on
/// the parent's state, and an epoch's last block carries exactly the shard state the election gives. In a run with
/// transfers the block's transfers and incoming proofs must apply on the parent's transfer ledger, and the header
/// must commit to the result; without, a beacon block carries no plain transactions.
/// </summary>
public sealed class BeaconBlockValidator(StakingWorld world, Func<Block> head, TransferProduction? transfers = null, Validators.BlockValidationCounter? counter = null) : IBlockValidator
{
    public string? Validate(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (counter is not null) counter.Count++;
        var body = block.Body as BeaconBody ?? BeaconBody.Empty;
        if (body.CheckAgainst(block.Header, block.Transactions, world.Rules.Staking.ChainId) is { } mismatch) return mismatch;
        // The parent is the node's committed head (FBFT checked it): apply it first, so the parent's state is known here
        // whatever other nodes of this silo have or have not computed yet.
        world.Apply(head());
        var outcome = world.Apply(block);
        if (outcome.Error is not null) return outcome.Error;
        var expected = outcome.NextCommittees?.Encode() ?? [];
        if (!block.Header.ShardState.AsSpan().SequenceEqual(expected)) return "shard state differs from the election's result";
        if (!block.Header.Vdf.AsSpan().SequenceEqual(outcome.ExpectedVdf)) return "the VDF output differs from the epoch's randomness";
        if (transfers is null) return block.Transactions.Count == 0 ? null : "a beacon block without transfers in the run carries plain transactions";
        return transfers.Validate(block);
    }
}
