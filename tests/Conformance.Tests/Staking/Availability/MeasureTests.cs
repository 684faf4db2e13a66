using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Availability;

namespace HarmonySim.Conformance.Tests.Staking.Availability;

/// <summary>
/// Replays <c>staking/availability/measure_test.go</c> <c>TestComputeCurrentSigning</c> and
/// <c>TestComputeCurrentSigningHIP32</c>: counters now less counters in the snapshot, the ratio signed.Quo(toSign),
/// and below threshold iff the ratio ≤ 2.Quo(3). Before HIP-32 nothing to sign counts as below; after, as not below.
/// Left out: the tests of bitmaps, state mutation and commission floors (no arithmetic of their own).
/// </summary>
[TestClass]
public sealed class MeasureTests
{
    [TestMethod]
    [DataRow(0UL, 0UL, 0UL, 0UL, 0UL, 0UL, 0L, 1L, true, false, DisplayName = "TestComputeCurrentSigning(HIP32) case 0")]
    [DataRow(0UL, 1UL, 1UL, 0UL, 1UL, 1UL, 1L, 1L, false, false, DisplayName = "TestComputeCurrentSigning(HIP32) case 1")]
    [DataRow(0UL, 2UL, 2UL, 0UL, 3UL, 3UL, 2L, 3L, true, true, DisplayName = "TestComputeCurrentSigning(HIP32) case 2")]
    [DataRow(0UL, 1UL, 1UL, 0UL, 3UL, 3UL, 1L, 3L, true, true, DisplayName = "TestComputeCurrentSigning(HIP32) case 3")]
    [DataRow(100UL, 225UL, 125UL, 200UL, 350UL, 150UL, 5L, 6L, false, false, DisplayName = "TestComputeCurrentSigning(HIP32) case 4")]
    [DataRow(100UL, 200UL, 100UL, 200UL, 350UL, 150UL, 2L, 3L, true, true, DisplayName = "TestComputeCurrentSigning(HIP32) case 5")]
    [DataRow(100UL, 200UL, 100UL, 200UL, 400UL, 200UL, 1L, 2L, true, true, DisplayName = "TestComputeCurrentSigning(HIP32) case 6")]
    public void ComputeCurrentSigning(ulong snapSigned, ulong curSigned, ulong diffSigned, ulong snapToSign, ulong curToSign, ulong diffToSign,
        long pctNum, long pctDiv, bool belowBeforeHip32, bool belowAfterHip32)
    {
        var epoch = new SigningCounters(curToSign, curSigned) - new SigningCounters(snapToSign, snapSigned);
        Assert.AreEqual((diffToSign, diffSigned), (epoch.ToSign, epoch.Signed));
        Assert.AreEqual(Dec.FromInteger(pctNum).Quo(Dec.FromInteger(pctDiv)), Eligibility.SigningRatio(epoch.Signed, epoch.ToSign));
        Assert.AreEqual(belowBeforeHip32, Eligibility.IsBelowSigningThreshold(epoch.Signed, epoch.ToSign, zeroToSignIsBelow: true), "before HIP-32");
        Assert.AreEqual(belowAfterHip32, Eligibility.IsBelowSigningThreshold(epoch.Signed, epoch.ToSign), "HIP-32");
        Assert.AreEqual(belowAfterHip32, AvailabilityThreshold.IsBelowThreshold(epoch));
    }
}
