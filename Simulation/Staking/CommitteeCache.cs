using System.Collections.Concurrent;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// Committees and decoded shard states shared by every node of a run in one silo, keyed by content: the same
/// shard state (by hash) always gives the same <see cref="Committee"/> objects, so key sums and verification
/// results are computed once however many nodes use them.
/// </summary>
public sealed class CommitteeCache(ISignatureScheme scheme, long harmonyVoteShare)
{
    private readonly ConcurrentDictionary<(Hash32 State, int Shard), Committee> _committees = new();
    private readonly ConcurrentDictionary<Hash32, ShardState> _decoded = new();

    public Committee Get(ShardState state, int shard)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _committees.GetOrAdd((state.Hash, shard), key => new Committee((uint)shard, state.Epoch, state.Shards[shard], scheme,
            QuorumMode.ByVotingPower, harmonyVoteShare));
    }

    /// <summary>A shard state from a header's bytes (decoded once per silo).</summary>
    public ShardState Decode(byte[] encoded) => _decoded.GetOrAdd(Keccak256.Hash(encoded), _ => ShardState.Decode(encoded));
}
