using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>
/// A validator (reference §4.1, §4.2). <see cref="Delegations"/> are keyed by delegator, sorted by address; the
/// self-delegation is the entry under <see cref="Address"/>.
/// <see cref="RateAtEpochStart"/> is the commission rate as it stood when <see cref="RateSnapshotEpoch"/> began:
/// the base for the per-epoch change limit (Harmony compares against the epoch-start snapshot).
/// <see cref="LastEpochInCommittee"/> is the last epoch the validator held a committee slot (0 = never): undelegations
/// from a validator long out of the committee were released early (reference §4.5).
/// <see cref="FirstElectionEpoch"/> is the epoch of its first election from the minimum-commission epoch on (0 = not
/// yet, as in Harmony, which stores it beside the validator): the promotion period of the commission floor counts from it.
/// </summary>
public sealed record Validator(
    Address Address,
    ImmutableArray<PublicKey> SlotKeys,
    CommissionRates Commission,
    BigInteger MinSelfDelegation,
    BigInteger MaxTotalDelegation,
    ValidatorStatus Status,
    ValidatorDescription Description,
    ulong CreationEpoch,
    decimal RateAtEpochStart,
    ulong RateSnapshotEpoch,
    ImmutableSortedDictionary<Address, Delegation> Delegations,
    ulong LastEpochInCommittee = 0,
    ulong FirstElectionEpoch = 0)
{
    /// <summary>The validator's own stake (its delegation to itself).</summary>
    public BigInteger SelfDelegation => Delegations.TryGetValue(Address, out var d) ? d.Amount : BigInteger.Zero;

    /// <summary>Total stake: self-delegation plus all delegations (undelegations excluded) — what the election reads.</summary>
    public BigInteger TotalDelegation => Delegations.Values.Aggregate(BigInteger.Zero, (sum, d) => sum + d.Amount);

    /// <summary>The commission rate the change limit is measured from in <paramref name="epoch"/>.</summary>
    public decimal RateBaseFor(ulong epoch) => RateSnapshotEpoch == epoch ? RateAtEpochStart : Commission.Rate;

    public Delegation DelegationOf(Address delegator) => Delegations.TryGetValue(delegator, out var d) ? d : Delegation.Empty;

    /// <summary>This validator with <paramref name="delegator"/>'s delegation replaced; an empty non-self delegation is dropped.</summary>
    public Validator WithDelegation(Address delegator, Delegation delegation) =>
        this with
        {
            Delegations = delegation.IsEmpty && delegator != Address
                ? Delegations.Remove(delegator)
                : Delegations.SetItem(delegator, delegation),
        };
}
