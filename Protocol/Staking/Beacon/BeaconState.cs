using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>
/// The beacon chain's state after a block: staking state, the epoch, this epoch's signing counters per validator,
/// the last crosslinked block of each shard, the current committees, and the running totals the accounting check
/// reads (minted rewards, burned slashes, rewards paid per validator), the supply when the epoch began (which an
/// inflation-rate issuance sets the epoch's block reward from), what was minted to the recovery address and what outside
/// staking transactions brought in from the beacon's transfer ledger (<see cref="Deposited"/>). Immutable.
/// </summary>
public sealed record BeaconState(
    StakingState Staking,
    ulong Epoch,
    ImmutableSortedDictionary<Address, SigningCounters> Counters,
    ImmutableSortedDictionary<uint, ulong> LastCrosslink,
    ShardState Committees,
    BigInteger Minted,
    BigInteger Burned,
    ImmutableSortedDictionary<Address, BigInteger> RewardsPaid,
    ShardState? PreviousCommittees = null,
    Hash32 RandomnessSeed = default,
    ImmutableList<RandomnessContribution>? Contributions = null,
    ImmutableSortedDictionary<Address, Validator>? Snapshot = null,
    ImmutableSortedDictionary<Address, Validator>? PreviousSnapshot = null,
    BigInteger EpochStartSupply = default,
    BigInteger MintedToRecovery = default,
    BigInteger Deposited = default)
{
    /// <summary>
    /// A validator as it stood when <paramref name="epoch"/> began (reference §4.4: the per-epoch snapshot that reward
    /// shares and slashes are measured on), for this epoch and the previous one; null when it did not exist then.
    /// </summary>
    /// <remarks>Snapshots go with the committees: <see cref="Snapshot"/> was taken when <see cref="Committees"/> took office.</remarks>
    public Validator? SnapshotOf(Address validator, ulong epoch) =>
        (epoch == Committees.Epoch ? Snapshot : epoch == PreviousCommittees?.Epoch ? PreviousSnapshot : null)?.GetValueOrDefault(validator);

    /// <summary>This epoch's accepted randomness contributions (randomness resharding), in inclusion order.</summary>
    public ImmutableList<RandomnessContribution> EpochContributions => Contributions ?? [];

    public static BeaconState Genesis(StakingState staking, ShardState committees) => new(
        staking, 0, ImmutableSortedDictionary.Create<Address, SigningCounters>(AddressOrder.Instance),
        ImmutableSortedDictionary<uint, ulong>.Empty, committees, BigInteger.Zero, BigInteger.Zero,
        ImmutableSortedDictionary.Create<Address, BigInteger>(AddressOrder.Instance), Snapshot: staking.Validators,
        EpochStartSupply: staking.TotalSupply());

    /// <summary>The validators holding a staked slot in any shard this epoch.</summary>
    public ImmutableHashSet<Address> InCommittee() =>
        [.. Committees.Shards.SelectMany(s => s).Where(slot => !slot.IsHarmonyOperated).Select(slot => slot.Owner)];
}
