using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

[TestClass]
public sealed class HarnessSmokeTests
{
    [TestMethod]
    public void Four_honest_nodes_commit_blocks()
    {
        var net = new TestNetwork(new NetworkSpec { Nodes = [.. Enumerable.Repeat(new NodeSpec(), 4)] }).Run(TimeSpan.FromSeconds(60));
        Console.WriteLine($"min {net.MinHonestHeight} max {net.MaxHonestHeight} deliveries {net.Deliveries} vc {net.ViewChangesStarted}");
        Assert.IsTrue(net.MinHonestHeight >= 25, $"height {net.MinHonestHeight}");
        Assert.IsEmpty(net.SafetyViolations);
    }
}
