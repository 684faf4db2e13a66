using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Reference §1.7: every timing constant defaults to mainnet's value and can be changed.</summary>
[TestClass]
public sealed class FbftConfigTests
{
    [TestMethod]
    public void Defaults_are_mainnets_current_values()
    {
        var c = new FbftConfig();
        Assert.AreEqual(TimeSpan.FromSeconds(2), c.BlockPeriod);
        Assert.AreEqual(TimeSpan.FromSeconds(27), c.PhaseTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(27), c.ViewChangeTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(45), c.ViewChangeSlot);
        Assert.AreEqual(TimeSpan.FromSeconds(120), c.BootstrapTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(1), c.MinCommitGrace);
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), c.CommitGraceMargin);
        Assert.AreEqual(100UL, c.MaxBlockNumDiff);
        Assert.AreEqual(249UL, c.MaxViewIdDiff);
        Assert.AreEqual(5UL, c.StaleViewWindow);
        Assert.AreEqual(32_768UL, c.BlocksPerEpoch);
        Assert.AreEqual(ViewChangeLeaderPolicy.HarmonyKeysOnly, c.ViewChangeLeaders);
        Assert.IsFalse(c.Rotation.Enabled);
    }

    [TestMethod]
    public void A_changed_block_period_paces_the_chain()
    {
        var fast = new Harness.TestNetwork(new Harness.NetworkSpec
        {
            Nodes = [new(), new(), new(), new()],
            Config = new FbftConfig { BlockPeriod = TimeSpan.FromSeconds(1), BlocksPerEpoch = 1_000_000 },
            Jitter = TimeSpan.Zero,
        }).Run(TimeSpan.FromSeconds(60));
        var slow = new Harness.TestNetwork(new Harness.NetworkSpec
        {
            Nodes = [new(), new(), new(), new()],
            Config = new FbftConfig { BlockPeriod = TimeSpan.FromSeconds(5), BlocksPerEpoch = 1_000_000 },
            Jitter = TimeSpan.Zero,
        }).Run(TimeSpan.FromSeconds(60));
        // With 1 s blocks the 1 s minimum commit grace, not the period, sets the pace (as on Harmony).
        Assert.IsGreaterThanOrEqualTo(45UL, fast.MinHonestHeight);
        Assert.IsLessThanOrEqualTo(12UL, slow.MinHonestHeight);
        Assert.IsGreaterThanOrEqualTo(11UL, slow.MinHonestHeight);
    }

    [TestMethod]
    public void Epoch_boundaries_follow_blocks_per_epoch()
    {
        var c = new FbftConfig { BlocksPerEpoch = 16 };
        Assert.IsTrue(c.IsLastBlockInEpoch(15));
        Assert.IsFalse(c.IsLastBlockInEpoch(16));
        Assert.AreEqual(1UL, c.EpochOf(16));
        Assert.AreEqual(0UL, c.EpochOf(15));
    }
}
