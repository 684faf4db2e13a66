using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// One node's view of every shard's committees by epoch. It starts with the genesis committees and learns each
/// next epoch's from the shard state in its own chain's epoch-end block (a beacon node computed it in the election,
/// a shard node copied it from the beacon). A shard node also keeps what the beacon announced, which its own
/// epoch-end block must carry.
/// </summary>
public sealed class EpochCommittees(CommitteeCache cache, ShardState genesis) : ICommitteeProvider
{
    private ChainCommittees _chain = ChainCommittees.Of(cache, genesis);
    private readonly Dictionary<ulong, byte[]> _announced = [];

    public Committee CommitteeFor(uint shardId, ulong epoch) => _chain.CommitteeFor(shardId, epoch);

    public Committee? KnownCommittee(uint shardId, ulong epoch) => _chain.KnownCommittee(shardId, epoch);

    public void Observe(CommittedBlock committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        _chain = _chain.After(committed.Header);
    }

    /// <summary>Records the beacon's shard state for <paramref name="epoch"/>.</summary>
    public void Announce(ulong epoch, byte[] shardState) => _announced[epoch] = shardState;

    /// <summary>The beacon's shard state for <paramref name="epoch"/>, when it has arrived.</summary>
    public byte[]? AnnouncedFor(ulong epoch) => _announced.GetValueOrDefault(epoch);
}
