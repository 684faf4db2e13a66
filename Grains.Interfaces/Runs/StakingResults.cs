namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>What the beacon chain did in a staking run: elections, slashes, jails, bans, rewards and the accounting check per epoch.</summary>
[GenerateSerializer, Immutable]
public sealed record StakingRunResult(
    [property: Id(0)] int EpochsCompleted,
    [property: Id(1)] IReadOnlyList<ElectionRecord> Elections,
    [property: Id(2)] IReadOnlyList<SlashedRecord> Slashed,
    [property: Id(3)] IReadOnlyList<JailedRecord> Jailed,
    [property: Id(4)] IReadOnlyList<int> Banned,
    [property: Id(5)] IReadOnlyDictionary<int, decimal> RewardsByNode,
    [property: Id(6)] IReadOnlyList<AccountingRecord> Accounting,
    [property: Id(7)] IReadOnlyList<StakingRejection>? Rejected = null);

/// <summary>A scripted staking transaction submitted during the run that the chain never applied, and why (as it stands at the end).</summary>
[GenerateSerializer, Immutable]
public sealed record StakingRejection([property: Id(0)] TimeSpan At, [property: Id(1)] string Kind, [property: Id(2)] string Sender, [property: Id(3)] string Reason);

/// <summary>
/// One election: the epoch it elected, the keys elected, the median raw stake (ONE), keys per shard (all and external),
/// the nodes elected, and per cohort the largest share of one shard's voting power it holds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ElectionRecord(
    [property: Id(0)] ulong Epoch,
    [property: Id(1)] int ElectedKeys,
    [property: Id(2)] decimal MedianStake,
    [property: Id(3)] IReadOnlyList<int> KeysPerShard,
    [property: Id(4)] IReadOnlyList<int> ExternalKeysPerShard,
    [property: Id(5)] IReadOnlyList<int> ElectedNodes,
    [property: Id(6)] IReadOnlyDictionary<string, decimal> CohortMaxShardPower);

[GenerateSerializer, Immutable]
public sealed record SlashedRecord([property: Id(0)] int Node, [property: Id(1)] ulong Epoch, [property: Id(2)] decimal Amount, [property: Id(3)] decimal Burned);

[GenerateSerializer, Immutable]
public sealed record JailedRecord([property: Id(0)] int Node, [property: Id(1)] ulong Epoch);

/// <summary>At an epoch's last beacon block: total supply expected (genesis + minted − burned) and found, in atto-ONE.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountingRecord([property: Id(0)] ulong Epoch, [property: Id(1)] string Expected, [property: Id(2)] string Actual, [property: Id(3)] bool Passed);
