using System.Numerics;
using HarmonySim.Conformance.Tests.Support;
using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Conformance.Tests.Consensus.VotePower;

/// <summary>
/// Replays <c>consensus/votepower/roster_test.go</c> <c>TestCompute</c>: 10 Harmony-operated slots, then 10 staked slots
/// whose stakes are the seed-541 draws 10–19 (the Harmony slots draw 0–9 and discard them), at localnet epoch 3,
/// where the Harmony vote share is 0.68. The test's expected roster applies the per-slot formula with no residue
/// (none is left for these stakes) and requires the two totals to make exactly one; the per-slot values below are
/// that formula evaluated in Harmony's <c>numeric.Dec</c>.
/// </summary>
[TestClass]
public sealed class RosterTests
{
    private static readonly long HarmonyShare = VotingPower.FromDecimal(0.68m);

    private static BigInteger?[] Slots() => [.. Enumerable.Repeat<BigInteger?>(null, 10), .. GoRandStakes.Draws(10, 10).Select(s => (BigInteger?)s)];

    [TestMethod]
    public void TestCompute_each_harmony_slot_holds_0_068()
    {
        var power = VotingPower.Compute(Slots(), [.. Enumerable.Repeat(true, 20)], HarmonyShare);
        CollectionAssert.AreEqual(Enumerable.Repeat(68_000_000_000_000_000L, 10).ToArray(), power.Take(10).ToArray());
    }

    [TestMethod]
    public void TestCompute_each_staked_slot_holds_its_stake_quo_total_mul_0_32()
    {
        var power = VotingPower.Compute(Slots(), [.. Enumerable.Repeat(true, 20)], HarmonyShare);
        long[] expected =
        [
            17_530_662_305_805_396, 37_939_493_049_877_351, 6_279_640_228_945_217, 44_480_784_955_028_618, 24_333_605_887_162_715,
            47_620_605_069_501_227, 47_882_256_745_707_277, 4_971_381_847_914_963, 44_219_133_278_822_567, 44_742_436_631_234_669,
        ];
        CollectionAssert.AreEqual(expected, power.Skip(10).ToArray());
    }

    [TestMethod]
    public void TestCompute_harmony_and_staked_totals_are_0_68_and_0_32_and_make_one()
    {
        var power = VotingPower.Compute(Slots(), [.. Enumerable.Repeat(true, 20)], HarmonyShare);
        Assert.AreEqual(680_000_000_000_000_000L, power.Take(10).Sum());
        Assert.AreEqual(320_000_000_000_000_000L, power.Skip(10).Sum());
        Assert.AreEqual(VotingPower.One, power.Sum());
    }
}
