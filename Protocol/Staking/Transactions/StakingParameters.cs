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

    /// <summary>Epochs an undelegation stays locked (<c>LockPeriodInEpoch</c>).</summary>
    public ulong LockEpochs { get; init; } = 7;

    public ImmutableHashSet<PublicKey> HarmonyKeys { get; init; } = [];

    public Func<PublicKey, byte[], bool>? VerifySlotKeyProof { get; init; }

    public static StakingParameters Mainnet { get; } = new();

    /// <summary>The minimum delegation in force in <paramref name="epoch"/>.</summary>
    public BigInteger MinDelegationAt(ulong epoch) => epoch >= ReducedMinDelegationEpoch ? ReducedMinDelegation : MinDelegation;

    internal bool ProofVerifies(SlotKeyWithProof slot) =>
        slot.Proof is not null && (VerifySlotKeyProof?.Invoke(slot.Key, slot.Proof) ?? HarmonySlotKeyProof.Verify(slot.Key.Bytes, slot.Proof));
}
