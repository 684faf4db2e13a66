using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>A pending undelegation: an amount and the epoch it was made in.</summary>
public sealed record PendingUndelegation(BigInteger Amount, ulong Epoch);

/// <summary>
/// One delegation to the offending validator as the slash sees it (atto-ONE): its amount in the offence-epoch
/// snapshot, its amount now, its pending undelegations and its unclaimed reward.
/// </summary>
public sealed record SlashableDelegation(
    Address Delegator,
    BigInteger SnapshotAmount,
    BigInteger CurrentAmount,
    IReadOnlyList<PendingUndelegation> Undelegations,
    BigInteger UnclaimedReward)
{
    public SlashableDelegation(Address delegator, BigInteger snapshotAmount, BigInteger currentAmount)
        : this(delegator, snapshotAmount, currentAmount, [], BigInteger.Zero) { }
}

/// <summary>
/// The offending validator at slash time: its address, the offence epoch and its current delegations. As in Harmony,
/// <c>Delegations[0]</c> is the validator's self-delegation. <paramref name="SnapshotTotalDelegation"/> is the
/// offence-epoch snapshot's total, delegations since removed included; when null it is the sum of the listed
/// delegations' snapshot amounts.
/// </summary>
public sealed record SlashTarget(Address Validator, ulong OffenceEpoch, IReadOnlyList<SlashableDelegation> Delegations, BigInteger? SnapshotTotalDelegation = null)
{
    public SlashableDelegation SelfDelegation => Delegations[0];

    public BigInteger SnapshotTotal => SnapshotTotalDelegation ?? Delegations.Aggregate(BigInteger.Zero, (a, d) => a + d.SnapshotAmount);
}
