using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding;

namespace HarmonySim.Grains.Staking;

/// <summary>
/// One node's view of every shard's committees by epoch. It starts with the genesis committees and learns each
/// next epoch's from the shard state in its own chain's epoch-end block (a beacon node computed it in the election,
/// a shard node copied it from the beacon). A shard node also keeps what the beacon announced, which its own
/// epoch-end block must carry.
/// </summary>
public sealed class EpochCommittees(CommitteeCache cache, ShardState genesis) : ICommitteeProvider
{
    private readonly Dictionary<ulong, ShardState> _byEpoch = new() { [genesis.Epoch] = genesis };
    private readonly Dictionary<ulong, byte[]> _announced = [];

    public Committee CommitteeFor(uint shardId, ulong epoch) =>
        KnownCommittee(shardId, epoch) ?? throw new InvalidOperationException($"no committee known for shard {shardId} epoch {epoch}");

    public Committee? KnownCommittee(uint shardId, ulong epoch) =>
        _byEpoch.TryGetValue(epoch, out var state) && shardId < state.Shards.Count ? cache.Get(state, (int)shardId) : null;

    public void Observe(CommittedBlock committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (!committed.Header.CarriesShardState) return;
        var state = cache.Decode(committed.Header.ShardState);
        _byEpoch[state.Epoch] = state;
    }

    /// <summary>Records the beacon's shard state for <paramref name="epoch"/>.</summary>
    public void Announce(ulong epoch, byte[] shardState) => _announced[epoch] = shardState;

    /// <summary>The beacon's shard state for <paramref name="epoch"/>, when it has arrived.</summary>
    public byte[]? AnnouncedFor(ulong epoch) => _announced.GetValueOrDefault(epoch);
}
