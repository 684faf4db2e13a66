using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Availability;
using static HarmonySim.Protocol.Tests.Staking.SlashingFixture;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §5.3: signing counters, the 2/3 threshold, and the end-of-epoch Inactive transition.</summary>
[TestClass]
public sealed class AvailabilityTests
{
    private static readonly SlashingFixture F = new();

    [TestMethod]
    public void Counters_count_every_external_slot_and_k_times_for_k_slots()
    {
        // Slots 0–1 Harmony, 2–3 V, 4 W, 5 X. Block 1: all sign; block 2: V's slot 3 and X miss; block 3: only Harmony signs.
        var counters = SigningCounter.Count(F.Committee,
            [SignerBitmap.Of(6, 0, 1, 2, 3, 4, 5), SignerBitmap.Of(6, 0, 1, 2, 4), SignerBitmap.Of(6, 0, 1)]);
        Assert.AreEqual(3, counters.Count);
        Assert.AreEqual(new SigningCounters(6, 3), counters[V]);
        Assert.AreEqual(new SigningCounters(3, 2), counters[W]);
        Assert.AreEqual(new SigningCounters(3, 1), counters[X]);
        Assert.IsFalse(counters.ContainsKey(HarmonyOwner));
    }

    [TestMethod]
    public void Exactly_two_thirds_is_below_threshold()
    {
        // A mainnet epoch of 32 768 beacon blocks, a validator with 3 slots: 98 304 to sign.
        Assert.IsTrue(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(98_304, 65_536)));
        Assert.IsTrue(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(98_304, 0)));
    }

    [TestMethod]
    public void Just_above_two_thirds_is_not_below_threshold()
    {
        Assert.IsFalse(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(98_304, 65_537)));
        Assert.IsFalse(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(98_304, 98_304)));
        // 2/3 is not an integer here: 32 767 × 2/3 = 21 844.67, so 21 844 is below and 21 845 is not.
        Assert.IsTrue(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(32_767, 21_844)));
        Assert.IsFalse(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(32_767, 21_845)));
    }

    [TestMethod]
    public void Nothing_to_sign_is_not_below_threshold_per_hip_32()
    {
        Assert.IsFalse(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(0, 0)));
    }

    [TestMethod]
    public void The_last_count_below_threshold_is_the_floor_of_two_thirds_for_any_realistic_count()
    {
        // Up to 10^17 blocks to sign, Harmony's 18-decimal ratio decides exactly as the rational 3·signed ≤ 2·toSign.
        Gen.ULong[1, 100_000_000_000_000_000].Sample(toSign =>
        {
            var boundary = (ulong)(new System.Numerics.BigInteger(toSign) * 2 / 3);
            Assert.IsTrue(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(toSign, boundary)));
            Assert.IsFalse(AvailabilityThreshold.IsBelowThreshold(new SigningCounters(toSign, boundary + 1)));
        });
    }

    [TestMethod]
    public void End_of_epoch_turns_committee_validators_below_threshold_inactive_using_the_epoch_counters()
    {
        Address low = EposBuilder.Addr(21), fine = EposBuilder.Addr(22), banned = EposBuilder.Addr(23), outside = EposBuilder.Addr(24), lifetime = EposBuilder.Addr(25), idle = EposBuilder.Addr(26);
        var start = new SigningCounters(1_000_000, 999_000);
        var changes = EpochAvailability.EndOfEpoch(
        [
            new ValidatorAvailability(low, ValidatorStatus.Active, true, start + new SigningCounters(32_768, 20_000), start),
            new ValidatorAvailability(fine, ValidatorStatus.Active, true, start + new SigningCounters(32_768, 32_000), start),
            new ValidatorAvailability(banned, ValidatorStatus.Banned, true, start + new SigningCounters(32_768, 0), start),
            new ValidatorAvailability(outside, ValidatorStatus.Active, false, start + new SigningCounters(32_768, 0), start),
            // Lifetime ratio is fine (999 000 / 1 032 768) but this epoch's is 0: below.
            new ValidatorAvailability(lifetime, ValidatorStatus.Active, true, start + new SigningCounters(32_768, 0), start),
            new ValidatorAvailability(idle, ValidatorStatus.Active, true, start, start),
        ]);
        CollectionAssert.AreEqual(new[] { low, lifetime }, changes.Select(c => c.Validator).ToArray());
        Assert.IsTrue(changes.All(c => c.From == ValidatorStatus.Active && c.To == ValidatorStatus.Inactive && c.Reason == EpochAvailability.InsufficientUptime));
    }
}
