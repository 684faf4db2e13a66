using HarmonySim.Conformance.Tests.Support;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Conformance.Tests.Staking.Effective;

/// <summary>
/// Replays <c>staking/effective/calculate_test.go</c> <c>TestMedian</c>: the median of 20 purchases whose stakes are the
/// seed-541 draws 0–19 in atto (an even count: the mean of the 10th and 11th, (105 + 111) / 2 = 108).
/// Left out: <c>TestEffectiveStake</c>. Harmony keeps effective stakes in <c>Dec</c>, so clamping 19 atto to
/// 0.85 × 108 gives 91.8 atto; HarmonySim's committees hold whole atto (it clamps to 92), a documented difference.
/// </summary>
[TestClass]
public sealed class CalculateTests
{
    [TestMethod]
    public void TestMedian_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.AreEqual(108, (int)EffectiveStake.Median(GoRandStakes.Draws(0, 20)));
}
