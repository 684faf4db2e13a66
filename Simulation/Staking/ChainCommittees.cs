using System.Collections.Immutable;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// The committees of every shard per epoch that a chain knows: the genesis committees and the shard state of each
/// epoch-end block in it. Immutable (a block's memoised state keeps the view its ancestry gives); <see cref="After"/>
/// gives the next block's view. Committee objects come from the silo's shared <see cref="CommitteeCache"/>.
/// </summary>
public sealed class ChainCommittees(CommitteeCache cache, ImmutableSortedDictionary<ulong, ShardState> byEpoch) : Transfers.IChainCommittees
{
    /// <summary>A view knowing exactly <paramref name="states"/> (each for its own epoch).</summary>
    public static ChainCommittees Of(CommitteeCache cache, params IEnumerable<ShardState> states) =>
        new(cache, states.Aggregate(ImmutableSortedDictionary<ulong, ShardState>.Empty, (d, s) => d.SetItem(s.Epoch, s)));

    public Committee CommitteeFor(uint shardId, ulong epoch) =>
        KnownCommittee(shardId, epoch) ?? throw new InvalidOperationException($"no committee known for shard {shardId} epoch {epoch}");

    public Committee? KnownCommittee(uint shardId, ulong epoch) =>
        byEpoch.TryGetValue(epoch, out var state) && shardId < state.Shards.Count ? cache.Get(state, (int)shardId) : null;

    /// <summary>What the chain knows after <paramref name="header"/>: one more epoch when it carries the next shard state.</summary>
    public ChainCommittees After(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!header.CarriesShardState) return this;
        var state = cache.Decode(header.ShardState);
        return new ChainCommittees(cache, byEpoch.SetItem(state.Epoch, state));
    }

    Transfers.IChainCommittees Transfers.IChainCommittees.After(BlockHeader header) => After(header);
}
