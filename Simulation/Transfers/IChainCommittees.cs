using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Simulation.Transfers;

/// <summary>
/// The committees a chain knows after some block, against which its incoming receipt proofs are verified: in a staking
/// run they grow with each epoch's shard state; without elections every epoch keeps the genesis committees.
/// </summary>
public interface IChainCommittees : ICommitteeProvider
{
    /// <summary>What the chain knows after <paramref name="header"/>.</summary>
    IChainCommittees After(BlockHeader header);
}

/// <summary>The committees of a run without elections: the same for every epoch, whatever the chain carries.</summary>
public sealed class FixedChainCommittees(ICommitteeProvider committees) : IChainCommittees
{
    public Committee CommitteeFor(uint shardId, ulong epoch) => committees.CommitteeFor(shardId, epoch);

    public IChainCommittees After(BlockHeader header) => this;
}
