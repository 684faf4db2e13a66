using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// The numbers the staking rules use (reference §4.2, §4.5), mainnet's by default.
/// <see cref="HarmonyKeys"/> are the Harmony-operated keys no validator may register.
/// <see cref="VerifySlotKeyProof"/> checks a slot key's proof; null means the real BLS check
/// (<see cref="HarmonySlotKeyProof.Verify"/>).
/// </summary>
public sealed record StakingParameters
{
    public BigInteger MinSelfDelegation { get; init; } = Units.One(10_000);
    public BigInteger MinDelegation { get; init; } = Units.One(1_000);
    public BigInteger ReducedMinDelegation { get; init; } = Units.One(100);

    /// <summary>The epoch from which <see cref="ReducedMinDelegation"/> applies (mainnet 631).</summary>
    public ulong ReducedMinDelegationEpoch { get; init; } = 631;

    public int MaxSlotKeys { get; init; } = 106;

    /// <summary>
    /// When set, an undelegation must leave 0 or at least this much delegated. Later Harmony code has this rule
    /// (<c>ErrUndelegationRemaining</c>, "remaining delegation must be 0 or >= 100 ONE"); reference §4.2 does not list
    /// it and its activation epoch was not checked, so it is off (null) by default.
    /// </summary>
    public BigInteger? MinRemainingDelegation { get; init; }

    /// <summary>The chain id staking signatures commit to (mainnet 1, testnet 2; reference §8.2).</summary>
    public ulong ChainId { get; init; } = 1;

    /// <summary>Epochs an undelegation stays locked (<c>LockPeriodInEpoch</c>), outside the quick-unlock era.</summary>
    public ulong LockEpochs { get; init; } = 7;

    /// <summary>
    /// <c>QuickUnlockEpoch</c> (mainnet 191): from it until <see cref="RedelegationEpoch"/> undelegations were not
    /// locked at all (<c>LockPeriodInEpochV2</c> = 0); see <see cref="LockEpochsAt"/>.
    /// </summary>
    public ulong QuickUnlockEpoch { get; init; } = 191;

    /// <summary>
    /// <c>RedelegationEpoch</c> (mainnet 290): from it a Delegate may spend stake still locked in the delegator's
    /// undelegations (of earlier epochs), and the lock is <see cref="LockEpochs"/> again.
    /// </summary>
    public ulong RedelegationEpoch { get; init; } = 290;

    /// <summary>
    /// <c>NoEarlyUnlockEpoch</c> (mainnet 530): before it, undelegations from a validator that has been out of the
    /// committee for at least the lock period were released at once, whatever their age.
    /// </summary>
    public ulong NoEarlyUnlockEpoch { get; init; } = 530;

    /// <summary>
    /// <c>MaxRateEpoch</c> (mainnet 1733): from it, an undelegation found older than the lock at release is dropped
    /// unpaid, and every validator's MaxRate is raised to at least the minimum commission plus its MaxChangeRate.
    /// </summary>
    public ulong MaxRateEpoch { get; init; } = 1733;

    /// <summary><c>TopMaxRateEpoch</c> (mainnet 1976): from it the MaxRate raise of <see cref="MaxRateEpoch"/> stops at 100 %.</summary>
    public ulong TopMaxRateEpoch { get; init; } = 1976;

    /// <summary><c>MinCommissionRateEpoch</c> (mainnet 631): from it commission may not stay below <see cref="MinCommissionRate"/>.</summary>
    public ulong MinCommissionRateEpoch { get; init; } = 631;

    /// <summary>The minimum commission from <see cref="MinCommissionRateEpoch"/> (<c>minCommissionRateEra1</c>, 5 %).</summary>
    public decimal MinCommissionRate { get; init; } = 0.05m;

    /// <summary><c>HIP30Epoch</c> (mainnet 1673): the minimum commission becomes <see cref="Hip30MinCommissionRate"/> and also binds unelected validators.</summary>
    public ulong Hip30Epoch { get; init; } = 1673;

    /// <summary>The minimum commission from <see cref="Hip30Epoch"/> (<c>minCommissionRateEra2</c>, 7 %).</summary>
    public decimal Hip30MinCommissionRate { get; init; } = 0.07m;

    /// <summary>
    /// <c>MinCommissionPromoPeriod</c> (mainnet 100): epochs after its first election (counted from
    /// <see cref="MinCommissionRateEpoch"/> on) during which a validator may keep a commission below the minimum.
    /// </summary>
    public ulong MinCommissionPromoPeriod { get; init; } = 100;

    public ImmutableHashSet<PublicKey> HarmonyKeys { get; init; } = [];

    public Func<PublicKey, byte[], bool>? VerifySlotKeyProof { get; init; }

    public static StakingParameters Mainnet { get; } = new();

    /// <summary>The minimum delegation in force in <paramref name="epoch"/>.</summary>
    public BigInteger MinDelegationAt(ulong epoch) => epoch >= ReducedMinDelegationEpoch ? ReducedMinDelegation : MinDelegation;

    /// <summary>The lock in force for undelegations released in <paramref name="epoch"/> (Harmony's <c>GetLockPeriodInEpoch</c>).</summary>
    public ulong LockEpochsAt(ulong epoch) => epoch >= QuickUnlockEpoch && epoch < RedelegationEpoch ? 0 : LockEpochs;

    /// <summary>The minimum commission in <paramref name="epoch"/>: 0 before <see cref="MinCommissionRateEpoch"/> (Harmony's <c>MinCommissionRate</c>).</summary>
    public decimal MinCommissionRateAt(ulong epoch) =>
        epoch >= Hip30Epoch ? Hip30MinCommissionRate : epoch >= MinCommissionRateEpoch ? MinCommissionRate : 0m;

    internal bool ProofVerifies(SlotKeyWithProof slot) =>
        slot.Proof is not null && (VerifySlotKeyProof?.Invoke(slot.Key, slot.Proof) ?? HarmonySlotKeyProof.Verify(slot.Key.Bytes, slot.Proof));
}
