using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Reference §1.9: a fixed leader without rotation; with rotation, hand-over after a run of blocks, skipping silent signers.</summary>
[TestClass]
public sealed class LeaderRotationTests
{
    private static NetworkSpec Spec(LeaderRotation rotation, params NodeSpec[] nodes) => new()
    {
        Nodes = nodes,
        Config = new FbftConfig { BlocksPerEpoch = 1_000_000, Rotation = rotation, ViewChangeLeaders = ViewChangeLeaderPolicy.AllValidators },
        Jitter = TimeSpan.Zero,
    };

    [TestMethod]
    public void Without_rotation_slot_zero_leads_every_block()
    {
        var net = new TestNetwork(Spec(LeaderRotation.None, new(), new(), new(), new())).Run(TimeSpan.FromSeconds(60));
        Assert.IsGreaterThan(20, net.Leaders.Count);
        Assert.IsTrue(net.Leaders.All(l => l.LeaderNode == net.Leaders[0].LeaderNode));
    }

    [TestMethod]
    public void With_rotation_each_leader_serves_its_run_of_blocks_then_the_next_key_takes_over()
    {
        var net = new TestNetwork(Spec(LeaderRotation.After(2), new(), new(), new(), new())).Run(TimeSpan.FromSeconds(60));
        var order = net.Leaders.Select(l => net.Committee.IndexOf(net.NodeKeys[l.LeaderNode][0].Public)).ToList();
        Assert.IsGreaterThan(16, order.Count);
        for (var i = 0; i < 16; i++) Assert.AreEqual(i / 2 % 4, order[i], $"block {i + 1}: {string.Join(",", order)}");
        Assert.AreEqual(0, net.ViewChangesStarted);
    }

    [TestMethod]
    public void A_key_that_signed_none_of_the_last_four_blocks_is_skipped()
    {
        var net = new TestNetwork(Spec(LeaderRotation.After(1), new(), new(), new(Behaviour: Byzantine.WithholdVotes), new(), new())).Run(TimeSpan.FromSeconds(80));
        var leaders = net.Leaders.Skip(5).Select(l => l.LeaderNode).ToList();
        Assert.IsGreaterThan(20, leaders.Count);
        CollectionAssert.DoesNotContain(leaders, 2);
        Assert.IsEmpty(net.SafetyViolations);
    }

    [TestMethod]
    public void Mainnets_rule_serves_max_of_blocks_per_epoch_over_slots_and_four()
    {
        Assert.AreEqual(131, LeaderRotation.Mainnet.BlocksPerLeader(32_768, 250));
        Assert.AreEqual(4, LeaderRotation.Mainnet.BlocksPerLeader(16, 9));
        Assert.AreEqual(3, LeaderRotation.After(3).BlocksPerLeader(32_768, 250));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LeaderRotation.After(0));
    }
}
