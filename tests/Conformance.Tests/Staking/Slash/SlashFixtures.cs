using System.Numerics;
using HarmonySim.Conformance.Tests.Support;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.Slashing;

namespace HarmonySim.Conformance.Tests.Staking.Slash;

/// <summary>
/// The validator wrappers of <c>staking/slash/double-sign_test.go</c> as slash targets. The double sign is in epoch 4;
/// a "history" undelegation was made in epoch 3 (not slashable), an "after sign" one in epoch 5 or 6 (slashable).
/// Every delegation carries 10 000 ONE of unclaimed reward.
/// </summary>
internal static class SlashFixtures
{
    public const ulong DoubleSignEpoch = 4;

    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    public static BigInteger K(long thousands) => thousands * 1000 * One;

    public static readonly Address Offender = TestCommittee.Owner(0), Del1 = TestCommittee.Owner(1), Del2 = TestCommittee.Owner(2);
    public static readonly Address Leader = TestCommittee.Owner(99);

    /// <summary>
    /// <c>defaultSnapValidatorWrapper</c> against <c>defaultCurrentValidatorWrapper</c>: the snapshot holds the offender's
    /// 40 000 and del1's 40 000; now the offender has 20 000 staked plus undelegations of 10 000 (epoch 3) and 10 000
    /// (epoch 6), and del2 (absent from the snapshot) 40 000.
    /// </summary>
    public static SlashTarget Default() => new(Offender, DoubleSignEpoch,
    [
        new SlashableDelegation(Offender, K(40), K(20), [new PendingUndelegation(K(10), DoubleSignEpoch - 1), new PendingUndelegation(K(10), DoubleSignEpoch + 2)], K(10)),
        new SlashableDelegation(Del2, 0, K(40), [], K(10)),
    ], SnapshotTotalDelegation: K(80));

    /// <summary>What a delegation holds after paying its debit: amount, reward, and each undelegation's amount.</summary>
    public static (BigInteger Amount, BigInteger Reward, BigInteger[] Undelegations) After(SlashableDelegation d, DelegationDebit debit) =>
        (d.CurrentAmount - debit.FromStake, d.UnclaimedReward - debit.FromReward,
            [.. d.Undelegations.Select((u, i) => u.Amount - debit.FromUndelegations[i])]);
}
