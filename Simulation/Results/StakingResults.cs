namespace HarmonySim.Simulation.Results;

/// <summary>What the beacon chain did in a staking run: elections, slashes, jails, bans, rewards and the accounting check per epoch.</summary>

public sealed record StakingRunResult(
    int EpochsCompleted,
    IReadOnlyList<ElectionRecord> Elections,
    IReadOnlyList<SlashedRecord> Slashed,
    IReadOnlyList<JailedRecord> Jailed,
    IReadOnlyList<int> Banned,
    IReadOnlyDictionary<int, decimal> RewardsByNode,
    IReadOnlyList<AccountingRecord> Accounting,
    IReadOnlyList<StakingRejection>? Rejected = null,
    IReadOnlyList<SupplyRecord>? Supply = null,
    IReadOnlyDictionary<int, decimal>? StakeByNode = null,
    IReadOnlyDictionary<int, SigningRecord>? SigningByNode = null);

/// <summary>
/// A validator's signing over the run, summed from the beacon's per-epoch counters as availability judges them (each
/// epoch's counters before its last block's own signatures, plus the running epoch's): slots it had to sign and signed.
/// </summary>
public sealed record SigningRecord(ulong ToSign, ulong Signed);

/// <summary>A scripted staking transaction submitted during the run that the chain never applied, and why (as it stands at the end).</summary>

public sealed record StakingRejection(TimeSpan At, string Kind, string Sender, string Reason);

/// <summary>
/// One election: the epoch it elected, the keys elected, the median raw stake (ONE), keys per shard (all and external),
/// the nodes elected, and per cohort the largest share of one shard's voting power it holds.
/// </summary>
public sealed record ElectionRecord(
    ulong Epoch,
    int ElectedKeys,
    decimal MedianStake,
    IReadOnlyList<int> KeysPerShard,
    IReadOnlyList<int> ExternalKeysPerShard,
    IReadOnlyList<int> ElectedNodes,
    IReadOnlyDictionary<string, decimal> CohortMaxShardPower)
{
    /// <summary>Per cohort, its share of each shard's voting power in this epoch (shard order), for teams that span cohorts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<decimal>>? CohortShardPower { get; init; }
}


public sealed record SlashedRecord(int Node, ulong Epoch, decimal Amount, decimal Burned);


public sealed record JailedRecord(int Node, ulong Epoch);

/// <summary>At an epoch's last beacon block: total supply expected (genesis + minted − burned + deposited) and found, in atto-ONE.</summary>

public sealed record AccountingRecord(ulong Epoch, string Expected, string Actual, bool Passed);

/// <summary>
/// The token supply at a beacon block, in atto-ONE as decimal strings: genesis (epoch 0 at time 0), every epoch's last
/// block, and the run's last beacon block. <see cref="RewardPerBlock"/> is the reward per block per shard in force.
/// </summary>
public sealed record SupplyRecord(ulong Epoch, TimeSpan At, string Supply, string Minted, string Burned, string MintedToRecovery, string RewardPerBlock, bool EpochEnd);
