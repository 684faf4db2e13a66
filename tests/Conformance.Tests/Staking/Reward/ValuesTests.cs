using System.Numerics;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking.Rewards;

namespace HarmonySim.Conformance.Tests.Staking.Reward;

/// <summary>
/// Replays <c>staking/reward/values_test.go</c> <c>TestFiveSecondsBaseStakedReward</c> against HarmonySim's mainnet
/// schedule: the 5-second and 2-second block rewards are 28 ONE × 5/8 and × 2/8 in <c>Dec</c>. Left out:
/// <c>TestGetPreStakingRewardsFromBlockNumber</c> (mainnet and testnet totals HarmonySim does not track).
/// </summary>
[TestClass]
public sealed class ValuesTests
{
    private static readonly Dec StakedBlocks = Dec.FromInteger(28 * BigInteger.Pow(10, 18));

    [TestMethod]
    [DataRow(230UL, 5L, DisplayName = "TestFiveSecondsBaseStakedReward FiveSecStakedBlocks")]
    [DataRow(366UL, 2L, DisplayName = "TestFiveSecondsBaseStakedReward TwoSecStakedBlocks")]
    public void The_faster_blocks_reward_is_the_launch_reward_scaled_by_block_time(ulong epoch, long eighths)
    {
        var expected = StakedBlocks.Mul(Dec.FromInteger(eighths)).Quo(Dec.FromInteger(8));
        Assert.AreEqual(expected, Dec.FromInteger(BlockRewardSchedule.Mainnet.At(epoch).ToValidators));
        Assert.AreEqual(StakedBlocks, Dec.FromInteger(BlockRewardSchedule.Mainnet.At(186).ToValidators));
    }
}
