using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Conformance.Tests.Staking.Types;

/// <summary>
/// <c>staking/types/delegation_test.go</c>: the <c>RemoveUnlockedUndelegations</c> tests, replayed on
/// <see cref="UndelegationRelease.Unlock"/>. Several Go tests share one delegation; each row states the undelegations
/// it holds at that point (amounts in atto, as in Go). TestUndelegate, TestTotalInUndelegation and TestDeleteEntry
/// exercise list helpers HarmonySim does not have apart from its transactions (merging by epoch is replayed in the
/// core Undelegate cases).
/// </summary>
[TestClass]
public sealed class RemoveUnlockedUndelegationsTests
{
    /// <param name="amounts">Undelegation amounts, paired with <paramref name="epochs"/>, oldest first.</param>
    [TestMethod]
    [DataRow(new[] { 1000L, 3000L, 4000L }, new[] { 10UL, 15UL, 21UL }, 24UL, 17UL, 7UL, false, false, 8000L, 0L, 0, DisplayName = "TestUnlockedLastEpochInCommittee: out of committee 7 epochs, all released early")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 24UL, 18UL, 7UL, false, false, 0L, 0L, 1, DisplayName = "TestUnlockedLastEpochInCommitteeFail")]
    [DataRow(new[] { 4000L }, new[] { 27UL }, 34UL, 34UL, 7UL, false, false, 4000L, 0L, 0, DisplayName = "TestUnlockedFullPeriod")]
    [DataRow(new[] { 4000L }, new[] { 44UL }, 44UL, 44UL, 0UL, false, false, 4000L, 0L, 0, DisplayName = "TestQuickUnlock: lock 0")]
    [DataRow(new[] { 4000L }, new[] { 28UL }, 34UL, 34UL, 7UL, false, false, 0L, 0L, 1, DisplayName = "TestUnlockedFullPeriodFail")]
    [DataRow(new[] { 4000L }, new[] { 42UL }, 44UL, 44UL, 7UL, false, false, 0L, 0L, 1, DisplayName = "TestUnlockedPremature")]
    [DataRow(new[] { 4000L, 4000L }, new[] { 21UL, 42UL }, 24UL, 17UL, 7UL, true, false, 0L, 0L, 2, DisplayName = "TestNoEarlyUnlock")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 27UL, 1UL, 7UL, true, true, 0L, 0L, 1, DisplayName = "TestMaxRateAtLess")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 28UL, 1UL, 7UL, true, true, 4000L, 0L, 0, DisplayName = "TestMaxRateAtEqual")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 29UL, 1UL, 7UL, true, true, 0L, 4000L, 0, DisplayName = "TestMaxRateAtExcess: dropped unpaid")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 27UL, 1UL, 7UL, true, false, 0L, 0L, 1, DisplayName = "TestNoMaxRateAtLess")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 28UL, 1UL, 7UL, true, false, 4000L, 0L, 0, DisplayName = "TestNoMaxRateAtEqual")]
    [DataRow(new[] { 4000L }, new[] { 21UL }, 29UL, 1UL, 7UL, true, false, 4000L, 0L, 0, DisplayName = "TestNoMaxRateAtExcess")]
    public void Remove_unlocked_undelegations(
        long[] amounts, ulong[] epochs, ulong epoch, ulong lastEpochInCommittee, ulong lockPeriod, bool noEarlyUnlock, bool isMaxRate,
        long expectedPaid, long expectedDropped, int expectedKept)
    {
        var undelegations = amounts.Zip(epochs, (a, e) => new Undelegation(a, e)).ToImmutableList();
        var result = UndelegationRelease.Unlock(undelegations, epoch, lastEpochInCommittee, lockPeriod, noEarlyUnlock, isMaxRate);
        Assert.AreEqual(new BigInteger(expectedPaid), result.Paid);
        Assert.AreEqual(new BigInteger(expectedDropped), result.Dropped);
        Assert.HasCount(expectedKept, result.Kept);
    }
}
