using System.Numerics;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.3 steps 5–6: median of the picks and the clamp to [(1−c)·median, (1+c)·median].</summary>
[TestClass]
public sealed class EffectiveStakeTests
{
    [TestMethod]
    public void Median_of_an_odd_count_is_the_middle_value_whatever_the_input_order()
    {
        Assert.AreEqual(new BigInteger(5), EffectiveStake.Median([9, 1, 5, 7, 2]));
    }

    [TestMethod]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values_rounded_down()
    {
        Assert.AreEqual(new BigInteger(6), EffectiveStake.Median([9, 1, 5, 7]));
        Assert.AreEqual(new BigInteger(5), EffectiveStake.Median([1, 5, 6, 9])); // 5.5 → 5
        Assert.AreEqual(BigInteger.Zero, EffectiveStake.Median([]));
    }

    [TestMethod]
    public void Bounds_at_c_035_are_65_and_135_percent_of_the_median()
    {
        Assert.AreEqual((new BigInteger(650), new BigInteger(1350)), EffectiveStake.Bounds(1000, 0.35m));
        Assert.AreEqual((EposBuilder.Ones(65), EposBuilder.Ones(135)), EffectiveStake.Bounds(EposBuilder.Ones(100), 0.35m));
    }

    [TestMethod]
    public void Bounds_round_inwards_to_whole_atto()
    {
        // 0.65 × 1001 = 650.65 → 651; 1.35 × 1001 = 1351.35 → 1351.
        Assert.AreEqual((new BigInteger(651), new BigInteger(1351)), EffectiveStake.Bounds(1001, 0.35m));
        // The pre-631 bound: 0.85 × 1001 = 850.85 → 851; 1.15 × 1001 = 1151.15 → 1151.
        Assert.AreEqual((new BigInteger(851), new BigInteger(1151)), EffectiveStake.Bounds(1001, EposParameters.BoundBeforeEpoch631));
    }

    [TestMethod]
    public void Clamp_lifts_small_stakes_cuts_large_ones_and_keeps_those_in_between()
    {
        Assert.AreEqual(new BigInteger(650), EffectiveStake.Clamp(1, 1000, 0.35m));
        Assert.AreEqual(new BigInteger(650), EffectiveStake.Clamp(650, 1000, 0.35m));
        Assert.AreEqual(new BigInteger(999), EffectiveStake.Clamp(999, 1000, 0.35m));
        Assert.AreEqual(new BigInteger(1350), EffectiveStake.Clamp(1350, 1000, 0.35m));
        Assert.AreEqual(new BigInteger(1350), EffectiveStake.Clamp(BigInteger.Pow(10, 30), 1000, 0.35m));
    }

    [TestMethod]
    public void The_bound_follows_the_mainnet_epoch()
    {
        Assert.AreEqual(0.15m, EposParameters.BoundForEpoch(630));
        Assert.AreEqual(0.35m, EposParameters.BoundForEpoch(631));
    }
}
