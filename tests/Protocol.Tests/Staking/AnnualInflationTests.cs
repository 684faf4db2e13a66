using System.Numerics;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Issuance as an annual inflation rate, turned into a per-block reward from the supply and the block time.</summary>
[TestClass]
public sealed class AnnualInflationTests
{
    private static readonly BigInteger Atto = Units.AttoPerOne;

    [TestMethod]
    public void Harmonys_fixed_issuance_is_a_rate_of_the_supply_that_gives_seven_one_per_two_second_block_on_four_shards()
    {
        // Reference economics §4: 7 ONE per block, 4 shards, 2 s blocks = 441,806,400 ONE a year; that is 3.5 % of
        // 12,623,040,000 ONE, so the rate schedule at that supply pays exactly Harmony's reward.
        var inflation = new AnnualInflation(Dec.FromDecimal(0.035m), TimeSpan.FromSeconds(2), 4, Dec.Zero);
        var era = inflation.EraFor(366, 12_623_040_000 * Atto);
        Assert.AreEqual(7 * Atto, era.PerBlock);
        Assert.AreEqual(7 * Atto, era.ToValidators);
        Assert.AreEqual(441_806_400 * Atto, era.PerBlock * 4 * (BigInteger)(AnnualInflation.Year.TotalSeconds / 2));
    }

    [TestMethod]
    public void The_reward_is_floored_to_the_atto_and_the_dao_takes_its_share_of_it()
    {
        // 1,000,000 ONE × 6 % × 5 s / (31,557,600 s × 2 shards) = 0.004753213172104342... ONE.
        var inflation = new AnnualInflation(Dec.FromDecimal(0.06m), TimeSpan.FromSeconds(5), 2, Dec.FromDecimal(0.25m));
        var era = inflation.EraFor(3, 1_000_000 * Atto);
        Assert.AreEqual(BigInteger.Parse("4753213172104342"), era.PerBlock);
        Assert.AreEqual(BigInteger.Parse("1188303293026085"), era.ToRecovery, "⌊25 % of the reward⌋");
        Assert.AreEqual(era.PerBlock, era.ToValidators + era.ToRecovery);
        Assert.AreEqual(3UL, era.FromEpoch);
    }

    [TestMethod]
    public void The_schedule_follows_the_supply_with_a_rate_and_ignores_it_with_eras()
    {
        var rate = BlockRewardSchedule.FromInflation(new AnnualInflation(Dec.FromDecimal(0.1m), TimeSpan.FromSeconds(2), 1, Dec.Zero));
        Assert.AreEqual(2 * rate.ForEpoch(5, 1_000_000 * Atto).PerBlock, rate.ForEpoch(5, 2_000_000 * Atto).PerBlock);
        Assert.AreEqual(7 * Atto, BlockRewardSchedule.Mainnet.ForEpoch(400, 123 * Atto).PerBlock);
        Assert.AreEqual(BlockRewardSchedule.HarmonyRecovery, rate.Recovery);
    }
}
