using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

[TestClass]
public sealed class LargeCommitteeTests
{
    /// <summary>
    /// 250 nodes, leader rotation every block over all validators, a byzantine (silent) leader every 10th slot, and
    /// byzantine nodes (silent leaders plus split-brain equivocators) holding 82/250 = 32.8 % of the votes, just under 1/3.
    /// </summary>
    [TestMethod]
    public void Two_hundred_fifty_nodes_commit_a_hundred_blocks_with_a_byzantine_leader_every_tenth_view()
    {
        var nodes = Enumerable.Range(0, 250).Select(i => i % 10 == 9 ? new NodeSpec(Behaviour: Byzantine.SilentLeader)
            : i % 10 is 2 or 5 || (i % 10 == 7 && i < 70) ? new NodeSpec(Behaviour: Byzantine.SplitBrain)
            : new NodeSpec()).ToArray();
        var byzantine = nodes.Count(n => n.IsByzantine);
        Assert.AreEqual(82, byzantine);
        Assert.IsLessThan(1.0 / 3, byzantine / 250.0);

        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = nodes,
            Seed = 7,
            Config = new FbftConfig { BlocksPerEpoch = 1_000_000, Rotation = LeaderRotation.After(1), ViewChangeLeaders = ViewChangeLeaderPolicy.AllValidators },
        }).Run(TimeSpan.FromHours(1), n => n.MinHonestHeight >= 100);

        Assert.IsEmpty(net.SafetyViolations);
        Assert.IsGreaterThanOrEqualTo(100UL, net.MinHonestHeight, $"height {net.MinHonestHeight} at {net.Now}");
        var byzantineLeaderTurns = net.NewViewsEntered;
        Assert.IsGreaterThanOrEqualTo(9 * 168, byzantineLeaderTurns, "every byzantine leader's turn ended in a view change at every honest node");
        Console.WriteLine($"{net.MinHonestHeight} blocks in {net.Now}, {net.Deliveries} deliveries, {net.ViewChangesStarted} view changes started by honest nodes");
    }
}
